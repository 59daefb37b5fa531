import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { loadTokenService } from "../src/auth/jwt";
import { intelHmacSecret } from "../src/domain/intel/keyed-hash";
import { numberArg, openBenchDatabase } from "./bench-database";
import { loadDashboardData } from "./dashboard-data";
import { driveLoad, loadOptionsFromArgs } from "./drive-load";
import { startApiServer } from "./start-api-server";

// npm run bench:query -- [--listings 1000000] [--connections 10] [--duration 20] [--warmup 5]
// Loads a dashboard-sized data set into the configured database through the ingest path (only
// the listings it still lacks), serves the API in a child process, and drives a brand's dashboard
// query over HTTP with autocannon, rotating over every member brand's analyst token. Prints as its
// last line {"rps","p50Ms","p99Ms","sqlPerRequest","errors"}, and the server's CPU time per request on
// stderr. BENCH_PROF=<dir> writes a CPU profile of the server there.

const DASHBOARD = `query Dashboard {
  infringements(first: 50, orderBy: { field: DETECTED_AT, direction: DESC }) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id status riskScore detectedAt
      riskSignals { kind contribution reason }
      listing { title marketplace price { formatted } seller { name riskScore } }
    } }
  }
}`;

async function main() {
  const listings = numberArg("listings", 1_000_000);
  const load = loadOptionsFromArgs();
  const { database, config } = await openBenchDatabase();
  const { dataSource } = database;
  try {
    await loadDashboardData(dataSource, config, listings);

    const jwtSecret = config.jwt.secret ?? randomBytes(32).toString("hex");
    const tokens = loadTokenService({ ...config, jwt: { ...config.jwt, secret: jwtSecret } });
    const analysts: { id: string; owner_org_id: string }[] = await dataSource.query(
      `SELECT u.id, u.owner_org_id FROM app_user u JOIN organization o ON o.id = u.owner_org_id
        WHERE o.kind = 'BRAND' AND u.role = 'ANALYST' ORDER BY u.email`,
    );
    const headers = await Promise.all(
      analysts.map(async (a) => ({
        "content-type": "application/json",
        authorization: `Bearer ${(await tokens.sign({ userId: a.id, orgId: a.owner_org_id })).token}`,
      })),
    );
    // The embedded database is one process's: the server gets it to itself.
    if (config.database.kind === "embedded") await database.close();
    // Served as in production (graphql-js and Express skip their development checks), with the
    // secrets the data was written and the tokens signed with.
    const server = await startApiServer({ ...process.env, NODE_ENV: "production", JWT_SECRET: jwtSecret, INTEL_HMAC_SECRET: intelHmacSecret(config) });
    const requests = headers.map((h) => ({ body: JSON.stringify({ query: DASHBOARD }), headers: h }));
    const figures = await driveLoad(server.url, requests, { ...load, afterWarmup: () => server.ask("reset") });
    const reply = await server.ask("count");
    const statements = reply && "statements" in reply ? reply.statements : 0;
    const serverCpuMs = reply && "cpuMs" in reply ? reply.cpuMs : 0;
    console.error(`server CPU per request: ${(serverCpuMs / Math.max(1, figures.requests)).toFixed(2)} ms`);
    await server.stop();
    console.log(
      JSON.stringify({
        rps: figures.rps,
        p50Ms: figures.p50Ms,
        p99Ms: figures.p99Ms,
        sqlPerRequest: Math.round((statements / Math.max(1, figures.requests)) * 100) / 100,
        errors: figures.errors,
      }),
    );
  } finally {
    if (config.database.kind === "server") await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
