import { connectDatabase } from "../../src/db/data-source";
import { migrations } from "../../src/db/migrations";
import { createEmptyServerDatabase } from "../support/test-database";
import { serverUrl } from "../support/test-env";

// Several API hosts behind a load balancer start at once after a deploy, each migrating the same
// database on the way up: each must start, the migrations applied once.
const onServer = serverUrl ? describe : describe.skip;

onServer("API processes starting at once on an unmigrated database", () => {
  it("all start, and each migration is applied once", async () => {
    const database = await createEmptyServerDatabase();
    try {
      const opened = await Promise.allSettled([1, 2, 3].map(() => connectDatabase({ kind: "server", url: database.url, poolSize: 1 })));
      const failures = opened.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
      for (const result of opened) if (result.status === "fulfilled") await result.value.close();
      expect(failures).toEqual([]);
      const again = await connectDatabase({ kind: "server", url: database.url, poolSize: 1 });
      try {
        const rows: { name: string; n: number }[] = await again.dataSource.query(`SELECT name, count(*)::int AS n FROM migrations GROUP BY name`);
        expect(rows).toHaveLength(migrations.length);
        expect(rows.every((row) => row.n === 1)).toBe(true);
      } finally {
        await again.close();
      }
    } finally {
      await database.drop();
    }
  });
});
