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

// A process's memory after a full garbage collection (the server runs with --expose-gc for it).
export interface ProcessMemory {
  rssMb: number;
  heapUsedMb: number;
}

export type ServerMessage = { url: string } | { statements: number; cpuMs: number } | { memory: ProcessMemory[] };
export type ParentMessage = "reset" | "count" | "memory" | "stop";

function memoryAfterGc(): ProcessMemory {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return { rssMb: mb(rss), heapUsedMb: mb(heapUsed) };
}

// One server process: a cluster worker, or the whole server with one worker.
async function serve() {
  const counter = new StatementCount();
  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env });
  const database =
    config.database.kind === "server"
      ? await connectDatabase({ ...config.database, ...config.databaseTimeouts }, counter)
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
    if (message === "memory") send({ memory: [memoryAfterGc()] });
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
  const ask = <T>(worker: Worker, message: ParentMessage) =>
    new Promise<T>((resolve) => {
      worker.once("message", resolve);
      worker.send(message);
    });
  let cpuAtReset = cpuAtStart;
  process.on("message", async (message: ParentMessage) => {
    if (message === "reset") {
      cpuAtReset = process.cpuUsage();
      for (const worker of pool.workers()) worker.send("reset");
    }
    if (message === "count") {
      const counts = await Promise.all(pool.workers().map((worker) => ask<{ statements: number; cpuMs: number }>(worker, "count")));
      const own = process.cpuUsage(cpuAtReset);
      process.send?.({
        statements: counts.reduce((sum, c) => sum + c.statements, 0),
        cpuMs: counts.reduce((sum, c) => sum + c.cpuMs, (own.user + own.system) / 1000),
      } satisfies ServerMessage);
    }
    if (message === "memory") {
      const replies = await Promise.all(pool.workers().map((worker) => ask<{ memory: ProcessMemory[] }>(worker, "memory")));
      process.send?.({ memory: [memoryAfterGc(), ...replies.flatMap((reply) => reply.memory)] } satisfies ServerMessage);
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
