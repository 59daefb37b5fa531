import { Kind, type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";
import { badInput } from "../errors";
import { asGraphQLError } from "./graphql-error";

// graphql-js checks that fields answering under one name can be merged by comparing them in pairs,
// and past a fixed budget of that work (500,000, for the whole document) it gives up with a bare
// "Validation aborted." that names no limit. Some 710 selections of one field reach it, and no
// other limit stops them: `__typename` costs next to nothing, needs no alias, and is one token.
// Below this many fields the pairs of even a document that selects one field throughout stay
// within the budget; the largest introspection query selects 230, a dashboard page 31.
export const MAX_FIELDS = 500;

// Fields the document selects: each operation's, a fragment's every time it is spread (as they
// are compared), and those of fragments no operation spreads (checked all the same).
function fieldCount(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment's count once it is known; 0 while it is being counted, so that a cycle (refused
  // by its own rule) ends.
  const fragmentCounts = new Map<string, number>();
  const ofFragment = (name: string): number => {
    const known = fragmentCounts.get(name);
    if (known !== undefined) return known;
    fragmentCounts.set(name, 0);
    const fragment = fragments.get(name);
    const count = fragment ? ofSelectionSet(fragment.selectionSet) : 0;
    fragmentCounts.set(name, count);
    return count;
  };
  const ofSelectionSet = (selectionSet: SelectionSetNode | undefined): number =>
    (selectionSet?.selections ?? []).reduce((count, selection) => {
      if (selection.kind === Kind.FIELD) return count + 1 + ofSelectionSet(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return count + ofSelectionSet(selection.selectionSet);
      return count + ofFragment(selection.name.value);
    }, 0);

  let count = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) count += ofSelectionSet(definition.selectionSet);
  }
  for (const name of fragments.keys()) if (!fragmentCounts.has(name)) count += ofFragment(name);
  return count;
}

export function fieldCountRule(context: ValidationContext): ASTVisitor {
  return {
    Document(document) {
      if (fieldCount(document) <= MAX_FIELDS) return undefined;
      context.reportError(
        asGraphQLError(
          badInput(`The request selects more than ${MAX_FIELDS} fields (a fragment's count each time it is spread); split it into smaller requests`, {
            maxFields: MAX_FIELDS,
          }),
        ),
      );
      // Answered for every rule at once: the document leaves this validation, so graphql-js's
      // comparison does not then run out of budget and add its bare error to this one.
      return null;
    },
  };
}
