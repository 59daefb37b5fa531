import { performance } from "node:perf_hooks";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler, Response } from "express";
import type { OperationTypeNode } from "graphql";
import type { Viewer } from "../auth/viewer";
import type { RequestContext } from "../context";
import type { Logger } from "../logger";

// What the request log line says of a request, learnt as it runs: its operation once GraphQL has
// resolved it, who asked once the credentials are checked, the codes of the errors it is answered.
// Never the variables, nor anything else the client sent: private indicator values and passwords
// travel as variables, and a document may hold them written in.
export class RequestLogEntry {
  operationName: string | null = null;
  operationType: OperationTypeNode | null = null;
  viewer: Viewer | null = null;
  readonly errorCodes = new Set<string>();
}

export const requestLogEntryOf = (res: Response): RequestLogEntry | undefined => res.locals.requestLog as RequestLogEntry | undefined;

// One info line per GraphQL request when it ends, for an operator to see what ran, for whom, how
// long it took and how it ended: "ok", "error" with the codes answered (a partial answer
// included; Apollo's own refusals of a request it cannot read carry no code, only their HTTP
// status), or "unanswered" when the connection closed before the answer was sent.
export function requestLogMiddleware(logger: Logger): RequestHandler {
  return (_req, res, next) => {
    const started = performance.now();
    const entry = new RequestLogEntry();
    res.locals.requestLog = entry;
    res.once("close", () => {
      const outcome = !res.writableFinished ? "unanswered" : entry.errorCodes.size > 0 || res.statusCode >= 400 ? "error" : "ok";
      logger.info("request", {
        requestId: res.locals.requestId,
        operation: entry.operationName ?? "anonymous",
        operationType: entry.operationType,
        principal: entry.viewer?.principal ?? null,
        organizationKind: entry.viewer?.orgKind ?? null,
        organizationId: entry.viewer?.orgId ?? null,
        durationMs: Math.round(performance.now() - started),
        outcome,
        ...(entry.errorCodes.size > 0 ? { errorCodes: [...entry.errorCodes] } : {}),
        status: res.headersSent ? res.statusCode : null,
      });
    });
    next();
  };
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
