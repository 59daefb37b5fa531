import "reflect-metadata";
import type { AddressInfo } from "node:net";
import type { Logger as TypeOrmLogger } from "typeorm";
import { createApiApp, listen } from "../src/api/server";
import { loadTokenService } from "../src/auth/jwt";
import { loadConfig } from "../src/config";
import { connectDatabase } from "../src/db/data-source";
import { openEmbeddedPostgres } from "../src/db/embedded-postgres";
import { createLogger } from "../src/logger";

// The API server for bench:query, in a process of its own so that the load generator does not
// share its event loop. It counts the SQL statements it sends and the CPU time it spends, and
// answers the parent over IPC.

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

async function main() {
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

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
