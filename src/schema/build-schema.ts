import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";
import { resolvers } from "../resolvers";
import "./enums";

// The schema as type-graphql builds it from the resolvers and types, before permissions.
export function buildBaseSchema(): GraphQLSchema {
  return buildSchemaSync({ resolvers, validate: false });
}
