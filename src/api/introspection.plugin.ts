import type { ApolloServerPlugin } from "@apollo/server";
import { refuseAnonymousIntrospection } from "../auth/schema-introspection";
import type { RequestContext } from "../context";

// Applies src/auth/schema-introspection.ts to each operation before it runs.
export function introspectionPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          refuseAnonymousIntrospection(document, contextValue.viewer);
        },
      };
    },
  };
}
