import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { isStatementCancelled, isTransientConflict } from "../db/transaction";
import { ErrorCode } from "../errors";
import { outageAnswer } from "./database-outage";
import { tokenLimitRefusal } from "./query-limits";

const OWN_CODES = new Set<string>(Object.values(ErrorCode));

// Apollo's own codes for a request that never ran: all of them are the client's to fix.
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

const INTERNAL_MESSAGE = "Internal server error; the x-request-id response header identifies it in the logs";

// graphql-js stops coercing variables after 50 bad values with an error that has no code.
const VARIABLE_ERRORS_LIMIT = "Too many errors processing variables, error limit reached. Execution aborted.";
const VARIABLE_ERRORS_LIMIT_MESSAGE = "More than 50 variable values are invalid; the first 50 are named above: mend them (and any like them) and send again";

export const isInternal = (formatted: GraphQLFormattedError) => {
  const code = formatted.extensions?.code;
  return typeof code !== "string" || code === ErrorCode.INTERNAL_SERVER_ERROR || !(OWN_CODES.has(code) || CLIENT_CODES.has(code));
};

const TIMEOUT_MESSAGE =
  "The database stopped this field's work: it ran longer than the server allows a statement (or an operator cancelled it), and what it was doing was not done; " +
  "ask for less (narrower filters, a smaller page) or try again later";

// Work that inTransaction runs again when it meets these answers CONFLICT once its attempts are
// spent; work outside one (a sign-in's statements, a list's) meets them once, and is answered the same.
const SEND_AGAIN_MESSAGE =
  "This field's work waited on records another transaction held, or met a concurrent change to them, and was not done; send it again";

// Every error leaves with one of the API's codes. Anything unexpected (a database error, a bug)
// leaves as a bare INTERNAL_SERVER_ERROR: no SQL, no stack, no identifiers; it is logged instead
// (request-errors.plugin.ts), as is a statement the database stopped, which is answered TIMEOUT,
// one that waited past the lock timeout or met a deadlock, answered CONFLICT, and the database out
// of reach, answered SERVICE_UNAVAILABLE.
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  if (formatted.message === VARIABLE_ERRORS_LIMIT) return { message: VARIABLE_ERRORS_LIMIT_MESSAGE, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  if (error && isStatementCancelled(unwrapResolverError(error))) {
    return { message: TIMEOUT_MESSAGE, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.TIMEOUT } };
  }
  if (error && isTransientConflict(unwrapResolverError(error))) {
    return { message: SEND_AGAIN_MESSAGE, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.CONFLICT } };
  }
  const outage = error ? outageAnswer(unwrapResolverError(error), formatted.path) : null;
  if (outage) return outage;
  if (isInternal(formatted)) return { message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  const { code, http: _http, stacktrace: _stacktrace, ...details } = formatted.extensions ?? {};
  const tokens = tokenLimitRefusal(formatted.message);
  return {
    message: tokens?.message ?? formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: CLIENT_CODES.has(code as string) ? ErrorCode.BAD_USER_INPUT : code,
      ...details,
      ...(tokens ? { limit: tokens.limit, max: tokens.max } : {}),
    },
  };
}
