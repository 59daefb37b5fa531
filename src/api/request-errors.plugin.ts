import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../context";
import type { Logger } from "../logger";
import { isInternal } from "./format-error";

// Logs the errors that clients see only as INTERNAL_SERVER_ERROR, with the request id.
export function requestErrorsPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (!isInternal({ message: error.message, extensions: error.extensions })) continue;
            const cause = error.originalError ?? error;
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
