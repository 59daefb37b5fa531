import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { DETAIL_COLUMNS, type Loaders } from "../data/loaders";

// Whether the field being resolved selects any of `names` on its value, directly or through
// fragments. Directives are not evaluated: a field that @skip leaves out still counts, which only
// loads more than needed.
export function selectsAnyOf(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const visited = new Set<string>();
  const selects = (selectionSet: SelectionSetNode | undefined): boolean =>
    selectionSet?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return names.includes(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet);
      if (visited.has(selection.name.value)) return false;
      visited.add(selection.name.value);
      return selects(info.fragments[selection.name.value]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => selects(node.selectionSet));
}

// The loader of a field that leads to a listing or a seller: brief rows (loaders.ts) unless its
// selection asks for one of the detail columns.
export const listingLoaderFor = (loaders: Loaders, info: GraphQLResolveInfo) =>
  selectsAnyOf(info, DETAIL_COLUMNS.listing) ? loaders.listing : loaders.listingBrief;

export const sellerLoaderFor = (loaders: Loaders, info: GraphQLResolveInfo) =>
  selectsAnyOf(info, DETAIL_COLUMNS.seller) ? loaders.seller : loaders.sellerBrief;
