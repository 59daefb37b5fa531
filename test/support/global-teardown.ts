import { rmSync } from "node:fs";
import { Client } from "pg";
import { serverUrl, templateDatabaseName, templateDumpPath } from "./test-env";

export default async function globalTeardown() {
  if (serverUrl) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabaseName()}`);
    await admin.end();
  } else {
    rmSync(templateDumpPath(), { force: true });
  }
}
