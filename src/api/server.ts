import { isUtf8 } from "node:buffer";
import { randomUUID } from "node:crypto";
import { createServer, IncomingMessage, ServerResponse, type Server } from "node:http";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import type { TokenService } from "../auth/jwt";
import { resolveViewer } from "../auth/resolve-viewer";
import { secureSchema } from "../auth/secure-schema";
import { ConfigError, type Config } from "../config";
import type { RequestContext } from "../context";
import { createLoaders } from "../data/loaders";
import { loadKeyedHasher } from "../domain/intel/keyed-hash";
import { ingestCallTurns } from "../ingest/listing-ingest";
import { ApiError, ErrorCode, unauthenticated } from "../errors";
import { asGraphQLError } from "./graphql-error";
import { outageBeforeRunning, outageLog } from "./database-outage";
import type { Logger } from "../logger";
import { buildBaseSchema } from "../schema/build-schema";
import { documentChecks } from "./document-checks";
import { formatError } from "./format-error";
import { InFlightRequests } from "./in-flight-requests";
import { requestErrorsPlugin } from "./request-errors.plugin";
import { requestLogMiddleware, requestLogPlugin, type RequestLogEntry } from "./request-log";
import { introspectionPlugin } from "./introspection.plugin";
import { organizationDocumentsPlugin } from "./organization-documents.plugin";
import { refuse } from "./refusal";
import { refuseBadText } from "./text-input";
import { sensitiveReadAuditPlugin } from "./sensitive-read-audit.plugin";
import { settleRulesPlugin } from "./settle-rules.plugin";
import { answeringCutRequests, stoppingBeforeRunning } from "./stopping";
import { pageSizeCostPlugin } from "./page-size-cost.plugin";
import { readRoutingPlugin } from "./read-routing.plugin";
import { OrganizationReadTurns, takingReadTurns } from "./read-turns";
import { hasReplicas, withRequestReads } from "../db/read-routing";
import { SensitiveReadLog } from "../domain/sensitive-read-log";

export interface ApiDependencies {
  config: Config;
  dataSource: DataSource;
  tokens: TokenService;
  logger: Logger;
}

// One credential header, or none. Node keeps only the first of repeated Authorization headers, and
// a proxy in front may read the last: the two would disagree on who is asking.
function credentialHeader(values: string[] | undefined, name: string): string | undefined {
  if (values && values.length > 1) throw unauthenticated(`Send one ${name} header, not ${values.length}`);
  return values?.[0];
}

const HEALTH_TIMEOUT_MS = 2_000;

// Errors raised before GraphQL runs (a body too large, malformed JSON), answered in GraphQL's shape.
// A body whose bytes are not UTF-8 would be decoded with U+FFFD in their place and stored so,
// not as sent (as text-input.ts refuses unpaired surrogates for).
const INVALID_UTF8 = "entity.utf8.invalid";
const refuseInvalidUtf8 = (_req: unknown, _res: unknown, body: Buffer) => {
  if (!isUtf8(body)) throw Object.assign(new Error("The request body is not valid UTF-8"), { status: 400, type: INVALID_UTF8 });
};

const bodyErrors: ErrorRequestHandler = (error: { status?: number; type?: string; limit?: number }, _req, res, next) => {
  if (!error.status || error.status >= 500) return next(error);
  const message =
    error.type === "entity.too.large"
      ? `The request body is too large: at most ${error.limit} bytes (MAX_BODY_BYTES); split the work into smaller requests`
      : error.type === "entity.parse.failed"
        ? 'The request body must be a JSON object such as {"query": "...", "variables": {...}}; this one is not valid JSON, or not an object'
        : error.type === "charset.unsupported" || error.type === INVALID_UTF8
          ? "The request body's charset is not supported, or its bytes are not valid UTF-8: send JSON in UTF-8"
          : error.type === "encoding.unsupported"
            ? "The request body's Content-Encoding is not supported: send it uncompressed, or as gzip or deflate"
            : "The request could not be read";
  refuse(res, error.status, ErrorCode.BAD_USER_INPUT, message);
};

// Operations come as POST bodies only: a GET's query string, its variables too (the values of a
// blind match, say), is written to the access log of every proxy and server it passes. A GET
// without one still gets Apollo's landing page.
const OPERATION_PARAMETERS = ["query", "variables", "extensions", "operationName"];
const postedOperations: RequestHandler = (req, res, next) => {
  if (req.method !== "GET" || !OPERATION_PARAMETERS.some((name) => name in req.query)) return next();
  res.set("allow", "POST");
  refuse(res, 405, ErrorCode.BAD_USER_INPUT, "Send GraphQL operations as a POST with a JSON body: a query string (its variables too) ends up in access logs");
};

