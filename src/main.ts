import "reflect-metadata";
import { createApiApp, listen } from "./api/server";
import { loadTokenService } from "./auth/jwt";
import { ConfigError, loadConfig, type Config } from "./config";
import { openDatabase } from "./db/data-source";
import { createLogger } from "./logger";
import { DEMO_PASSWORD } from "./seed/demo-alliance.data";
import { isSeeded, seedDemoAlliance } from "./seed/demo-alliance";

// `npm start`: migrate, seed the demo alliance on first start only, serve, and say how to sign in.
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config);
  const { dataSource } = database;
  if (!(await isSeeded(dataSource.manager))) {
    console.log("First start: seeding the demo alliance...");
    const summary = await dataSource.transaction((manager) => seedDemoAlliance(manager));
    console.log(`Seeded ${JSON.stringify(summary)}`);
  }
  const api = await createApiApp({ config, dataSource, tokens: loadTokenService(config), logger });
  const server = await listen(api.app, config.port);
  console.log(howToConnect(config));

  const shutdown = async () => {
    server.close();
    await api.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

function howToConnect(config: Config): string {
  const url = `http://localhost:${config.port}/graphql`;
  const where = config.database.kind === "embedded" ? `embedded PostgreSQL in ${config.database.dataDir}` : "PostgreSQL server";
  return `
Alliance API at ${url} (${where})

Sign in as a demo user (password "${DEMO_PASSWORD}"), e.g. a Swarovski analyst:
  curl -s ${url} -H 'content-type: application/json' \\
    -d '{"query":"mutation { login(email: \\"analyst@swarovski.example\\", password: \\"${DEMO_PASSWORD}\\") { token } }"}'
or print a token without a password: npm run cli -- token --email analyst@swarovski.example

Then query with it:
  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ infringements(first: 5) { totalCount edges { node { riskScore status listing { title price { formatted } } } } } }"}'
`;
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
