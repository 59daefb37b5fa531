import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { DETAIL_COLUMNS, type Loaders } from "../data/loaders";
import type { RowLoader } from "../data/row-loader";
import type { Listing, Seller } from "../entities";

type SelectionSets = readonly SelectionSetNode[];

// The selection sets of the field being resolved.
export const ownSelections = (info: GraphQLResolveInfo): SelectionSets =>
  info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

// Every field selected in `sets`, directly or through fragments. Directives are not evaluated: a
// field that @skip leaves out still counts, which only loads more than needed.
function fieldsIn(info: GraphQLResolveInfo, sets: SelectionSets): FieldNode[] {
  const fields: FieldNode[] = [];
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return fields;
}

const selectsAnyOf = (info: GraphQLResolveInfo, names: readonly string[], sets = ownSelections(info)): boolean =>
  fieldsIn(info, sets).some((field) => names.includes(field.name.value));

// The selection sets of the fields called `name` in `sets`.
export const selectionsOf = (info: GraphQLResolveInfo, sets: SelectionSets, name: string): SelectionSets =>
  fieldsIn(info, sets).flatMap((field) => (field.name.value === name && field.selectionSet ? [field.selectionSet] : []));

// A listing or seller field needs whole rows if its selection asks for one of the detail columns
// (loaders.ts), else brief rows do.
export type RowWidth = "brief" | "whole";
const widthFor = (info: GraphQLResolveInfo, details: readonly string[], sets: SelectionSets): RowWidth =>
  selectsAnyOf(info, details, sets) ? "whole" : "brief";
export const listingWidth = (info: GraphQLResolveInfo, sets = ownSelections(info)) => widthFor(info, DETAIL_COLUMNS.listing, sets);
export const sellerWidth = (info: GraphQLResolveInfo, sets = ownSelections(info)) => widthFor(info, DETAIL_COLUMNS.seller, sets);

// A field's width, once per execution of the field rather than once per row: graphql-js hands
// every row of a list the same fieldNodes array.
const widthsOfFields = new WeakMap<GraphQLResolveInfo["fieldNodes"], RowWidth>();
function ownWidth(info: GraphQLResolveInfo, width: (info: GraphQLResolveInfo) => RowWidth): RowWidth {
  let known = widthsOfFields.get(info.fieldNodes);
  if (known === undefined) widthsOfFields.set(info.fieldNodes, (known = width(info)));
  return known;
}

export const listingLoaderFor = (loaders: Loaders, info: GraphQLResolveInfo) =>
  ownWidth(info, listingWidth) === "whole" ? loaders.listing : loaders.listingBrief;

export const sellerLoaderFor = (loaders: Loaders, info: GraphQLResolveInfo) =>
  ownWidth(info, sellerWidth) === "whole" ? loaders.seller : loaders.sellerBrief;

// The loaders a row of that width can answer for: a whole row also serves a brief one.
export const listingLoadersOf = (loaders: Loaders, width: RowWidth): RowLoader<Listing>[] =>
  width === "whole" ? [loaders.listing, loaders.listingBrief] : [loaders.listingBrief];

export const sellerLoadersOf = (loaders: Loaders, width: RowWidth): RowLoader<Seller>[] =>
  width === "whole" ? [loaders.seller, loaders.sellerBrief] : [loaders.sellerBrief];
