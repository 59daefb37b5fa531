import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Client } from "pg";
import { connectDatabase } from "../../src/db/data-source";
import { openEmbeddedPostgres } from "../../src/db/embedded-postgres";
import { databaseUrl, serverUrl, templateDatabaseName, templateDumpPath } from "./test-env";

// Migrates one template database per run; each test file then clones it, which costs well under a
// second instead of a fresh migration.
export default async function globalSetup() {
  process.env.ALLIANCE_TEST_RUN_ID = randomBytes(4).toString("hex");
  if (serverUrl) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${templateDatabaseName()}`);
    await admin.end();
    const database = await connectDatabase({ kind: "server", url: databaseUrl(serverUrl, templateDatabaseName()), poolSize: 1 });
    await database.close();
  } else {
    const embedded = await openEmbeddedPostgres("memory://");
    const database = await connectDatabase({ kind: "embedded", embedded });
    const dump = await embedded.pglite.dumpDataDir("none");
    writeFileSync(templateDumpPath(), Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
}
