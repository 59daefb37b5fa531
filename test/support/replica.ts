import { Client } from "pg";
import { serverUrl } from "./test-env";

async function oneValue<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0].value as T;
  } finally {
    await client.end();
  }
}

// The test server's WAL position once all it committed is flushed, which is what a replica
// receives. The server may commit asynchronously (pg-cluster.sh's clusters do), leaving commits in
// its buffers; a synchronous commit flushes them with its own, if it wrote WAL (a temporary
// table's catalog rows: a commit that wrote none is never flushed).
async function flushedLsn(): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = on");
    await client.query("CREATE TEMPORARY TABLE flushed_here () ON COMMIT DROP");
    await client.query("COMMIT");
    return (await client.query(`SELECT pg_current_wal_lsn()::text AS value`)).rows[0].value;
  } finally {
    await client.end();
  }
}

// Waits until the replica has replayed everything the test server had committed when called.
export async function caughtUp(replicaServerUrl: string): Promise<void> {
  const written = await flushedLsn();
  for (let tries = 0; ; tries++) {
    if (await oneValue<boolean>(replicaServerUrl, `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS value`, [written])) return;
    if (tries > 500) throw new Error(`the replica at ${replicaServerUrl} has not replayed ${written} in 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Runs `work` while the replica replays nothing more, from a point where it had caught up.
export async function whileReplayPaused<T>(replicaServerUrl: string, work: () => Promise<T>): Promise<T> {
  await caughtUp(replicaServerUrl);
  await oneValue(replicaServerUrl, `SELECT pg_wal_replay_pause()::text AS value`);
  try {
    return await work();
  } finally {
    await oneValue(replicaServerUrl, `SELECT pg_wal_replay_resume()::text AS value`);
  }
}
