import { BREAK, visit, type DocumentNode } from "graphql";
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
