import { AsyncLocalStorage } from "node:async_hooks";
import type { Pool } from "pg";
import type { DataSource, ReplicationMode } from "typeorm";

// With DATABASE_REPLICA_URLS, a query operation's reads go to a streaming replica, and everything
// else to the primary: the viewer's credential check (made before the operation is known, so that
// a key revoked is refused at once), every write and every read of a mutation (whose answer shows
// what it wrote), and statements in a transaction. A replica may lag its primary: a query sent
// just after a write may not see it yet.
//
// A request runs in an async context of its own (withRequestReads); its operation, once known,
// turns its reads to the replicas (readFromReplicas). TypeORM picks the pool of a read outside a
// transaction by its DataSource's defaultReplicationModeForReads, which routeReads bases on that
// context; the data layer's named statements pick theirs by readPool.
const requestReads = new AsyncLocalStorage<{ fromReplica: boolean }>();

interface ReplicatedDriver {
  master: Pool;
  slaves: Pool[];
}

// Whether the database has replicas to route to. Without, no request gets a context of its own:
// on this Node, the first AsyncLocalStorage.run turns on tracking of every promise, a cost the
// dashboard's page would pay for nothing.
export const hasReplicas = (dataSource: DataSource) => (dataSource.driver as unknown as ReplicatedDriver).slaves.length > 0;

export const withRequestReads = <T>(work: () => T): T => requestReads.run({ fromReplica: false }, work);

export function readFromReplicas(): void {
  const reads = requestReads.getStore();
  if (reads) reads.fromReplica = true;
}

const readsFromReplica = () => requestReads.getStore()?.fromReplica === true;

export function routeReads(dataSource: DataSource): void {
  if (!hasReplicas(dataSource)) return;
  dataSource.defaultReplicationModeForReads = (): ReplicationMode => (readsFromReplica() ? "slave" : "master");
}

let turn = 0;

// The pool a read outside a transaction goes to: a replica's, in turn, for a query operation.
export function readPool(dataSource: DataSource): Pool {
  const { master, slaves } = dataSource.driver as unknown as ReplicatedDriver;
  if (slaves.length === 0 || !readsFromReplica()) return master;
  turn = (turn + 1) % slaves.length;
  return slaves[turn];
}
