import type { ApolloServerPlugin } from "@apollo/server";
import { settleOperationRules } from "../auth/secure-schema";
import type { RequestContext } from "../context";

// Settles the per-request permission rules of the operation's fields before it runs
// (src/auth/secure-schema.ts), so that no field waits on a rule's first evaluation.
export function settleRulesPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          await settleOperationRules(schema, document, contextValue);
        },
      };
    },
  };
}
