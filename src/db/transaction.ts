import { setTimeout } from "node:timers/promises";
import type { DataSource, EntityManager } from "typeorm";
import type { IsolationLevel } from "typeorm/driver/types/IsolationLevel";
import { conflict } from "../errors";

export type { IsolationLevel };

// PostgreSQL ends one of two transactions that wait on each other's row locks (a deadlock), or
// one that cannot be serialized, and that one has then changed nothing. Workflows that lock
// several rows (bulk reviews and takedown requests, a takedown decision's case, listing and store,
// a store closure) can meet a listing ingest taking some of the same rows in another order; rather
// than fail a person's request over it, the transaction is run again, a few times at most, each
// after a short random wait so that the same writers do not meet again in step. The work must do
// nothing outside the database, since it may run more than once. When every attempt met one, the
// caller is told to send it again (CONFLICT), not that the server failed.
//
// A transaction runs at READ COMMITTED (each statement sees what was committed when it began)
// unless `isolation` says otherwise. One that must read a single state of the data across its
// statements (a progress report's figures, and the check that they still hold as it is published)
// runs at REPEATABLE READ: every statement sees the snapshot taken at its first one, and a row it
// locks or changes that another transaction changed since is a serialization failure, run again.
const MAX_ATTEMPTS = 5;
const RETRY_WAIT_MS = 20;
// Deadlock victim, serialization failure, and a lock not granted within the connection's
// lock_timeout (DB_LOCK_TIMEOUT_MS: another transaction held the row that long).
const TRANSIENT_CODES = new Set(["40P01", "40001", "55P03"]);

// TypeORM wraps the driver's error; a COPY's error comes from the driver directly.
export const driverErrorOf = (error: unknown) =>
  (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });

export const isTransientConflict = (error: unknown) => TRANSIENT_CODES.has(driverErrorOf(error).code ?? "");

// The server stopped the statement: it ran past the connection's statement_timeout
// (DB_STATEMENT_TIMEOUT_MS), or an operator cancelled it. Its transaction changed nothing.
export const isStatementCancelled = (error: unknown) => driverErrorOf(error).code === "57014";

// The connection to the server went away under the work: the server ended it (57P01-57P03), the
// network did (class 08, a reset), or the driver or TypeORM found it gone (pg refuses a statement on
// a client whose connection ended between two statements as "not queryable").
const CONNECTION_LOST = /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|already released|Query read timeout|is not queryable/;
export const isConnectionLoss = (error: unknown) => {
  const code = driverErrorOf(error).code ?? "";
  return code.startsWith("08") || ["57P01", "57P02", "57P03"].includes(code) || CONNECTION_LOST.test(String((error as Error)?.message));
};

export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  mayRunAgain: (error: unknown) => boolean = isTransientConflict,
  isolation?: IsolationLevel,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work));
    } catch (error) {
      if (!mayRunAgain(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw conflict(`This change met concurrent changes to the same records ${MAX_ATTEMPTS} times running and was not made; send it again`);
      }
      await setTimeout(Math.random() * RETRY_WAIT_MS * attempt);
    }
  }
}
