import "reflect-metadata";
import { serveApiDashboard } from "./api-dashboard";
import { numberArg, openBenchDatabase, serverDatabaseUrl } from "./bench-database";
import { loadDashboardData } from "./dashboard-data";
import { figuresOf, runLoad, type LoadFigures, type LoadSlice } from "./drive-load";
import { servePostGraphile } from "./postgraphile-server";

// npm run bench:compare -- [--listings 1000000] [--connections 10] [--rounds 6] [--slice 10] [--warmup 10]
// bench:query and bench:postgraphile, run one after the other, each measure 20 s; this machine's
// speed drifts by a fifth or more within minutes, so two such runs compare the machine as much as
// the servers. Here both servers run side by side (the one not under load is idle) and take turns
// in short slices, in the order A B B A for each pair of rounds, so that a drift falls on both
// alike. The same data, load and pages as the two benchmarks. Prints each slice on stderr and as
// its last line {"api":{rps,p50Ms,p99Ms,errors},"postgraphile":{...},"apiRpsRatio":..}, the
// percentiles taken over all of a server's answers.

async function main() {
  const listings = numberArg("listings", 1_000_000);
  const connections = numberArg("connections", 10);
  const rounds = numberArg("rounds", 6);
  const slice = numberArg("slice", 10);
  const warmup = numberArg("warmup", 10);
  const { database, config } = await openBenchDatabase();
  const databaseUrl = await serverDatabaseUrl(database, config, "bench:compare");
  try {
    await loadDashboardData(database.dataSource, config, listings);
    const api = await serveApiDashboard(database, config);
    const postgraphile = await servePostGraphile(database.dataSource, config.workers, databaseUrl).catch(async (error) => {
      await api.stop();
      throw error;
    });
    try {
      const servers = [
        { name: "api", url: api.url, requests: api.requests, slices: [] as LoadSlice[] },
        { name: "postgraphile", url: postgraphile.url, requests: postgraphile.requests, slices: [] as LoadSlice[] },
      ];
      for (const server of servers) await runLoad(server.url, server.requests, connections, warmup);
      for (let round = 0; round < rounds; round++) {
        for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
          const measured = await runLoad(server.url, server.requests, connections, slice);
          server.slices.push(measured);
          const { rps, p99Ms } = figuresOf([measured]);
          console.error(`round ${round + 1} ${server.name}: ${rps} req/s, p99 ${p99Ms} ms`);
        }
      }
      const [apiFigures, postgraphileFigures] = servers.map((s) => figuresOf(s.slices));
      const brief = ({ rps, p50Ms, p99Ms, errors }: LoadFigures) => ({ rps, p50Ms, p99Ms, errors });
      console.log(
        JSON.stringify({
          api: brief(apiFigures),
          postgraphile: brief(postgraphileFigures),
          apiRpsRatio: Math.round((apiFigures.rps / Math.max(1, postgraphileFigures.rps)) * 1000) / 1000,
        }),
      );
    } finally {
      await postgraphile.stop();
      await api.stop();
    }
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
