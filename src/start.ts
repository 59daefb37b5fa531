import cluster from "node:cluster";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { checkPortFree, createApiApp, listen, type ApiApp } from "./api/server";
import type { StoppedRequests } from "./api/in-flight-requests";
import { forkWorkers } from "./api/workers";
import { loadTokenService } from "./auth/jwt";
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/data-source";
import { createLogger } from "./logger";
import { isSeeded, seedDemoAlliance, type SeedSummary } from "./seed/demo-alliance";

export interface RunningApi {
  url: string;
  // What this start seeded; null when the database already held the demo alliance.
  seeded: SeedSummary | null;
  close(): Promise<StoppedRequests>;
}

const graphqlUrl = (port: number) => `http://localhost:${port}/graphql`;

// How long a stop waits for the requests in flight before it closes the database under them.
const DRAIN_MS = 10_000;
// How long those then have to answer, failing at once without a database, before their
// connections are cut.
const CUT_SHORT_MS = 1_000;

const elapsed = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

// Stops taking connections and lets the requests in flight finish, so that a client whose request
// was accepted gets its answer (a mutation's, above all, which it could not tell made or not); each
// keep-alive connection is closed once idle. A request runs on after its client gave up, so the
// stop waits for the requests themselves, not only their connections. Those still running after
// DRAIN_MS keep their connections while the database closes under them, and are answered
// SERVICE_UNAVAILABLE (src/api/stopping.ts); whatever is left after CUT_SHORT_MS is cut.
async function stop(server: Server, api: ApiApp, database: Database): Promise<StoppedRequests> {
  const closed = new Promise((resolve) => server.close(resolve));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const endedBefore = api.requests.ended;
  let stopped: StoppedRequests;
  try {
    await Promise.race([Promise.all([closed, api.requests.idle()]), elapsed(DRAIN_MS)]);
    stopped = { drainedRequests: api.requests.ended - endedBefore, cutRequests: api.requests.count };
    api.requests.databaseClosing = true;
    await database.close();
    await Promise.race([api.requests.idle(), elapsed(CUT_SHORT_MS)]);
  } finally {
    clearInterval(idle);
    server.closeAllConnections();
  }
  await closed;
  await api.stop();
  return stopped;
}

// Production seeds nothing: the demo users' password is public, and the platform admin's sees every member.
const NO_DEMO_IN_PRODUCTION =
  "This database has no platform organization, and NODE_ENV=production seeds no demo alliance (its users' password is public). " +
  "Create the platform's first admin, with the password on stdin: " +
  "read -rs PASSWORD && printf '%s' \"$PASSWORD\" | npm run -s cli -- create-platform-admin --email <address> --name <name>";

// Opening migrates; the demo alliance is seeded on first start only, and never in production.
async function openPreparedDatabase(config: Config, say: (line: string) => void): Promise<{ database: Database; seeded: SeedSummary | null }> {
  const database = await openDatabase(config, "serve");
  const { dataSource } = database;
  if (await isSeeded(dataSource.manager)) return { database, seeded: null };
  if (config.nodeEnv === "production") {
    say(NO_DEMO_IN_PRODUCTION);
    return { database, seeded: null };
  }
  say("First start: seeding the demo alliance...");
  const seeded = await dataSource.transaction((manager) => seedDemoAlliance(manager, config));
  say(`Seeded ${JSON.stringify(seeded)}`);
  return { database, seeded };
}

// Migrates, seeds the demo alliance on first start only, and serves in this process.
export async function startApi(config: Config, say: (line: string) => void = () => {}): Promise<RunningApi> {
  // A worker shares the port its primary checked.
  if (!cluster.isWorker) await checkPortFree(config.port);
  const { database, seeded } = await openPreparedDatabase(config, say);
  const api = await createApiApp({ config, dataSource: database.dataSource, tokens: loadTokenService(config), logger: createLogger(config.logLevel) });
  const server: Server = await listen(api.app, config.port);
  return {
    url: graphqlUrl((server.address() as AddressInfo).port),
    seeded,
    close: () => stop(server, api, database),
  };
}

// Prepares the database here, then serves from `config.workers` processes of this script (each
// of which calls startApi, finding the database prepared).
export async function startApiWorkers(config: Config, say: (line: string) => void = () => {}): Promise<RunningApi> {
  await checkPortFree(config.port);
  const { database, seeded } = await openPreparedDatabase(config, say);
  await database.close();
  const workers = await forkWorkers(config.workers, say);
  return { url: graphqlUrl(workers.port), seeded, close: () => workers.stop() };
}
