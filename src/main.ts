import "reflect-metadata";
import { ConfigError, loadConfig, type Config } from "./config";
import { DEMO_PASSWORD } from "./seed/demo-alliance.data";
import { startApi } from "./start";

// `npm start`: serve the API and say how to sign in.
async function main() {
  const config = loadConfig();
  const running = await startApi(config, (line) => console.log(line));
  console.log(howToConnect(config, running.url));
  const shutdown = () => running.close().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

function howToConnect(config: Config, url: string): string {
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
