import "reflect-metadata";
import { DataSource, type DataSourceOptions, type Logger } from "typeorm";
import { MigrationExecutor } from "typeorm/migration/MigrationExecutor";
import type { Config } from "../config";
import { entities } from "../entities";
import { migrations } from "./migrations";
import { whileHoldingKey } from "./advisory-lock";
import { openEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { answerBusyPools } from "./busy-pool";
import { routeReads } from "./read-routing";
import { replicasCaughtUp } from "./replica-catch-up";
import { columnParsers } from "./column-parsers";

export interface Database {
  dataSource: DataSource;
  close(): Promise<void>;
}

export type DatabaseTarget =
  // Each connection's limits, in milliseconds (0 or unset: none): how long a statement may run, and
  // how long it may wait for a lock another transaction holds, so that one stuck transaction
  // cannot hold every pooled connection of the API waiting behind it.
  // replicaUrls: streaming replicas of `url`'s database, for the reads of query operations (read-routing.ts).
  // connectTimeoutMs: how long a statement waits for a connection, a new one to the server or one of
  // a full pool to come free (CONNECT_TIMEOUT_MS unless given).
  | {
      kind: "server";
      url: string;
      replicaUrls?: string[];
      poolSize: number;
      statementTimeoutMs?: number;
      lockTimeoutMs?: number;
      connectTimeoutMs?: number;
    }
  | { kind: "embedded"; embedded: EmbeddedPostgres };

// Opens the configured database (a PostgreSQL server, or the embedded one when DATABASE_URL is
// unset) and brings its schema up to date. Serving requests, its server connections have the
// configured time limits and its replicas serve the query operations; an operator's CLI work (a
// file's ingest, whose batches may wait on one another's stores for as long as a batch takes) has
// no limits, and no replicas: it reads what it writes, and TypeORM connects to every replica it is
// given, so one that is down would stop the operator.
export async function openDatabase(config: Config, purpose: "serve" | "operate" = "operate"): Promise<Database> {
  const target: DatabaseTarget =
    config.database.kind === "server"
      ? { ...config.database, ...(purpose === "serve" ? config.databaseTimeouts : { replicaUrls: [] }) }
      : { kind: "embedded", embedded: await openEmbeddedPostgres(config.database.dataDir) };
  return connectDatabase(target);
}

// A PostgreSQL server (connected by URL), as opposed to the embedded database: only a server
// takes COPY ... FROM STDIN from a client stream.
export const isServerDatabase = (dataSource: DataSource) =>
  dataSource.options.type === "postgres" && Boolean(dataSource.options.url || dataSource.options.replication);

const CONNECT_TIMEOUT_MS = 10_000;
// A server that stops answering (frozen, or cut off without a reset) never applies its own
// statement_timeout: the client gives up this long after it, so that a request fails instead of
// waiting for the server's return. Dead peers are found by TCP keepalive probes on idle connections.
const CLIENT_TIMEOUT_MARGIN_MS = 5_000;
const KEEPALIVE_IDLE_MS = 10_000;

// Each server connection's limits (none unless given).
function connectionLimits(target: Extract<DatabaseTarget, { kind: "server" }>) {
  return {
    statement_timeout: target.statementTimeoutMs || undefined,
    lock_timeout: target.lockTimeoutMs || undefined,
    query_timeout: target.statementTimeoutMs ? target.statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS : undefined,
  };
}

// The primary alone, or with its replicas through TypeORM's replication, where everything reads
// from and writes to the primary unless read-routing.ts sends a query operation's reads to a replica.
function serverConnection(target: Extract<DatabaseTarget, { kind: "server" }>) {
  const replicas = target.replicaUrls ?? [];
  if (replicas.length === 0) return { url: target.url };
  return { replication: { master: { url: target.url }, slaves: replicas.map((url) => ({ url })), defaultMode: "master" as const } };
}

// queryLogger sees every statement (the tests count them with it).
export async function connectDatabase(target: DatabaseTarget, queryLogger?: Logger): Promise<Database> {
  const common = {
    type: "postgres" as const,
    entities,
    migrations,
    // Schema changes go through migrations only.
    synchronize: false,
    uuidExtension: "pgcrypto" as const,
    ...(queryLogger ? { logger: queryLogger, logging: ["query" as const] } : {}),
  };
  // Migrations run without the requests' time limits, on a server through a connection of their
  // own to the primary: building an index on a large table may take longer than any request should.
  // They commit synchronously whatever the server's default, so that replicas can be waited for.
  if (target.kind === "server") {
    const migrating = new DataSource({
      ...common,
      url: target.url,
      connectTimeoutMS: CONNECT_TIMEOUT_MS,
      extra: { keepAlive: true, options: "-c synchronous_commit=on" },
      poolSize: 1,
    });
    const applied = await migrateThrough(migrating, true);
    if (applied > 0 && target.replicaUrls?.length) await replicasCaughtUp(target.url, target.replicaUrls);
  }
  const options: DataSourceOptions =
    target.kind === "server"
      ? // A server that cannot be reached, or a pool that has no connection free, fails a statement
        // after connectTimeoutMs, rather than leave it waiting.
        {
          ...common,
          ...serverConnection(target),
          poolSize: target.poolSize,
          connectTimeoutMS: target.connectTimeoutMs || CONNECT_TIMEOUT_MS,
          extra: { keepAlive: true, keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS, types: columnParsers, ...connectionLimits(target) },
        }
      : // PGlite is one single-user backend: one connection, through its own pg adapter.
        { ...common, extra: { ...target.embedded.pgConfig, types: columnParsers, max: 1 }, poolSize: 1 };
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  routeReads(dataSource);
  if (target.kind === "server") answerBusyPools(dataSource, target.connectTimeoutMs || CONNECT_TIMEOUT_MS);
  if (target.kind === "embedded") await migrateThrough(dataSource, false);
  return {
    dataSource,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (target.kind === "embedded") await target.embedded.close();
    },
  };
}

// Brings the schema up to date, each migration in its own transaction; `closeAfter`: the data
// source is the migrations' own. The data source is closed on a failure either way. Returns how
// many migrations it applied.
async function migrateThrough(dataSource: DataSource, closeAfter: boolean): Promise<number> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  let applied = 0;
  try {
    const runner = dataSource.createQueryRunner();
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = "each";
      // API hosts started at once after a deploy migrate the same database: one at a time, so that
      // the others find the migrations applied rather than fail creating what the first created.
      applied = (await whileHoldingKey(runner, "migrations", () => executor.executePendingMigrations())).length;
    } finally {
      await runner.release();
    }
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  if (closeAfter) await dataSource.destroy();
  return applied;
}
