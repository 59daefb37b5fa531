import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";

// Writes the request's sensitive reads (src/auth/sensitive-fields.ts) to the audit log before the
// response leaves, so a read that reached the client is always on record.
export function sensitiveReadAuditPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          if (contextValue.viewer) await contextValue.sensitiveReads.flush(contextValue.dataSource, contextValue.viewer);
        },
      };
    },
  };
}
