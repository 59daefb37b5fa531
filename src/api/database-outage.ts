import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { databaseOutage } from "../db/database-outage";
import { driverErrorOf } from "../db/transaction";
import { ApiError, ErrorCode } from "../errors";
import type { Logger } from "../logger";

// A database out of reach is answered SERVICE_UNAVAILABLE, as a busy pool is (src/db/busy-pool.ts),
// not as a fault of the API: clients and load balancers tell an outage from a bug, and retry. A
// restart or a failover takes seconds.
const RETRY_AFTER_SECONDS = 5;

const FIELD_MESSAGES = {
  unreachable: "The database cannot be reached now, and what needed it (the error's path says which field) was not done; retry in a few seconds",
  lost:
    "The connection to the database was lost during this field's work, which failed; retry in a few seconds " +
    "(a change it was making may have been made all the same: look before sending it again)",
};

// The driver's errors and the pool's only: the API's own and GraphQL's may quote a client's words,
// which databaseOutage would read as the driver's ("ECONNRESET" in a field name).
const outageOf = (error: unknown) => (error instanceof ApiError || error instanceof GraphQLError ? null : databaseOutage(error));

// A field that met it: its error at its path, the rest of the answer as it is.
export function outageAnswer(error: unknown, path: GraphQLFormattedError["path"]): GraphQLFormattedError | null {
  const outage = outageOf(error);
  if (!outage) return null;
  return { message: FIELD_MESSAGES[outage], ...(path ? { path } : {}), extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS } };
}

// Met by the credential check, before the operation ran: the whole request may be sent again, as
// HTTP 503 and Retry-After tell clients and proxies that read no GraphQL.
export const outageBeforeRunning = () =>
  new ApiError(
    ErrorCode.SERVICE_UNAVAILABLE,
    "The database cannot be reached now: the credentials could not be checked, and nothing was done; send the request again in a few seconds",
    { retryAfterSeconds: RETRY_AFTER_SECONDS, http: { status: 503 } },
  );

// Met by the audit of the request's sensitive reads, once its operation ran: the answer is not sent
// without that record (sensitive-read-audit.plugin.ts), so the whole request is refused, as HTTP
// 503 and Retry-After too.
export const outageBeforeAnswering = () =>
  new ApiError(
    ErrorCode.SERVICE_UNAVAILABLE,
    "The database cannot be reached now: the sensitive fields this request read could not be recorded in the audit log, so its answer is withheld; " +
      "send the request again in a few seconds (a change it made was made all the same: look before sending it again)",
    { retryAfterSeconds: RETRY_AFTER_SECONDS, http: { status: 503 } },
  );

const LOG_INTERVAL_MS = 10_000;

// An outage meets every request: one warning line in LOG_INTERVAL_MS says so, with the driver's
// words and how many more errors met it since the last line, rather than a line and a stack each.
// Returns whether the error was the database out of reach.
export function outageLog(logger: Logger): (error: unknown, requestId: string) => boolean {
  let loggedAt = -Infinity;
  let unlogged = 0;
  return (error, requestId) => {
    const outage = outageOf(error);
    if (!outage) return false;
    const now = Date.now();
    if (now - loggedAt < LOG_INTERVAL_MS) {
      unlogged += 1;
      return true;
    }
    logger.warn(outage === "unreachable" ? "database unreachable" : "database connection lost", {
      requestId,
      error: (error as Error).message,
      code: driverErrorOf(error).code,
      moreSinceLastLine: unlogged,
    });
    loggedAt = now;
    unlogged = 0;
    return true;
  };
}
