import "reflect-metadata";
import { serveApiDashboard } from "./api-dashboard";
import { numberArg, openBenchDatabase } from "./bench-database";
import { loadDashboardData } from "./dashboard-data";
import { figuresOf, runLoad, type LoadFigures } from "./drive-load";

// npm run bench:neighbour -- [--listings 1000000] [--duration 20] [--warmup 5]
// Whether one member's wide queries slow the others down. On the bench:query data set, serves the
// API as bench:query does and drives the other member brands' dashboard page (4 connections,
// rotating over their analysts) twice: alone, then beside the member with the most cases sending,
// on 5 connections, one query of fifteen aliased store lists with their counts (which the limits
// accept: `first: 1` keeps its cost low). Prints as its last line
// {"alone":{rps,p50Ms,p99Ms,errors},"beside":{...},"noisy":{rps,errors}}; the noisy member's
// RATE_LIMITED answers count among its errors.

const WIDE = `{ ${Array.from({ length: 15 }, (_, i) => `s${i}: sellers(first: 1, filter: { minRiskScore: ${i} }) { totalCount edges { node { id } } }`).join(" ")} }`;
const OTHERS_CONNECTIONS = 4;
const NOISY_CONNECTIONS = 5;

const brief = ({ rps, p50Ms, p99Ms, errors }: LoadFigures) => ({ rps, p50Ms, p99Ms, errors });

async function main() {
  const listings = numberArg("listings", 1_000_000);
  const duration = numberArg("duration", 20);
  const warmup = numberArg("warmup", 5);
  const { database, config } = await openBenchDatabase();
  try {
    await loadDashboardData(database.dataSource, config, listings);
    // The brands in the order serveApiDashboard gives their analysts' requests, by organization id.
    const brands: { owner_org_id: string; cases: number }[] = await database.dataSource.query(
      `SELECT a.owner_org_id, (SELECT count(*)::int FROM suspected_infringement si WHERE si.owner_org_id = a.owner_org_id) AS cases
         FROM (SELECT DISTINCT u.owner_org_id FROM app_user u JOIN organization o ON o.id = u.owner_org_id
                WHERE o.kind = 'BRAND' AND u.role = 'ANALYST') a
        ORDER BY a.owner_org_id`,
    );
    const largest = brands.reduce((best, brand, index) => (brand.cases > brands[best].cases ? index : best), 0);
    const server = await serveApiDashboard(database, config);
    const others = server.requests.filter((_, index) => index !== largest);
    const noisy = [{ headers: server.requests[largest].headers, body: JSON.stringify({ query: WIDE }) }];
    console.error(`noisy member: ${brands[largest].cases} cases; ${others.length} others`);
    await runLoad(server.url, others, OTHERS_CONNECTIONS, warmup);
    const alone = figuresOf([await runLoad(server.url, others, OTHERS_CONNECTIONS, duration)]);
    const [beside, wide] = await Promise.all([
      runLoad(server.url, others, OTHERS_CONNECTIONS, duration),
      runLoad(server.url, noisy, NOISY_CONNECTIONS, duration),
    ]);
    await server.stop();
    const noisyFigures = figuresOf([wide]);
    console.log(JSON.stringify({ alone: brief(alone), beside: brief(figuresOf([beside])), noisy: { rps: noisyFigures.rps, errors: noisyFigures.errors } }));
  } finally {
    if (config.database.kind === "server") await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
