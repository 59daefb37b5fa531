import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { refusalOfMutation, settleOperationRules } from "../auth/secure-schema";
import type { RequestContext } from "../context";
import { formatError } from "./format-error";

// Settles the per-request permission rules of the operation's fields before it runs
// (src/auth/secure-schema.ts), so that no field waits on a rule's first evaluation; and answers a
// mutation whose selection holds a field the caller may not read without running it, as a refused
// step is answered (`data: null`, the field's error), since its change would be made all the same.
export function settleRulesPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          await settleOperationRules(schema, document, contextValue);
        },
        async responseForOperation({ schema, document, operation, contextValue }) {
          // No operation to run (several in the document and no operationName, or a name that none
          // has): Apollo answers that itself, once this returns. Its type says otherwise.
          if (!(operation as typeof operation | undefined)) return null;
          const refusal = refusalOfMutation(schema, document, operation, contextValue);
          if (!refusal) return null;
          const status = (refusal.extensions.http as { status?: number } | undefined)?.status ?? 200;
          return {
            http: { status, headers: new HeaderMap() },
            body: { kind: "single", singleResult: { data: null, errors: [formatError(refusal.toJSON())] } },
          };
        },
      };
    },
  };
}
