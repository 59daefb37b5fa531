import { Client } from "pg";

const CATCH_UP_LIMIT_MS = 120_000;
const POLL_MS = 100;

// One value (a column named `value`) of a statement, on a connection of its own.
export async function valueAt<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0].value as T;
  } finally {
    await client.end();
  }
}

// A replica serves queries on the schema it has replayed: until it has replayed a migration, a
// query there would read the old one ("column does not exist"). After migrating, the API waits
// for each replica to replay what the primary has flushed (the migrations commit synchronously,
// data-source.ts), for CATCH_UP_LIMIT_MS at most, and fails to start past it.
export async function replicasCaughtUp(primaryUrl: string, replicaUrls: readonly string[], limitMs = CATCH_UP_LIMIT_MS): Promise<void> {
  const flushed = await valueAt<string>(primaryUrl, `SELECT pg_current_wal_flush_lsn()::text AS value`);
  const deadline = Date.now() + limitMs;
  for (const url of replicaUrls) {
    // One connection a replica for all its polls.
    const replica = new Client({ connectionString: url });
    await replica.connect();
    try {
      const replayed = async () =>
        (await replica.query(`SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true) AS value`, [flushed])).rows[0].value as boolean;
      while (!(await replayed())) {
        if (Date.now() > deadline) {
          const { host, port } = new URL(url);
          throw new Error(`The replica at ${host}:${port} has not replayed the primary's WAL in ${limitMs / 1000} s; is it streaming from the primary?`);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } finally {
      await replica.end();
    }
  }
}
