import { ApiKey, Brand, Indicator, InfringementNote, Listing, Organization, Product, Seller, SuspectedInfringement } from "../entities";

// Every GraphQL type that implements Node, with the entity behind it.
export const NODE_ENTITIES = {
  Organization,
  Brand,
  Product,
  Seller,
  Listing,
  Infringement: SuspectedInfringement,
  InfringementNote,
  ApiKey,
  Indicator,
} as const;

export type NodeTypeName = keyof typeof NODE_ENTITIES;

const typeNameOfEntity = new Map<unknown, NodeTypeName>(
  Object.entries(NODE_ENTITIES).map(([typeName, entity]) => [entity, typeName as NodeTypeName]),
);

export const nodeTypeNameOf = (value: object): NodeTypeName | undefined => typeNameOfEntity.get(value.constructor);

export const isNodeTypeName = (name: string): name is NodeTypeName => Object.hasOwn(NODE_ENTITIES, name);
