import type { ApolloServerPlugin } from "@apollo/server";
import { hideSchemaSuggestionsFromAnonymous, refuseAnonymousIntrospection } from "../auth/schema-introspection";
import type { RequestContext } from "../context";

// Applies src/auth/schema-introspection.ts to each operation before it runs, and to its errors.
export function introspectionPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          refuseAnonymousIntrospection(document, contextValue.viewer);
        },
        async didEncounterErrors({ errors, contextValue }) {
          hideSchemaSuggestionsFromAnonymous(errors, contextValue.viewer);
        },
      };
    },
  };
}
