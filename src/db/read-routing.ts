import { AsyncLocalStorage } from "node:async_hooks";
import type { Pool, PoolClient } from "pg";
import type { DataSource, ReplicationMode } from "typeorm";

// With DATABASE_REPLICA_URLS, a query operation's reads go to a streaming replica, and everything
// else to the primary: the viewer's credential check (made before the operation is known, so that
// a key revoked is refused at once), every write and every read of a mutation (whose answer shows
// what it wrote), and statements in a transaction. A replica may lag its primary: a query sent
// just after a write may not see it yet.
//
// A request runs in an async context of its own (withRequestReads); its operation, once known,
// turns its reads to the replicas (readFromReplicas), all of them to one: replicas replay at their
// own pace, and statements of one operation read from two (a case, then its notes) would show
// rows of different moments side by side. The operations take the replicas in turn. TypeORM picks
// the pool of a read outside a transaction by its DataSource's defaultReplicationModeForReads, and
// a replica at random for each statement, which routeReads replaces with the operation's; the data
// layer's named statements pick theirs by readPool.
const requestReads = new AsyncLocalStorage<{ replicaTurn: number | null }>();

interface ReplicatedDriver {
  master: Pool;
  slaves: Pool[];
  obtainSlaveConnection(): Promise<[PoolClient, (error?: Error) => void]>;
}

// Whether the database has replicas to route to. Without, no request gets a context of its own:
// on this Node, the first AsyncLocalStorage.run turns on tracking of every promise, a cost the
// dashboard's page would pay for nothing.
export const hasReplicas = (dataSource: DataSource) => (dataSource.driver as unknown as ReplicatedDriver).slaves.length > 0;

export const withRequestReads = <T>(work: () => T): T => requestReads.run({ replicaTurn: null }, work);

let turns = 0;

export function readFromReplicas(): void {
  const reads = requestReads.getStore();
  if (reads) reads.replicaTurn = turns++;
}

const replicaTurn = () => requestReads.getStore()?.replicaTurn ?? null;

export function routeReads(dataSource: DataSource): void {
  if (!hasReplicas(dataSource)) return;
  dataSource.defaultReplicationModeForReads = (): ReplicationMode => (replicaTurn() === null ? "master" : "slave");
  const driver = dataSource.driver as unknown as ReplicatedDriver;
  driver.obtainSlaveConnection = () =>
    new Promise((resolve, reject) => {
      readPool(dataSource).connect((error, client, release) => (error || !client ? reject(error) : resolve([client, release])));
    });
}

// The primary's pool, for statements that must see it whatever the operation.
export const primaryPool = (dataSource: DataSource): Pool => (dataSource.driver as unknown as ReplicatedDriver).master;

// Every pool: the primary's and each replica's.
export function serverPools(dataSource: DataSource): Pool[] {
  const { master, slaves } = dataSource.driver as unknown as ReplicatedDriver;
  return [master, ...slaves];
}

// The pool a read outside a transaction goes to: for a query operation, its replica's.
export function readPool(dataSource: DataSource): Pool {
  const { master, slaves } = dataSource.driver as unknown as ReplicatedDriver;
  const turn = replicaTurn();
  return slaves.length === 0 || turn === null ? master : slaves[turn % slaves.length];
}
