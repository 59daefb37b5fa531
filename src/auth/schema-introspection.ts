import { BREAK, visit, type DocumentNode, type GraphQLError } from "graphql";
import { unauthenticated } from "../errors";
import type { Viewer } from "./viewer";

// The schema is read by signed-in clients only (a member's GraphQL tooling, with its token or key).
// Graphql-shield guards the schema's own fields; __schema and __type are graphql-js's, so this is
// checked on the document before it runs. Anonymous requests may only sign in.
export function refuseAnonymousIntrospection(document: DocumentNode, viewer: Viewer | null): void {
  if (viewer) return;
  let introspects = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== "__schema" && node.name.value !== "__type") return undefined;
      introspects = true;
      return BREAK;
    },
  });
  if (introspects) throw unauthenticated("Sign in to read the schema (send a Bearer token or an x-api-key header); schema.graphql holds it too");
}

// graphql-js's validation suggests the schema's names for a misspelt one ('Did you mean
// "infringements"?'): to a signed-in client, which may read the schema anyway, that is the help it
// needs; an anonymous request's errors name nothing of the schema but what it sent.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function hideSchemaSuggestionsFromAnonymous(errors: readonly GraphQLError[], viewer: Viewer | null): void {
  if (viewer) return;
  for (const error of errors) error.message = error.message.replace(SUGGESTION, "");
}
