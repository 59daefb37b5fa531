import type { DataSource } from "typeorm";
import type { TokenService } from "./auth/jwt";
import type { Viewer } from "./auth/viewer";
import type { Config } from "./config";
import type { Loaders } from "./data/loaders";
import type { SensitiveReadLog } from "./domain/sensitive-read-log";
import type { KeyedHasher } from "./domain/intel/keyed-hash";
import type { RequestLogEntry } from "./api/request-log";
import type { WorkLine } from "./work-line";

// What every resolver receives: the request's viewer and the loaders bound to it.
export interface RequestContext {
  requestId: string;
  // The client's address: the connection's peer, or what the proxies TRUST_PROXY names say it is.
  clientAddress: string;
  viewer: Viewer | null;
  loaders: Loaders | null;
  dataSource: DataSource;
  tokens: TokenService;
  intelHasher: KeyedHasher;
  config: Config;
  // The server process's turns for ingestListings calls (ingestCallTurns).
  ingestTurns: WorkLine;
  // The turns of the viewer's organization for a query's lists and counts (src/api/read-turns.ts).
  readTurns: WorkLine | null;
  // Sensitive fields read during this request, written to the audit log at its end.
  sensitiveReads: SensitiveReadLog;
  // What the request log line will say of this request (src/api/request-log.ts).
  requestLog: RequestLogEntry;
}

// The context of a request that passed the permission layer's authentication rule.
export interface AuthenticatedContext extends RequestContext {
  viewer: Viewer;
  loaders: Loaders;
}
