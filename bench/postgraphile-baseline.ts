import "reflect-metadata";
import { numberArg, openBenchDatabase, serverDatabaseUrl } from "./bench-database";
import { loadDashboardData } from "./dashboard-data";
import { driveLoad, loadOptionsFromArgs } from "./drive-load";
import { servePostGraphile } from "./postgraphile-server";

// npm run bench:postgraphile -- [--listings 1000000] [--connections 10] [--duration 20] [--warmup 5]
// The yardstick for bench:query: loads the same data set, serves it with PostGraphile 5
// (bench/postgraphile-server.ts) and drives the same load at the same page of each brand's
// infringements. Prints as its last line {"rps","p50Ms","p99Ms","errors"}.

async function main() {
  const listings = numberArg("listings", 1_000_000);
  const load = loadOptionsFromArgs();
  const { database, config } = await openBenchDatabase();
  const databaseUrl = await serverDatabaseUrl(database, config, "bench:postgraphile");
  try {
    await loadDashboardData(database.dataSource, config, listings);
    const server = await servePostGraphile(database.dataSource, config.workers, databaseUrl);
    try {
      const figures = await driveLoad(server.url, server.requests, load);
      console.log(JSON.stringify({ rps: figures.rps, p50Ms: figures.p50Ms, p99Ms: figures.p99Ms, errors: figures.errors }));
    } finally {
      await server.stop();
    }
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
