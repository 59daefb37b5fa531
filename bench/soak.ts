import "reflect-metadata";
import type { ProcessMemory } from "./api-server";
import { serveApiDashboard } from "./api-dashboard";
import { numberArg, openBenchDatabase } from "./bench-database";
import { loadDashboardData } from "./dashboard-data";
import { figuresOf, runLoad, type LoadRequest, type LoadSlice } from "./drive-load";

// npm run bench:soak -- [--listings 1000000] [--minutes 10] [--sample 20] [--warmup 60] [--connections 10]
// A long mixed load on the API served as in production, to see whether its memory stays flat.
// Each member brand's analyst in turn asks for its dashboard page, its high-risk flagged cases, a
// page through a document no one sent before (a new query text every time, so the parsed-document
// and validation caches meet an endless stream), itself, and a blind match of a value no one asked
// about before. After each --sample seconds of load every server process reports its heap and RSS
// after a full garbage collection. Prints each sample on stderr and as its last line
// {"minutes","requests","rps","p99Ms","errors","heapUsedMb":{"first","last"},"rssMb":{"first","last"},"heapSlopeMbPerHour"},
// the heap and RSS summed over the processes, first after the warm-up; the slope is a least-squares
// fit of the summed heap over the second half of those samples (a cache filling up to its bound
// rises first, then stays: a leak keeps rising).

const HIGH_RISK = `query HighRisk {
  infringements(first: 20, filter: { minRiskScore: 80, statuses: [FLAGGED] }, orderBy: { field: RISK_SCORE, direction: DESC }) {
    totalCount edges { node { id riskScore brand { name } listing { title seller { name } } } }
  }
}`;
const VIEWER = `query Viewer { viewer { email role organization { name } } }`;
const MATCH = `query Match($q: [IndicatorQueryInput!]!) { matchIndicators(queries: $q) { matched memberCount } }`;

// The request of a turn: the members in turn, each kind of request in turn. A member's own request
// is its dashboard page, as bench:query asks for it.
function mixedRequests(members: readonly LoadRequest[]): (turn: number) => LoadRequest {
  const kinds: ((turn: number, member: LoadRequest) => string)[] = [
    (_turn, member) => member.body,
    () => JSON.stringify({ query: HIGH_RISK }),
    (turn) => JSON.stringify({ query: `query Page${turn} { infringements(first: ${1 + (turn % 50)}) { edges { node { id riskScore } } } }` }),
    () => JSON.stringify({ query: VIEWER }),
    (turn) => JSON.stringify({ query: MATCH, variables: { q: [{ kind: "PHONE", value: `+86139${String(turn % 1e8).padStart(8, "0")}` }] } }),
  ];
  return (turn) => {
    const member = members[turn % members.length];
    return { headers: member.headers, body: kinds[Math.floor(turn / members.length) % kinds.length](turn, member) };
  };
}

const sum = (memory: readonly ProcessMemory[], field: keyof ProcessMemory) => Math.round(memory.reduce((total, m) => total + m[field], 0) * 10) / 10;

// Least squares: MB per hour.
function slopePerHour(points: readonly { seconds: number; mb: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanT = points.reduce((s, p) => s + p.seconds, 0) / n;
  const meanY = points.reduce((s, p) => s + p.mb, 0) / n;
  const covariance = points.reduce((s, p) => s + (p.seconds - meanT) * (p.mb - meanY), 0);
  const variance = points.reduce((s, p) => s + (p.seconds - meanT) ** 2, 0);
  return Math.round((covariance / variance) * 3600 * 10) / 10;
}

async function main() {
  const listings = numberArg("listings", 1_000_000);
  const minutes = numberArg("minutes", 10);
  const sampleSeconds = numberArg("sample", 20);
  const warmupSeconds = numberArg("warmup", 60);
  const connections = numberArg("connections", 10);
  const { database, config } = await openBenchDatabase();
  try {
    await loadDashboardData(database.dataSource, config, listings);
    const server = await serveApiDashboard(database, config, {
      env: { INTEL_LOOKUPS_PER_HOUR: "1000000000", INTEL_LOOKUPS_PER_DAY: "1000000000" },
      exposeGc: true,
    });
    const next = mixedRequests(server.requests);
    let turn = 0;
    const request = () => next(turn++);
    const memoryNow = async () => {
      const reply = await server.ask("memory");
      if (!reply || !("memory" in reply)) throw new Error("the server did not report its memory");
      return reply.memory;
    };
    const started = Date.now();
    const slices: LoadSlice[] = [];
    const samples: { seconds: number; memory: ProcessMemory[] }[] = [];
    console.error(`sampling every ${sampleSeconds} s for ${minutes} min (the first ${warmupSeconds} s are warm-up); heap and RSS after a full GC, per process`);
    while (Date.now() - started < minutes * 60_000) {
      const slice = await runLoad(server.url, request, connections, sampleSeconds);
      const seconds = Math.round((Date.now() - started) / 1000);
      const memory = await memoryNow();
      const figures = figuresOf([slice]);
      if (seconds > warmupSeconds) {
        slices.push(slice);
        samples.push({ seconds, memory });
      }
      console.error(
        `${String(seconds).padStart(5)} s  ${String(figures.rps).padStart(4)} req/s  p99 ${figures.p99Ms} ms  errors ${figures.errors}  ` +
          `heap ${memory.map((m) => m.heapUsedMb).join(" + ")} MB  rss ${memory.map((m) => m.rssMb).join(" + ")} MB${seconds > warmupSeconds ? "" : "  (warm-up)"}`,
      );
    }
    await server.stop();
    if (samples.length === 0) throw new Error("no sample after the warm-up: give more --minutes than --warmup seconds");
    const figures = figuresOf(slices);
    const [first, last] = [samples[0].memory, samples[samples.length - 1].memory];
    console.log(
      JSON.stringify({
        minutes,
        requests: figures.requests,
        rps: figures.rps,
        p99Ms: figures.p99Ms,
        errors: figures.errors,
        heapUsedMb: { first: sum(first, "heapUsedMb"), last: sum(last, "heapUsedMb") },
        rssMb: { first: sum(first, "rssMb"), last: sum(last, "rssMb") },
        heapSlopeMbPerHour: slopePerHour(samples.slice(Math.floor(samples.length / 2)).map((s) => ({ seconds: s.seconds, mb: sum(s.memory, "heapUsedMb") }))),
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
