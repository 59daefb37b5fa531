import type { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import type { RequestContext } from "../context";
import { ErrorCode, type ApiError } from "../errors";
import type { Logger } from "../logger";
import { outageBeforeAnswering } from "./database-outage";
import { formatError } from "./format-error";
import { asGraphQLError } from "./graphql-error";
import type { InFlightRequests } from "./in-flight-requests";

// Writes the request's sensitive reads (src/auth/sensitive-fields.ts) to the audit log before the
// response leaves, so a read that reached the client is always on record: when the write fails,
// the response fails, without the data. The database out of reach (or closed by the server's stop)
// is answered SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, as the credential check's outage
// is, and told in outageMet's few lines; any other failure is HTTP 500 (Apollo's answer to a hook
// that throws), logged with the request's id, as the errors of its operation are
// (request-errors.plugin.ts).
export function sensitiveReadAuditPlugin(
  logger: Logger,
  outageMet: (error: unknown, requestId: string) => boolean,
  requests: InFlightRequests,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.viewer) return;
          try {
            await contextValue.sensitiveReads.flush(contextValue.dataSource, contextValue.viewer);
          } catch (error) {
            if (requests.databaseClosing || outageMet(error, contextValue.requestId)) {
              answerInstead(response, outageBeforeAnswering());
              // The request log's plugin read the answer's codes before this one was put in.
              contextValue.requestLog.errorCodes.add(ErrorCode.SERVICE_UNAVAILABLE);
              return;
            }
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

// The refusal, whole, in place of the answer: its data, errors and status. (A hook that throws is
// answered 500 by Apollo, whatever it throws.)
function answerInstead(response: GraphQLResponse, refusal: ApiError): void {
  const { status, headers } = refusal.extensions.http as { status: number; headers: Map<string, string> };
  response.body = { kind: "single", singleResult: { errors: [formatError(asGraphQLError(refusal).toJSON())] } };
  response.http.status = status;
  for (const [name, value] of headers) response.http.headers.set(name, value);
}
