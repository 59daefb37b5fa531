import type { ApolloServerPlugin } from "@apollo/server";
import {
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import type { RequestContext } from "../context";
import { defaultPageSize } from "../data/keyset-pagination";
import { badInput } from "../errors";

// graphql-armor's cost rule runs with a document's validation, which Apollo does once per document
// and keeps: it multiplies a list by a `first` or `last` written in the document, and counts one
// given by a variable, or a list asked without one (the default page's rows), as one row. So
// fifteen aliases of `first: $n` with n = 100 passed a limit that `first: 100` written out failed.
// Such an operation is counted again here, once its variables are known, with its page sizes
// written into the document: by the same rule, so that one cost model holds for both.
export function pageSizeCostPlugin(costRule: ValidationRule, maxPageSize: number): ApolloServerPlugin<RequestContext> {
  const defaultSize = defaultPageSize(maxPageSize);
  // Whether a document has any page size that is not written in it; most have none.
  const unwritten = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          let pending = unwritten.get(document);
          if (pending === undefined) {
            pending = withPageSizes(schema, document, null, defaultSize) !== document;
            unwritten.set(document, pending);
          }
          if (!pending) return;
          const sized = withPageSizes(schema, document, request.variables ?? {}, defaultSize);
          const [overCost] = validate(schema, sized, [costRule]);
          if (overCost) {
            const { code: _code, ...limit } = overCost.extensions;
            throw badInput(overCost.message, { ...limit, http: { status: 400 } });
          }
        },
      };
    },
  };
}

// The document with the page size of every list that takes one written in: a variable's value
// (its default page when the variable is unset or not a whole number), the default page where
// none is given: a connection's, or a list's nested in a record (a case's notes), alike.
// With `variables` null, only whether anything would change: the document itself when nothing.
function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null,
  defaultSize: number,
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const literal = (size: number) => ({ kind: Kind.INT, value: String(size) }) as const;
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        // A connection takes `first` (and `last`); a nested list one of them.
        const sizeArgument = field?.args.find((arg) => arg.name === "first") ?? field?.args.find((arg) => arg.name === "last");
        if (!field || !sizeArgument) return undefined;
        const args = node.arguments ?? [];
        const size = args.find((arg) => arg.name.value === "first" || arg.name.value === "last");
        if (size?.value.kind === Kind.INT) return undefined;
        if (variables === null) return { ...node };
        const given = size?.value.kind === Kind.VARIABLE ? variables[size.value.name.value] : undefined;
        const rows = Number.isSafeInteger(given) ? (given as number) : defaultSize;
        const sized: ArgumentNode = { kind: Kind.ARGUMENT, name: size?.name ?? { kind: Kind.NAME, value: sizeArgument.name }, value: literal(rows) };
        return { ...node, arguments: [...args.filter((arg) => arg !== size), sized] };
      },
    }),
  );
}
