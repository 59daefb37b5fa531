import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { loadTokenService } from "../src/auth/jwt";
import { loadConfig } from "../src/config";
import { openDatabase, type Database } from "../src/db/data-source";
import { loadKeyedHasher, type KeyedHasher } from "../src/domain/intel/keyed-hash";
import { Organization, User } from "../src/entities";
import { OrgKind, UserRole } from "../src/entities/enums";
import { graphqlClient } from "./graphql-client";
import { benchIndicator, indicatorKindOf, indicatorValueOf } from "./indicator-values";
import { startApiServer, type BenchServer } from "./start-api-server";

// `npm run bench:match -- --indicators N [--lookups L] [--warmup W]`: loads N indicators from 10 member brands
// (set-based), then times L blind matches, one value each, one request at a time, through the
// GraphQL API over HTTP, served as `npm start` serves it in production (a child process, with
// NODE_ENV=production). The last line is the JSON result. On a fresh database of its own: a new
// database on the server of DATABASE_URL (dropped afterwards), else an embedded one in a temp folder.

const MEMBERS = 10;
const CHUNK = 20_000;

const positiveInt = (value: string) => {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number above 0");
  return n;
};

// The indicators of benchIndicator, taken in turn by the members.
async function loadIndicators(dataSource: DataSource, hasher: KeyedHasher, orgIds: string[], n: number) {
  for (let start = 0; start < n; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, n - start) }, (_, j) => {
      const i = start + j;
      const { kind, value, distribution } = benchIndicator(i);
      return { org: orgIds[i % orgIds.length], kind, value, hash: hasher.hashHex(kind, value), distribution };
    });
    await dataSource.query(
      `INSERT INTO indicator (owner_org_id, kind, value, value_hash, distribution, confidence)
       SELECT u.org, u.kind::indicator_kind, u.value, decode(u.hash, 'hex'), u.distribution::indicator_distribution, 50
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(org, kind, value, hash, distribution)`,
      [rows.map((r) => r.org), rows.map((r) => r.kind), rows.map((r) => r.value), rows.map((r) => r.hash), rows.map((r) => r.distribution)],
    );
    process.stderr.write(`\rloaded ${start + rows.length} / ${n} indicators`);
  }
  process.stderr.write("\n");
  // As autovacuum leaves the table once it has caught up (statistics and a visibility map), and
  // with the load's dirty pages written out, so that the lookups do not share the disk with the
  // checkpoint that a million inserts set off.
  await dataSource.query("VACUUM ANALYZE indicator");
  await dataSource.query("CHECKPOINT");
}

async function serverDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_match_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const options = new Command("bench:match")
    .requiredOption("--indicators <n>", "indicators to load", positiveInt)
    .option("--lookups <n>", "blind matches to time", positiveInt, 10_000)
    .option("--warmup <n>", "blind matches (each with a { viewer { email } }) to send before timing", positiveInt, 5_000)
    .parse()
    .opts<{ indicators: number; lookups: number; warmup: number }>();

  const server = process.env.DATABASE_URL ? await serverDatabase(process.env.DATABASE_URL) : null;
  const dataDir = mkdtempSync(join(tmpdir(), "bench-match-"));
  const env = {
    ...process.env,
    ...(server ? { DATABASE_URL: server.url } : {}),
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString("hex"),
    INTEL_HMAC_SECRET: randomBytes(32).toString("hex"),
    INTEL_LOOKUPS_PER_HOUR: "100000000",
    INTEL_LOOKUPS_PER_DAY: "100000000",
    LOG_LEVEL: "silent",
    NODE_ENV: "production",
  };
  const config = loadConfig(env);
  let database: Database | undefined = await openDatabase(config);
  let api: BenchServer | undefined;
  try {
    const { dataSource } = database;
    const hasher = loadKeyedHasher(config);
    const orgs = await dataSource.manager.save(
      Array.from({ length: MEMBERS + 1 }, (_, i) => dataSource.manager.create(Organization, { slug: `bench-${i}`, name: `Bench ${i}`, kind: OrgKind.BRAND })),
    );
    const [asker, ...contributors] = orgs;
    const user = await dataSource.manager.save(
      dataSource.manager.create(User, { ownerOrgId: asker.id, email: "bench@bench.example", displayName: "Bench", role: UserRole.ANALYST, passwordHash: "x", disabledAt: null }),
    );
    const loadStarted = Date.now();
    await loadIndicators(dataSource, hasher, contributors.map((org) => org.id), options.indicators);
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    const { token } = await loadTokenService(config).sign({ userId: user.id, orgId: asker.id });
    // The embedded database is one process's: the server gets it to itself.
    await database.close();
    database = undefined;
    api = await startApiServer(env);
    const ask = graphqlClient(api.url, token);
    const query = "query($q: [IndicatorQueryInput!]!) { matchIndicators(queries: $q) { matched memberCount } }";
    const distinctValues = Math.max(1, Math.floor(options.indicators / 2));
    let matched = 0;
    const lookup = async (i: number) => {
      // Every other lookup asks for a value that exists; the rest for one that does not.
      const v = i % 2 === 0 ? (i * 7919) % distinctValues : distinctValues + i;
      const kind = indicatorKindOf(v);
      const started = performance.now();
      const body = (await ask({ query, variables: { q: [{ kind, value: indicatorValueOf(kind, v) }] } })) as {
        data?: { matchIndicators: { matched: boolean }[] };
        errors?: unknown;
      };
      const elapsed = performance.now() - started;
      if (body.errors || !body.data) throw new Error(`lookup failed: ${JSON.stringify(body.errors)}`);
      if (body.data.matchIndicators[0].matched) matched += 1;
      return elapsed;
    };
    // The same number of the cheapest authenticated request, for scale: on a busy machine it shows
    // how much of a lookup's latency is the machine's rather than the match's.
    const baseline = async () => {
      const started = performance.now();
      await ask({ query: "{ viewer { email } }" });
      return performance.now() - started;
    };
    // A fresh server answers more slowly while V8 is still optimizing the request path: after 2,000
    // lookups, the next 2,000 had a p99 of 6.6-6.7 ms and the later ones 3.3-5.8, and a bare
    // { viewer { email } }'s median fell from 1.5 to 0.9 ms over its first 10,000 or so. The
    // warm-up sends the timed mix, so that the figures are those of a server in service.
    for (let i = 0; i < options.warmup; i += 1) {
      await lookup(i + 1_000_000);
      await baseline();
    }
    matched = 0;
    const times: number[] = [];
    const baselineTimes: number[] = [];
    for (let i = 0; i < options.lookups; i += 1) {
      times.push(await lookup(i));
      baselineTimes.push(await baseline());
    }
    times.sort((a, b) => a - b);
    baselineTimes.sort((a, b) => a - b);
    console.error(
      `${options.indicators} indicators loaded in ${loadSeconds.toFixed(1)} s on ${server ? "PostgreSQL" : "PGlite"}; ` +
        `${matched} of ${options.lookups} lookups matched; ` +
        `{ viewer { email } } for scale: p50 ${percentile(baselineTimes, 50).toFixed(2)} ms, p99 ${percentile(baselineTimes, 99).toFixed(2)} ms`,
    );
    console.log(
      JSON.stringify({
        indicators: options.indicators,
        lookups: options.lookups,
        warmup: options.warmup,
        p50Ms: Number(percentile(times, 50).toFixed(2)),
        p99Ms: Number(percentile(times, 99).toFixed(2)),
      }),
    );
  } finally {
    await api?.stop();
    await database?.close();
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
