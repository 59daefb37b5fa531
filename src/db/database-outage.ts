import { isConnectionLoss } from "./transaction";

// Connections a pool could not make (the server down or unreachable, refusing connections to the
// database, starting up or shutting down, or not answering within DB_CONNECT_TIMEOUT_MS): marked
// where the pool reports them (busy-pool.ts), since some of the same PostgreSQL codes can be a
// statement's too. The error itself is kept, for its message and code in the log and the CLI.
const failedConnects = new WeakSet<object>();

export function markFailedConnect<E>(error: E): E {
  if (error instanceof Object) failedConnects.add(error);
  return error;
}

// How an error is the database being out of reach, if it is: "unreachable", no connection could be
// made and nothing was done; "lost", the connection went away under a statement (the server ended
// it, the network did, or the server stopped answering), whose change may or may not have committed.
export function databaseOutage(error: unknown): "unreachable" | "lost" | null {
  if (error instanceof Object && failedConnects.has(error)) return "unreachable";
  return isConnectionLoss(error) ? "lost" : null;
}
