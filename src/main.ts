import "reflect-metadata";
import cluster from "node:cluster";
import type { StoppedRequests } from "./api/in-flight-requests";
import { reportStopToPrimary } from "./api/workers";
import { ConfigError, loadConfig, type Config } from "./config";
import { databaseRefusal } from "./db/database-refusal";
import { createLogger } from "./logger";
import { DEMO_PASSWORD } from "./seed/demo-alliance.data";
import { startApi, startApiWorkers, type RunningApi } from "./start";

// `npm start`: serve the API (in config.workers processes) and say how to sign in. Its start and
// its stop are a log line each, for the operator's log collector: a worker reports its stop to the
// primary, whose line counts every worker's requests.
async function main() {
  const config = loadConfig();
  const say = (line: string) => console.log(line);
  if (cluster.isWorker) return stopOnSignal(await startApi(config), reportStopToPrimary);
  const logger = createLogger(config.logLevel);
  const running = config.workers > 1 ? await startApiWorkers(config, say) : await startApi(config, say);
  say(howToConnect(config, running.url));
  logger.info("server started", { address: running.url, workers: config.workers, database: config.database.kind });
  stopOnSignal(running, async (requests, signal, signalledAt) => {
    logger.info("server stopped", { signal, ...requests, durationMs: Date.now() - signalledAt });
  });
}

// Ctrl-C reaches the primary and every worker, and the primary then stops the workers too: once.
// The listeners stay for the whole stop: the embedded database's folder lock (by signal-exit)
// raises a signal again when no other listener is left, which would end the process before the
// database is closed.
// A signal a second or more after the first (the operator's second Ctrl-C) ends the process at
// once, should the stop hang; one sent together with the first (a terminal's Ctrl-C reaches npm
// too, which passes it on) is the same request.
function stopOnSignal(running: RunningApi, stopped: (requests: StoppedRequests, signal: NodeJS.Signals, signalledAt: number) => Promise<void>) {
  let closing: Promise<void> | undefined;
  let firstSignalAt = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing && Date.now() - firstSignalAt >= 1_000) process.exit(130);
    firstSignalAt ||= Date.now();
    closing ??= running
      .close()
      .then((requests) => stopped(requests, signal, firstSignalAt))
      .then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

function howToConnect(config: Config, url: string): string {
  const where = config.database.kind === "embedded" ? `embedded PostgreSQL in ${config.database.dataDir}` : "PostgreSQL server";
  const processes = config.workers > 1 ? `, ${config.workers} worker processes` : "";
  const serving = `
Alliance API at ${url} (${where}${processes})
`;
  // Production has no demo users, and refuses the CLI's tokens.
  if (config.nodeEnv === "production") {
    return `${serving}
Sign in with the login mutation and send its token as "authorization: Bearer <token>", or send an API key as "x-api-key: <key>".
`;
  }
  return `${serving}
Sign in as a demo user (password "${DEMO_PASSWORD}"), e.g. a Swarovski analyst:
  curl -s ${url} -H 'content-type: application/json' \\
    -d '{"query":"mutation { login(email: \\"analyst@swarovski.example\\", password: \\"${DEMO_PASSWORD}\\") { token } }"}'
The answer's data.login.token is the token: TOKEN=<that token>. Or print one without a password${
    config.database.kind === "embedded"
      ? `, with the server stopped (the embedded database is this process's):\n  TOKEN=$(DATA_DIR=${config.dataDir} npm run -s cli -- token --email analyst@swarovski.example)`
      : `, with this server's settings:\n  TOKEN=$(DATABASE_URL=<this server's> JWT_SECRET=<this server's> INTEL_HMAC_SECRET=<this server's> npm run -s cli -- token --email analyst@swarovski.example)`
  }

Then query with it:
  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ infringements(first: 5) { totalCount edges { node { riskScore status listing { title price { formatted } } } } } }"}'
`;
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : (databaseRefusal(error) ?? error));
  process.exit(1);
});