// A busy pool met by the credential check, before the operation ran: the whole request may be
// sent again, as HTTP 503 and Retry-After tell clients and proxies that read no GraphQL.
const busyBeforeRunning = () =>
  new ApiError(
    ErrorCode.SERVICE_UNAVAILABLE,
    "The server is busy: no database connection came free to check the credentials, and nothing was done; send the request again",
    { retryAfterSeconds: 1, http: { status: 503 } },
  );

export type ApiApp = Awaited<ReturnType<typeof createApiApp>>;

export async function createApiApp(deps: ApiDependencies) {
  const { config, dataSource, tokens, logger } = deps;
  const { armor, validationRules, costRule, parseOptions } = documentChecks(config.limits);
  // Prepared once: the key of every indicator hash.
  const intelHasher = loadKeyedHasher(config);
  const ingestTurns = ingestCallTurns(config);
  const readTurns = new OrganizationReadTurns(config.limits.readsPerOrganization);
  const outageMet = outageLog(logger);
  const requests = new InFlightRequests();
  const apollo = new ApolloServer<RequestContext>({
    schema: secureSchema(takingReadTurns(buildBaseSchema())),
    ...armor,
    plugins: [
      // No field sets cache hints; left on, Apollo's cache-control plugin instruments every field.
      ApolloServerPluginCacheControlDisabled(),
      ...armor.plugins,
      pageSizeCostPlugin(costRule, config.limits.maxPageSize),
      requestErrorsPlugin(logger, outageMet, requests),
      requestLogPlugin(),
      sensitiveReadAuditPlugin(logger, outageMet, requests),
      introspectionPlugin(),
      organizationDocumentsPlugin(),
      settleRulesPlugin(),
      ...(hasReplicas(dataSource) ? [readRoutingPlugin()] : []),
    ],
    validationRules,
    parseOptions,
    formatError: answeringCutRequests(requests, formatError),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Clients send their documents whole. Left on, a mismatched or versionless persisted-query
    // extension failed without a code, as an internal error logged with its stack.
    persistedQueries: false,
    // Parsed documents are kept per organization instead (organizationDocumentsPlugin): Apollo's
    // store, keyed by the text alone, told one tenant by the time of its answer what another sent.
    documentStore: null,
    // The process stops the server itself (src/main.ts, src/start.ts): in order, connections and
    // the requests in flight, then the database, then Apollo. Left on, Apollo stopped on Ctrl-C on
    // its own and raised the signal again, which ended the process before the embedded database
    // was closed.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  // Express hashes every response body for an ETag; GraphQL answers POSTs, which no cache revalidates,
  // and a dashboard page is 44 KB to hash and copy on every request.
  app.disable("etag");
  app.use((_req, res, next) => {
    res.locals.requestId = randomUUID();
    res.setHeader("x-request-id", res.locals.requestId);
    // Every answer is JSON (or Apollo's landing page): no browser is to read it as anything else.
    res.setHeader("x-content-type-options", "nosniff");
    // Nor keep it: every answer is the viewer's, some hold a token or a key's secret (login,
    // createApiKey, an invitation's); a load balancer's check is now's.
    res.setHeader("cache-control", "no-store");
    next();
  });
  // A load balancer's check: a database that does not answer within HEALTH_TIMEOUT_MS is as down as one that refuses.
  // One SELECT 1 at a time, which every check waiting meanwhile shares: checks every few seconds
  // against a database that does not answer would otherwise take every pooled connection.
  let probe: Promise<unknown> | null = null;
  const databaseAnswers = () => (probe ??= dataSource.query("SELECT 1").finally(() => (probe = null)));
  app.get("/healthz", async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error("no answer")), HEALTH_TIMEOUT_MS);
    });
    try {
      await Promise.race([databaseAnswers(), timeout]);
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    } finally {
      clearTimeout(timer);
    }
  });
  app.use(
    "/graphql",
    requestLogMiddleware(logger, parseOptions),
    postedOperations,
    express.json({ limit: config.limits.maxBodyBytes, verify: refuseInvalidUtf8 }),
    bodyErrors,
    refuseBadText,
    // After the body is read: its stream's events would not run in the request's context.
    ...(hasReplicas(dataSource) ? [((_req, _res, next) => withRequestReads(next)) satisfies RequestHandler] : []),
    trackedIn(requests, expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const credentials = async () => ({
          authorization: credentialHeader(req.headersDistinct.authorization, "Authorization"),
          apiKey: credentialHeader(req.headersDistinct["x-api-key"], "x-api-key"),
        });
        const requestLog = res.locals.requestLog as RequestLogEntry;
        const viewer = await credentials().then((given) => resolveViewer(dataSource.manager, tokens, given)).catch((error: Error) => {
          // Before GraphQL runs, so neither requestErrorsPlugin nor requestLogPlugin sees it:
          // logged here with the request id, and its code noted for the request's log line.
          if (requests.databaseClosing) {
            requestLog.errorCodes.add(ErrorCode.SERVICE_UNAVAILABLE);
            throw asGraphQLError(stoppingBeforeRunning());
          }
          if (error instanceof ApiError && error.extensions.code === ErrorCode.UNAUTHENTICATED) requestLog.credentialsRefused = true;
          const outage = outageMet(error, res.locals.requestId);
          if (!outage && !(error instanceof ApiError || error instanceof GraphQLError)) logger.error("request failed", { requestId: res.locals.requestId, error: error.message, stack: error.stack });
          const refusal = asGraphQLError(outage ? outageBeforeRunning() : error instanceof ApiError && error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE ? busyBeforeRunning() : error);
          requestLog.errorCodes.add(String(refusal.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
          throw refusal;
        });
        return {
          requestId: res.locals.requestId as string,
          clientAddress: req.ip ?? req.socket.remoteAddress ?? "",
          viewer,
          loaders: viewer ? createLoaders(dataSource.manager, viewer, config.limits.maxPageSize) : null,
          dataSource,
          tokens,
          intelHasher,
          config,
          ingestTurns,
          readTurns: viewer ? readTurns.of(viewer.orgId) : null,
          sensitiveReads: new SensitiveReadLog(),
          requestLog,
        };
      },
    })),
  );
  // Any other path: answered in the API's shape, not Express's HTML page.
  app.use((_req, res) => {
    refuse(res, 404, ErrorCode.NOT_FOUND, "Nothing here: the API is at /graphql (POST), and /healthz answers a load balancer");
  });
  return { app, requests, stop: () => apollo.stop() };
}

