import { tmpdir } from "node:os";
import { join } from "node:path";

// Where the suite's databases come from: the PostgreSQL server in DATABASE_URL, else PGlite.
export const serverUrl = process.env.DATABASE_URL;

// A streaming replica of that server, for the tests of reads sent to replicas (optional; .ci/run starts one).
export const replicaServerUrl = process.env.TEST_DATABASE_REPLICA_URL;

// Set by global-setup, inherited by the test workers it starts.
const runId = () => process.env.ALLIANCE_TEST_RUN_ID ?? "run";

export const templateDumpPath = () => join(tmpdir(), `alliance-test-template-${runId()}.tar`);

export const templateDatabaseName = () => `alliance_template_${runId()}`;

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
