import type { GraphQLFormattedError } from "graphql";
import { ApiError, ErrorCode } from "../errors";
import type { InFlightRequests } from "./in-flight-requests";

// A request still running when the server's stop has waited as long as it may (src/start.ts)
// loses the database under it: what it meets then (the pool ended, its transaction's connection
// closed) is the server stopping, answered SERVICE_UNAVAILABLE, which clients retry on another
// process or once this one is back; not INTERNAL_SERVER_ERROR or an outage, and not logged one by
// one (the stop's own line counts the requests it cut short).
const RETRY_AFTER_SECONDS = 1;

const FIELD_MESSAGE =
  "The server stopped during this field's work, which failed; send the request again " +
  "(a change it was making may have been made all the same: look before sending it again)";

// Answers the errors of a request cut short so, and every other as `format` does.
export function answeringCutRequests(
  requests: InFlightRequests,
  format: (formatted: GraphQLFormattedError, error?: unknown) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error?: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const answer = format(formatted, error);
    const failed = answer.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR || answer.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE;
    if (!requests.databaseClosing || !failed) return answer;
    return { message: FIELD_MESSAGE, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS } };
  };
}

// Met by the credential check, before the operation ran: the whole request may be sent again.
export const stoppingBeforeRunning = () =>
  new ApiError(ErrorCode.SERVICE_UNAVAILABLE, "The server is stopping: the credentials could not be checked, and nothing was done; send the request again", {
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    http: { status: 503 },
  });
