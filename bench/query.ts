import "reflect-metadata";
import { serveApiDashboard } from "./api-dashboard";
import { numberArg, openBenchDatabase } from "./bench-database";
import { loadDashboardData } from "./dashboard-data";
import { driveLoad, loadOptionsFromArgs } from "./drive-load";

// npm run bench:query -- [--listings 1000000] [--connections 10] [--duration 20] [--warmup 5]
// Loads a dashboard-sized data set into the configured database through the ingest path (only
// the listings it still lacks), serves the API in a child process, and drives a brand's dashboard
// query over HTTP with autocannon, rotating over every member brand's analyst token. Prints as its
// last line {"rps","p50Ms","p99Ms","sqlPerRequest","errors"}, and the server's CPU time per request on
// stderr. BENCH_PROF=<dir> writes a CPU profile of the server there.

async function main() {
  const listings = numberArg("listings", 1_000_000);
  const load = loadOptionsFromArgs();
  const { database, config } = await openBenchDatabase();
  try {
    await loadDashboardData(database.dataSource, config, listings);
    const server = await serveApiDashboard(database, config);
    const figures = await driveLoad(server.url, server.requests, { ...load, afterWarmup: () => server.ask("reset") });
    const reply = await server.ask("count");
    const statements = reply && "statements" in reply ? reply.statements : 0;
    const serverCpuMs = reply && "cpuMs" in reply ? reply.cpuMs : 0;
    console.error(`server CPU per request: ${(serverCpuMs / Math.max(1, figures.requests)).toFixed(2)} ms`);
    await server.stop();
    console.log(
      JSON.stringify({
        rps: figures.rps,
        p50Ms: figures.p50Ms,
        p99Ms: figures.p99Ms,
        sqlPerRequest: Math.round((statements / Math.max(1, figures.requests)) * 100) / 100,
        errors: figures.errors,
      }),
    );
  } finally {
    if (config.database.kind === "server") await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
