import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchemaSync, getMetadataStorage } from "type-graphql";
import { resolvers } from "../resolvers";
import "./enums";
import { checkFilterLists } from "./filter-lists";

// The schema as type-graphql builds it from the resolvers and types, before permissions.
//
// A field without a field resolver is read straight off its parent by graphql-js's default
// resolver, as type-graphql's `simpleResolvers` option does for a type: otherwise type-graphql
// wraps each in a resolver of its own that runs its middleware chain (this schema has none) and
// builds a resolver-data object per field and row, about a thousand on a dashboard page. In
// bench:query's load on one API process, 7-25% more requests a second in three runs alternating
// with the wrapped fields. A field whose schema name differs from its property keeps type-graphql's
// resolver, which reads the property.
export function buildBaseSchema(): GraphQLSchema {
  const metadata = getMetadataStorage();
  for (const type of metadata.objectTypes) type.simpleResolvers = true;
  for (const field of metadata.fields) if (field.schemaName !== field.name) field.simple = false;
  const schema = buildSchemaSync({ resolvers, validate: false, validateFn: checkFilterLists });
  // type-graphql names the root types without a way to describe them.
  schema.getQueryType()!.description =
    "What a signed-in user or API key reads: every list and lookup answers only what the caller's organization may see, and a record out of its reach answers exactly as one that does not exist";
  schema.getMutationType()!.description =
    "Writes: a refused one (its error's extensions.code says why) changes nothing, but for a failed login, which counts against its address's sign-in limit; " +
    "a bulk one is all or nothing unless its description says otherwise";
  return schema;
}
