import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";

// What a single request may ask for at its root, checked before anything runs.
// - One mutation field: mutations run one after another, and a later one that fails with a
//   non-null payload nulls the whole answer, so the client would never learn what the earlier ones
//   changed (a note saved, an id it cannot see).
// - One matchIndicators: each is charged to the quota as it runs, and one refused past the quota
//   nulls the answers of those charged before it. A single call takes every value in its list.
// - No subscription: the schema has none, and graphql-js would only find that out when running it.

function rootFields(selectionSet: SelectionSetNode, fragments: (name: string) => FragmentDefinitionNode | null | undefined, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === "__typename" ? [] : [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

export function operationShapeRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (operation.operation === "subscription") {
        context.reportError(new GraphQLError("This API has no subscriptions: send a query or a mutation", { nodes: operation }));
        return;
      }
      const fields = rootFields(operation.selectionSet, (name) => context.getFragment(name));
      if (operation.operation === "mutation" && fields.length > 1) {
        context.reportError(
          new GraphQLError(`A request makes one change: send each of these ${fields.length} mutations in a request of its own`, { nodes: operation }),
        );
      }
      const matches = fields.filter((field) => field === "matchIndicators").length;
      if (matches > 1) {
        context.reportError(
          new GraphQLError(`Ask matchIndicators once a request, with every value in its queries list (this request asks ${matches} times)`, { nodes: operation }),
        );
      }
    },
  };
}
