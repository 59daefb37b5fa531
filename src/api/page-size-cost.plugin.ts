import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNullableType,
  isListType,
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
import { DEFAULT_PAGE_SIZE } from "../data/keyset-pagination";
import { badInput } from "../errors";

// graphql-armor's cost rule runs with a document's validation, which Apollo does once per document
// and keeps: it multiplies a list by a `first` or `last` written in the document, and counts one
// given by a variable, or a list asked without one (a connection's DEFAULT_PAGE_SIZE rows, a nested
// list's MAX_PAGE_SIZE), as one row. So fifteen aliases of `first: $n` with n = 100 passed a limit
// that `first: 100` written out failed. Such an operation is counted again here, once its
// variables are known, with its page sizes written into the document: by the same rule, so that
// one cost model holds for both.
export function pageSizeCostPlugin(costRule: ValidationRule, maxPageSize: number): ApolloServerPlugin<RequestContext> {
  const defaultSizes = { connection: Math.min(DEFAULT_PAGE_SIZE, maxPageSize), nestedList: maxPageSize };
  // Whether a document has any page size that is not written in it; most have none.
  const unwritten = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          let pending = unwritten.get(document);
          if (pending === undefined) {
            pending = withPageSizes(schema, document, null, defaultSizes) !== document;
            unwritten.set(document, pending);
          }
          if (!pending) return;
          const sized = withPageSizes(schema, document, request.variables ?? {}, defaultSizes);
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
// none is given. A connection's is DEFAULT_PAGE_SIZE; a list nested in a record (an indicator's
// sightings, a case's notes) reads up to MAX_PAGE_SIZE rows when not told how many.
// With `variables` null, only whether anything would change: the document itself when nothing.
function withPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null,
  defaultSizes: { connection: number; nestedList: number },
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
        const defaultSize = isListType(getNullableType(field.type)) ? defaultSizes.nestedList : defaultSizes.connection;
        const rows = Number.isSafeInteger(given) ? (given as number) : defaultSize;
        const sized: ArgumentNode = { kind: Kind.ARGUMENT, name: size?.name ?? { kind: Kind.NAME, value: sizeArgument.name }, value: literal(rows) };
        return { ...node, arguments: [...args.filter((arg) => arg !== size), sized] };
      },
    }),
  );
}