// Counts the requests the handler is running, until each ends (whether or not its client waited).
const trackedIn =
  (requests: InFlightRequests, handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    requests.track(Promise.resolve(handler(req, res, next)));

// Express gives each request and response its own prototypes, swapping them with
// Object.setPrototypeOf as it takes them. After such a swap V8 keeps finished requests' objects
// alive through young-generation collections, which then copy and promote them: a bare Express app
// promoted about 5 MB per scavenge, with 5-10 ms pauses; this API promoted about 31 KB of every
// request, and 9 KB without the swap. Created with those prototypes in the first place, the swap
// does nothing.
function expressServer(app: express.Express): Server {
  function ExpressRequest(this: IncomingMessage, socket: Socket) {
    IncomingMessage.call(this, socket);
  }
  ExpressRequest.prototype = app.request;
  function ExpressResponse(this: ServerResponse, req: IncomingMessage, options: object) {
    (ServerResponse as unknown as (req: IncomingMessage, options: object) => void).call(this, req, options);
  }
  ExpressResponse.prototype = app.response;
  return createServer(
    {
      IncomingMessage: ExpressRequest as unknown as typeof IncomingMessage,
      ServerResponse: ExpressResponse as unknown as typeof ServerResponse,
    },
    app,
  );
}

// A request's headers and whole body must arrive within these (Node waits 300 s for a body by
// default): a client trickling bytes would otherwise hold a connection for minutes, and many such
// clients every connection a process can take. The largest body (MAX_BODY_BYTES) takes seconds.
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 60_000;

export function listen(app: express.Express, port: number): Promise<Server> {
  const server = expressServer(app);
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  return listening(server, port);
}

// Checked before the database is migrated and seeded, which takes a first start several seconds,
// so that a port in use is told at once. (Another process may still take it meanwhile: listen
// tells it the same way.)
export async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const probe = await listening(createNetServer(), port);
  await new Promise((resolve) => probe.close(resolve));
}

function listening<T extends NetServer>(server: T, port: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new ConfigError(`PORT ${port} is in use by another process: stop it, or set PORT to a free port`) : error);
    server.once("error", refused);
    server.listen(port, () => {
      server.off("error", refused);
      resolve(server);
    });
  });
}
