import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Client } from "pg";
import type { Logger } from "typeorm";
import { connectDatabase, type Database } from "../../src/db/data-source";
import { openEmbeddedPostgres } from "../../src/db/embedded-postgres";
import { caughtUp } from "./replica";
import { databaseUrl, serverUrl, templateDatabaseName, templateDumpPath } from "./test-env";

// A fresh database of its own for one test file, cloned from the migrated template: on the server
// a CREATE DATABASE ... TEMPLATE, embedded a PGlite loaded from the template's dump. On the
// server, its connections have the configured time limits, as the API's have, and with
// `replicaServerUrls`, the query operations' reads go to the same database on those servers: streaming
// replicas of the test server, or the test server itself standing for a replica with no lag.
export async function openTestDatabase(
  queryLogger?: Logger,
  options: { statementTimeoutMs?: number; lockTimeoutMs?: number; connectTimeoutMs?: number; replicaServerUrls?: string[] } = {},
): Promise<Database> {
  if (!serverUrl) {
    const embedded = await openEmbeddedPostgres("memory://", new Blob([readFileSync(templateDumpPath())]));
    return connectDatabase({ kind: "embedded", embedded }, queryLogger);
  }
  const name = `alliance_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
  const { replicaServerUrls = [], ...limits } = options;
  for (const url of replicaServerUrls) if (url !== serverUrl) await caughtUp(url);
  const replicaUrls = replicaServerUrls.map((url) => databaseUrl(url, name));
  const database = await connectDatabase({ kind: "server", url: databaseUrl(serverUrl, name), replicaUrls, poolSize: 5, ...limits }, queryLogger);
  return {
    dataSource: database.dataSource,
    async close() {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

async function adminQuery(sql: string) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

// An empty, unmigrated database on the server, for tests of a whole start-up; dropped by the caller.
export async function createEmptyServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!serverUrl) throw new Error("createEmptyServerDatabase needs DATABASE_URL");
  const name = `alliance_start_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { url: databaseUrl(serverUrl, name), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name}`) };
}
