import type { GraphQLSchema } from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { deny, shield } from "graphql-shield";
import { forbidden } from "../errors";
import { missingPermissions } from "./permission-completeness";
import { permissionMap } from "./permissions";

// The schema served to clients: every field behind its rule. Refuses to build while any field
// lacks a rule, so an unguarded field can never be served.
export function secureSchema(schema: GraphQLSchema): GraphQLSchema {
  const problems = missingPermissions(schema, permissionMap);
  if (problems.length) {
    throw new Error(`The permission map does not cover the schema:\n  ${problems.join("\n  ")}`);
  }
  const permissions = shield(permissionMap, {
    fallbackRule: deny,
    fallbackError: () => forbidden("You may not read or change this"),
    // Resolver errors (validation, NOT_FOUND, ...) pass through; formatError hides internal ones.
    allowExternalErrors: true,
  });
  return applyMiddleware(schema, permissions);
}
