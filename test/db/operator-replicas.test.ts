import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/db/data-source";
import { createEmptyServerDatabase } from "../support/test-database";
import { serverUrl } from "../support/test-env";

// An operator's work (the CLI: migrations, a file's ingest, an intel import) reads and writes the
// primary only. Replicas serve the API's query operations, and one that is down or still being
// built must not stop the operator.
const onServer = serverUrl ? describe : describe.skip;

onServer("the operator's database, with replicas configured", () => {
  it("opens and works while a configured replica cannot be reached", async () => {
    const database = await createEmptyServerDatabase();
    try {
      const config = loadConfig({
        NODE_ENV: "test",
        DATABASE_URL: database.url,
        // Port 1: nothing listens there, so a connection is refused at once.
        DATABASE_REPLICA_URLS: "postgres://postgres@127.0.0.1:1/unreachable",
        JWT_SECRET: "j".repeat(40),
        INTEL_HMAC_SECRET: "i".repeat(40),
      });
      const opened = await openDatabase(config);
      try {
        expect(await opened.dataSource.query(`SELECT count(*)::int AS n FROM organization`)).toEqual([{ n: 0 }]);
      } finally {
        await opened.close();
      }
    } finally {
      await database.drop();
    }
  });
});
