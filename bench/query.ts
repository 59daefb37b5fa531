import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { loadTokenService } from "../src/auth/jwt";
import { intelHmacSecret } from "../src/domain/intel/keyed-hash";
import { writeLines } from "../src/cli/write-lines";
import { generateListings } from "../src/generator/marketplace-generator";
import { ListingIngest } from "../src/ingest/listing-ingest";
import { numberArg, openBenchDatabase } from "./bench-database";
import { startApiServer } from "./start-api-server";

// npm run bench:query -- [--listings 1000000] [--connections 10] [--duration 20] [--warmup 5]
// Loads a dashboard-sized data set into the configured database through the ingest path (only
// the listings it still lacks), serves the API in a child process, and drives a brand's dashboard
// query over HTTP with autocannon, rotating over every member brand's analyst token. Prints as its
// last line {"rps","p50Ms","p99Ms","sqlPerRequest","errors"}, and the server's CPU time per request on
// stderr. BENCH_PROF=<dir> writes a CPU profile of the server there.

// About 30% of the listings become infringements (300,000 of the default million), as the issue's
// data set has; the generator's default mix would flag 40%.
const FAKE_SHARE = 0.35;

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
  const connections = numberArg("connections", 10);
  const duration = numberArg("duration", 20);
  const warmup = numberArg("warmup", 5);
  const { database, config } = await openBenchDatabase();
  const { dataSource } = database;
  try {
    const [{ n: stored }] = await dataSource.query(`SELECT count(*)::int AS n FROM listing`);
    if (stored < listings) {
      const missing = listings - stored;
      const file = join(tmpdir(), `alliance-bench-query-${process.pid}.ndjson`);
      const out = createWriteStream(file);
      await writeLines(out, generateListings({ listings: missing, seed: 1 + (Date.now() % 997), fakeShare: FAKE_SHARE }), (l) => JSON.stringify(l));
      await new Promise((resolve) => out.end(resolve));
      const ingest = await ListingIngest.open(dataSource, config);
      const started = Date.now();
      const counts = await ingest.ingestNdjson(createReadStream(file), config.ingest.batchRows, { concurrency: config.ingest.concurrency });
      rmSync(file);
      // As autovacuum leaves the tables once it has caught up: statistics for the planner, and a
      // visibility map, without which the row scopes' index-only probes visit the heap.
      await dataSource.query("VACUUM ANALYZE");
      console.error(`loaded ${counts.inserted} listings in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    const [sizes] = await dataSource.query(
      `SELECT (SELECT count(*) FROM listing)::int AS listings, (SELECT count(*) FROM suspected_infringement)::int AS infringements,
              (SELECT count(DISTINCT owner_org_id) FROM suspected_infringement)::int AS organizations`,
    );
    console.error(`data set: ${JSON.stringify(sizes)}`);

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
    const url = server.url;
    const body = JSON.stringify({ query: DASHBOARD });
    let turn = 0;
    let graphqlErrors = 0;
    const run = (seconds: number) =>
      autocannon({
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            body,
            setupRequest: (request) => ({ ...request, headers: headers[turn++ % headers.length] }),
            onResponse: (_status, responseBody) => {
              if (responseBody.includes('"errors"')) graphqlErrors++;
            },
          },
        ],
      });
    await run(warmup);
    graphqlErrors = 0;
    await server.ask("reset");
    const result = await run(duration);
    const reply = await server.ask("count");
    const statements = reply && "statements" in reply ? reply.statements : 0;
    const serverCpuMs = reply && "cpuMs" in reply ? reply.cpuMs : 0;
    console.error(`server CPU per request: ${(serverCpuMs / Math.max(1, result.requests.total)).toFixed(2)} ms`);
    await server.stop();
    console.log(
      JSON.stringify({
        rps: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        sqlPerRequest: Math.round((statements / Math.max(1, result.requests.total)) * 100) / 100,
        errors: result.errors + result.non2xx + result.timeouts + graphqlErrors,
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
