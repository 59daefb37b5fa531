import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import type { Logger } from "../logger";

// Writes the request's sensitive reads (src/auth/sensitive-fields.ts) to the audit log before the
// response leaves, so a read that reached the client is always on record: when the write fails,
// the response fails (HTTP 500), and the failure is logged with the request's id, as the errors
// of its operation are (request-errors.plugin.ts).
export function sensitiveReadAuditPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          if (!contextValue.viewer) return;
          try {
            await contextValue.sensitiveReads.flush(contextValue.dataSource, contextValue.viewer);
          } catch (error) {
            const cause = error as Error;
            logger.error("sensitive reads could not be audited; the response was refused", {
              requestId: contextValue.requestId,
              error: cause.message,
              stack: cause.stack,
            });
            throw error;
          }
        },
      };
    },
  };
}
