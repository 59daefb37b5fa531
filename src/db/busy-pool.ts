import type { Pool, PoolClient } from "pg";
import type { DataSource } from "typeorm";
import { ApiError, ErrorCode } from "../errors";
import { markFailedConnect } from "./database-outage";
import { serverPools } from "./read-routing";

// pg-pool's words when a connection was asked of a full pool and none came free within
// connectionTimeoutMillis (a new connection that takes too long is worded otherwise).
const POOL_WAIT_EXCEEDED = "timeout exceeded when trying to connect";

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: (error?: Error) => void) => void;

// Every connection of a server's pool taken for as long as a request may wait for one (slow
// statements, or writes waiting on one another's rows) is the server being busy, not failing: what
// could not get one is answered SERVICE_UNAVAILABLE (retry in a second) rather than
// INTERNAL_SERVER_ERROR, and never ran. That may be one field of an answer, a mutation's change
// made before it: the whole request is answered HTTP 503 only when nothing of it ran
// (src/api/server.ts, the credential check). Any other failure to connect is the database out of
// reach, marked so (database-outage.ts) and answered SERVICE_UNAVAILABLE too (src/api/database-outage.ts).
export function answerBusyPools(dataSource: DataSource, waitedMs: number): void {
  const busy = () =>
    new ApiError(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The server is busy: no database connection came free within ${waitedMs} ms, and what needed one (the error's path says which field) was not done; retry in a second`,
      { retryAfterSeconds: 1 },
    );
  const answered = (error: Error | undefined) => (error?.message === POOL_WAIT_EXCEEDED ? busy() : markFailedConnect(error));
  for (const pool of serverPools(dataSource)) {
    const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<PoolClient> | void;
    pool.connect = ((callback?: ConnectCallback) =>
      callback
        ? connect((error, client, release) => callback(answered(error), client, release))
        : (connect() as Promise<PoolClient>).catch((error: Error) => {
            throw answered(error);
          })) as Pool["connect"];
  }
}
