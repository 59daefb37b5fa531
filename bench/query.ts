import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { Logger as TypeOrmLogger } from "typeorm";
import { createApiApp, listen } from "../src/api/server";
import { loadTokenService } from "../src/auth/jwt";
import { writeLines } from "../src/cli/write-lines";
import { loadConfig } from "../src/config";
import { connectDatabase, type Database } from "../src/db/data-source";
import { openEmbeddedPostgres } from "../src/db/embedded-postgres";
import { generateListings } from "../src/generator/marketplace-generator";
import { SeededRandom } from "../src/generator/random";
import { ListingIngest } from "../src/ingest/listing-ingest";
import { createLogger } from "../src/logger";
import { isSeeded, seedMembers } from "../src/seed/demo-alliance";
import { numberArg } from "./bench-database";

// npm run bench:query -- [--listings 1000000] [--connections 10] [--duration 20] [--warmup 5]
// Loads a dashboard-sized data set into the configured database through the ingest path (only
// the listings it still lacks), serves the API in this process, and drives a brand's dashboard
// query over HTTP with autocannon, rotating over every member brand's analyst token. Prints as its
// last line {"rps","p50Ms","p99Ms","sqlPerRequest","errors"}.

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

class StatementCount implements TypeOrmLogger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

async function openCounted(counter: StatementCount): Promise<{ database: Database; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig({ JWT_SECRET: randomBytes(32).toString("hex"), LOG_LEVEL: "warn", ...process.env });
  const database =
    config.database.kind === "server"
      ? await connectDatabase({ kind: "server", url: config.database.url, poolSize: config.database.poolSize }, counter)
      : await connectDatabase({ kind: "embedded", embedded: await openEmbeddedPostgres(config.database.dataDir) }, counter);
  return { database, config };
}

async function main() {
  const listings = numberArg("listings", 1_000_000);
  const connections = numberArg("connections", 10);
  const duration = numberArg("duration", 20);
  const warmup = numberArg("warmup", 5);
  const counter = new StatementCount();
  const { database, config } = await openCounted(counter);
  const { dataSource } = database;
  try {
    if (!(await isSeeded(dataSource.manager))) await dataSource.transaction((m) => seedMembers(m, new SeededRandom(2017)));
    const [{ n: stored }] = await dataSource.query(`SELECT count(*)::int AS n FROM listing`);
    if (stored < listings) {
      const missing = listings - stored;
      const file = join(tmpdir(), `alliance-bench-query-${process.pid}.ndjson`);
      const out = createWriteStream(file);
      await writeLines(out, generateListings({ listings: missing, seed: 1 + (Date.now() % 997) }), (l) => JSON.stringify(l));
      await new Promise((resolve) => out.end(resolve));
      const ingest = await ListingIngest.open(dataSource, config);
      const started = Date.now();
      const counts = await ingest.ingestNdjson(createReadStream(file), config.ingest.batchRows, { concurrency: config.ingest.concurrency });
      console.error(`loaded ${counts.inserted} listings in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    const [sizes] = await dataSource.query(
      `SELECT (SELECT count(*) FROM listing)::int AS listings, (SELECT count(*) FROM suspected_infringement)::int AS infringements,
              (SELECT count(DISTINCT owner_org_id) FROM suspected_infringement)::int AS organizations`,
    );
    console.error(`data set: ${JSON.stringify(sizes)}`);

    const tokens = loadTokenService(config);
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
    const api = await createApiApp({ config, dataSource, tokens, logger: createLogger("warn") });
    const server = await listen(api.app, 0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
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
    counter.count = 0;
    const result = await run(duration);
    const statements = counter.count;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await api.stop();
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
    await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
