import type { GraphQLSchema } from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { deny, shield, type IRules } from "graphql-shield";
import { forbidden } from "../errors";
import { missingPermissions } from "./permission-completeness";
import { permissionMap } from "./permissions";
import { sensitiveReadMiddleware } from "./sensitive-fields";

// The schema served to clients: every field behind its rule. Refuses to build while any field
// lacks a rule, so an unguarded field can never be served.
export function secureSchema(schema: GraphQLSchema, rules: IRules = permissionMap): GraphQLSchema {
  const problems = missingPermissions(schema, rules as Record<string, Record<string, unknown>>);
  if (problems.length) {
    throw new Error(`The permission map does not cover the schema:\n  ${problems.join("\n  ")}`);
  }
  const permissions = shield(rules, {
    fallbackRule: deny,
    fallbackError: () => forbidden("You may not read or change this"),
    // Resolver errors (validation, NOT_FOUND, ...) pass through; formatError hides internal ones.
    allowExternalErrors: true,
  });
  // Permissions first (outermost): the audit of sensitive reads sees only the reads they allowed.
  return applyMiddleware(schema, permissions, sensitiveReadMiddleware);
}
