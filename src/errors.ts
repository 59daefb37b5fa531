// The error codes the API answers with (README, "Errors"). Every error a client sees carries one.
export enum ErrorCode {
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  NOT_FOUND = "NOT_FOUND",
  BAD_USER_INPUT = "BAD_USER_INPUT",
  CONFLICT = "CONFLICT",
  RATE_LIMITED = "RATE_LIMITED",
  // The server is too busy (its database connections all taken), or its database is out of reach:
  // what needed a connection was not done (or, the connection lost under it, failed).
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  // The database stopped a statement that ran past DB_STATEMENT_TIMEOUT_MS: what it was doing was not done.
  TIMEOUT = "TIMEOUT",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

const httpStatus: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.RATE_LIMITED]: 429,
};

// A plain Error, so that the domain services, the ingest and the CLI need no GraphQL: graphql-js
// takes `extensions` from the error a resolver throws (src/api/graphql-error.ts where it must be
// handed a GraphQLError itself).
export class ApiError extends Error {
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    // The status a refusal's code gives the response, or one it names (`http: { status }`).
    const status = (extra.http as { status?: number } | undefined)?.status ?? httpStatus[code];
    // A refusal that says when to come back says it in HTTP's own way too, for clients and proxies
    // that read no GraphQL.
    const headers = typeof extra.retryAfterSeconds === "number" ? new Map([["retry-after", String(extra.retryAfterSeconds)]]) : undefined;
    this.extensions = { code, ...extra, ...(status ? { http: { status, ...(headers ? { headers } : {}) } } : {}) };
  }
}

export const unauthenticated = (message = "Authentication required: send a Bearer token or an x-api-key header") =>
  new ApiError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message: string) => new ApiError(ErrorCode.FORBIDDEN, message);

// The same message whether the record does not exist or belongs to someone else.
export const notFound = (typeName: string) => new ApiError(ErrorCode.NOT_FOUND, `${typeName} not found`);

export const badInput = (message: string, extra: Record<string, unknown> = {}) =>
  new ApiError(ErrorCode.BAD_USER_INPUT, message, extra);

export const conflict = (message: string) => new ApiError(ErrorCode.CONFLICT, message);
