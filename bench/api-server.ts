import "reflect-metadata";
import cluster, { type Worker } from "node:cluster";
import type { AddressInfo } from "node:net";
import type { Logger as TypeOrmLogger } from "typeorm";
import { createApiApp, listen } from "../src/api/server";
import { forkWorkers } from "../src/api/workers";
import { loadTokenService } from "../src/auth/jwt";
import { loadConfig } from "../src/config";
import { connectDatabase } from "../src/db/data-source";
import { openEmbeddedPostgres } from "../src/db/embedded-postgres";
import { createLogger } from "../src/logger";

// The API server of the benchmarks (started by bench/start-api-server.ts), in a process of its own
// so that the load generator does not share its event loop, and in config.workers processes as
// `npm start` serves. It counts the SQL statements it sends and the CPU time it spends, and answers
// the parent over IPC.

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

export type ServerMessage = { url: string } | { statements: number; cpuMs: number };
export type ParentMessage = "reset" | "count" | "stop";

// One server process: a cluster worker, or the whole server with one worker.
async function serve() {
  const counter = new StatementCount();
  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env });
  const database =
    config.database.kind === "server"
      ? await connectDatabase({ kind: "server", url: config.database.url, poolSize: config.database.poolSize }, counter)
      : await connectDatabase({ kind: "embedded", embedded: await openEmbeddedPostgres(config.database.dataDir) }, counter);
  const api = await createApiApp({ config, dataSource: database.dataSource, tokens: loadTokenService(config), logger: createLogger("warn") });
  const server = await listen(api.app, 0);
  const send = (message: ServerMessage) => process.send?.(message);
  let cpuAtReset = process.cpuUsage();
  process.on("message", async (message: ParentMessage) => {
    if (message === "reset") {
      counter.count = 0;
      cpuAtReset = process.cpuUsage();
    }
    if (message === "count") {
      const cpu = process.cpuUsage(cpuAtReset);
      send({ statements: counter.count, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    if (message === "stop") {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.stop();
      await database.close();
      process.exit(0);
    }
  });
  send({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` });
}

// The cluster's primary: forwards the parent's messages to every worker and adds up their counts.
async function serveInWorkers(count: number) {
  const cpuAtStart = process.cpuUsage();
  const pool = await forkWorkers(count, (line) => console.error(line));
  const countOf = (worker: Worker) =>
    new Promise<{ statements: number; cpuMs: number }>((resolve) => {
      worker.once("message", resolve);
      worker.send("count");
    });
  let cpuAtReset = cpuAtStart;
  process.on("message", async (message: ParentMessage) => {
    if (message === "reset") {
      cpuAtReset = process.cpuUsage();
      for (const worker of pool.workers()) worker.send("reset");
    }
    if (message === "count") {
      const counts = await Promise.all(pool.workers().map(countOf));
      const own = process.cpuUsage(cpuAtReset);
      process.send?.({
        statements: counts.reduce((sum, c) => sum + c.statements, 0),
        cpuMs: counts.reduce((sum, c) => sum + c.cpuMs, (own.user + own.system) / 1000),
      } satisfies ServerMessage);
    }
    if (message === "stop") {
      await pool.stop();
      process.exit(0);
    }
  });
  process.send?.({ url: `http://127.0.0.1:${pool.port}/graphql` } satisfies ServerMessage);
}

const workers = loadConfig({ LOG_LEVEL: "warn", ...process.env }).workers;
(cluster.isPrimary && workers > 1 ? serveInWorkers(workers) : serve()).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
