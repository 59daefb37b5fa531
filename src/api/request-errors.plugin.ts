import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import type { Logger } from "../logger";
import { isInternal } from "./format-error";
import type { InFlightRequests } from "./in-flight-requests";

// Logs the errors that clients see only as INTERNAL_SERVER_ERROR, with the request id; the
// database out of reach in outageMet's few lines instead, and nothing of a request the server's
// stop cut short (stopping.ts).
export function requestErrorsPlugin(
  logger: Logger,
  outageMet: (error: unknown, requestId: string) => boolean,
  requests: InFlightRequests,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          if (requests.databaseClosing) return;
          for (const error of errors) {
            const cause = error.originalError ?? error;
            if (outageMet(cause, contextValue.requestId) || !isInternal({ message: error.message, extensions: error.extensions })) continue;
            logger.error("request failed", {
              requestId: contextValue.requestId,
              path: error.path,
              error: cause.message,
              stack: cause.stack,
            });
          }
        },
      };
    },
  };
}
