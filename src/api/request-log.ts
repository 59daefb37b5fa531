import { performance } from "node:perf_hooks";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler, Response } from "express";
import { Kind, parse, type OperationTypeNode } from "graphql";
import type { Viewer } from "../auth/viewer";
import type { RequestContext } from "../context";
import type { Logger } from "../logger";

// What the request log line says of a request, learnt as it runs: its operation once GraphQL has
// resolved it, who asked once the credentials are checked (or that they were refused), the codes of
// the errors it is answered. Never the variables, the credentials, nor anything else the client sent
// but its operation's name: private indicator values and passwords travel as variables, and a
// document may hold them written in.
export class RequestLogEntry {
  operationName: string | null = null;
  operationType: OperationTypeNode | null = null;
  viewer: Viewer | null = null;
  credentialsRefused = false;
  readonly errorCodes = new Set<string>();
}

export const requestLogEntryOf = (res: Response): RequestLogEntry | undefined => res.locals.requestLog as RequestLogEntry | undefined;

// One info line per GraphQL request when it ends, for an operator to see what ran, for whom, how
// long it took and how it ended: "ok", "error" with the codes answered (a partial answer
// included; Apollo's own refusals of a request it cannot read carry no code, only their HTTP
// status), or "unanswered" when the connection closed before the answer was sent.
// A request refused before GraphQL resolved its operation (its credentials, its document) is
// named as the client named it, so that an operator can tell which client's calls are refused.
export function requestLogMiddleware(logger: Logger, parseOptions: { maxTokens: number }): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const entry = new RequestLogEntry();
    res.locals.requestLog = entry;
    res.once("close", () => {
      const outcome = !res.writableFinished ? "unanswered" : entry.errorCodes.size > 0 || res.statusCode >= 400 ? "error" : "ok";
      logger.info("request", {
        requestId: res.locals.requestId,
        operation: (entry.operationType ? entry.operationName : operationNameSent(req.body, parseOptions)) ?? "anonymous",
        operationType: entry.operationType,
        principal: entry.viewer?.principal ?? null,
        organizationKind: entry.viewer?.orgKind ?? null,
        organizationId: entry.viewer?.orgId ?? null,
        ...(entry.credentialsRefused ? { credentials: "refused" } : {}),
        durationMs: Math.round(performance.now() - started),
        outcome,
        ...(entry.errorCodes.size > 0 ? { errorCodes: [...entry.errorCodes] } : {}),
        status: res.headersSent ? res.statusCode : null,
      });
    });
    next();
  };
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

// The body's operationName when it is a GraphQL name, else the name of its document's one
// operation. Parsed within the server's token limit, and only for requests GraphQL did not resolve.
function operationNameSent(body: unknown, parseOptions: { maxTokens: number }): string | null {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof operationName === "string") return NAME.test(operationName) ? operationName : null;
  if (typeof query !== "string") return null;
  try {
    const operations = parse(query, { ...parseOptions, noLocation: true }).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    return operations.length === 1 ? (operations[0].name?.value ?? null) : null;
  } catch {
    return null;
  }
}

// Tells the request's entry what GraphQL learnt of it: its operation, its viewer, and the codes of
// the errors in its answer (as formatError left them).
export function requestLogPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const entry = contextValue.requestLog;
      entry.viewer = contextValue.viewer;
      return {
        async didResolveOperation({ operation, operationName }) {
          entry.operationName = operationName;
          entry.operationType = operation?.operation ?? null;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : response.body.initialResult.errors;
          for (const error of errors ?? []) entry.errorCodes.add(String(error.extensions?.code));
        },
      };
    },
  };
}
