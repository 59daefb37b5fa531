import { Client } from "pg";
import { replicasCaughtUp, valueAt } from "../../src/db/replica-catch-up";
import { serverUrl } from "./test-env";

// The test server may commit asynchronously (pg-cluster.sh's clusters do), leaving commits in its
// WAL buffers, unsent to a replica; a synchronous commit flushes them with its own, if it wrote WAL
// (a temporary table's catalog rows: a commit that wrote none is never flushed).
async function flushCommits(): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = on");
    await client.query("CREATE TEMPORARY TABLE flushed_here () ON COMMIT DROP");
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

// Waits until the replica has replayed everything the test server had committed when called.
export async function caughtUp(replicaServerUrl: string): Promise<void> {
  await flushCommits();
  await replicasCaughtUp(serverUrl!, [replicaServerUrl], 10_000);
}

// Runs `work` while the replica replays nothing more, from a point where it had caught up.
export async function whileReplayPaused<T>(replicaServerUrl: string, work: () => Promise<T>): Promise<T> {
  await caughtUp(replicaServerUrl);
  await valueAt(replicaServerUrl, `SELECT pg_wal_replay_pause()::text AS value`);
  try {
    return await work();
  } finally {
    await valueAt(replicaServerUrl, `SELECT pg_wal_replay_resume()::text AS value`);
  }
}
