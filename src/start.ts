import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiApp, listen } from "./api/server";
import { loadTokenService } from "./auth/jwt";
import type { Config } from "./config";
import { openDatabase } from "./db/data-source";
import { createLogger } from "./logger";
import { isSeeded, seedDemoAlliance, type SeedSummary } from "./seed/demo-alliance";

export interface RunningApi {
  url: string;
  // What this start seeded; null when the database already held the demo alliance.
  seeded: SeedSummary | null;
  close(): Promise<void>;
}

// Migrates, seeds the demo alliance on first start only, and serves.
export async function startApi(config: Config, say: (line: string) => void = () => {}): Promise<RunningApi> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config);
  const { dataSource } = database;
  let seeded: SeedSummary | null = null;
  if (!(await isSeeded(dataSource.manager))) {
    say("First start: seeding the demo alliance...");
    seeded = await dataSource.transaction((manager) => seedDemoAlliance(manager));
    say(`Seeded ${JSON.stringify(seeded)}`);
  }
  const api = await createApiApp({ config, dataSource, tokens: loadTokenService(config), logger });
  const server: Server = await listen(api.app, config.port);
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/graphql`,
    seeded,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.stop();
      await database.close();
    },
  };
}
