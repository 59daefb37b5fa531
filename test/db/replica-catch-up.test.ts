import { Client } from "pg";
import { connectDatabase } from "../../src/db/data-source";
import { migrations } from "../../src/db/migrations";
import { caughtUp, whileReplayPaused } from "../support/replica";
import { createEmptyServerDatabase } from "../support/test-database";
import { databaseUrl, replicaServerUrl, serverUrl } from "../support/test-env";

// A replica answers queries on the schema it has replayed: the API, having migrated, waits for
// its replicas to replay the migrations before it serves (src/db/replica-catch-up.ts).
const withReplica = serverUrl && replicaServerUrl ? describe : describe.skip;

async function untilMigrated(url: string): Promise<void> {
  const primary = new Client({ connectionString: url });
  await primary.connect();
  try {
    for (let tries = 0; ; tries++) {
      const { rows } = await primary.query(`SELECT to_regclass('migrations') IS NOT NULL AS ready`);
      const applied = rows[0].ready ? (await primary.query(`SELECT count(*)::int AS n FROM migrations`)).rows[0].n : 0;
      if (applied === migrations.length) return;
      if (tries > 600) throw new Error(`${applied} of ${migrations.length} migrations applied after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await primary.end();
  }
}

withReplica("start-up with a replica", () => {
  it("waits for the replica to replay the migrations it applied before serving", async () => {
    const database = await createEmptyServerDatabase();
    try {
      await caughtUp(replicaServerUrl!);
      const replicaUrl = databaseUrl(replicaServerUrl!, new URL(database.url).pathname.slice(1));
      let opened = false;
      const { opening } = await whileReplayPaused(replicaServerUrl!, async () => {
        const opening = connectDatabase({ kind: "server", url: database.url, replicaUrls: [replicaUrl], poolSize: 2 }).finally(() => (opened = true));
        opening.catch(() => undefined);
        // Once the primary has every migration, and a moment after, the start-up still waits.
        await untilMigrated(database.url);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(opened).toBe(false);
        return { opening };
      });
      const started = await opening;
      try {
        const reader = started.dataSource.createQueryRunner("slave");
        try {
          expect(await reader.query(`SELECT count(*)::int AS n FROM suspected_infringement`)).toEqual([{ n: 0 }]);
        } finally {
          await reader.release();
        }
      } finally {
        await started.close();
      }
    } finally {
      await database.drop();
    }
  });
});
