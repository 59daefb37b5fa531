import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { loadConfig } from "../src/config";
import { sharedIntelligenceSetup, sharedIntelligenceOf } from "../src/ingest/intel-source";
import { prepareLines } from "../src/ingest/line-preparer";
import { ndjsonChunks, type LineChunk } from "../src/ingest/ndjson-reader";
import { RiskModel } from "../src/risk/risk-model";
import { numberArg } from "./bench-database";
import { generatorProfiles } from "./generator-profiles";

// npm run bench:prepare -- listings.ndjson [--passes N]
// The CPU a file ingest's preparation (what its worker thread does: decoding, parsing, validating,
// brand matching, the listing-only signals, intel lookup keys, COPY text) takes a listing, on one
// thread with no database, measured by process.cpuUsage: on a shared machine, wall time says little.
// Each pass starts with a fresh model and intel memos, as an ingest does. It also prints a digest of
// every prepared row (its content bytes, intel keys and assessment), which a change that should not
// alter the output must leave as it was.

async function chunksOf(file: string, linesPerChunk: number): Promise<LineChunk[]> {
  const chunks: LineChunk[] = [];
  for await (const chunk of ndjsonChunks(createReadStream(file), linesPerChunk)) chunks.push(chunk);
  return chunks;
}

async function main() {
  const file = process.argv[2];
  if (!file || file.startsWith("--")) throw new Error("usage: npm run bench:prepare -- listings.ndjson [--passes N]");
  const passes = numberArg("passes", 5);
  const config = loadConfig({ JWT_SECRET: "x".repeat(32), INTEL_HMAC_SECRET: "bench-intel-secret-0123456789abcdef0123", ...process.env });
  const profiles = generatorProfiles();
  const chunks = await chunksOf(file, config.ingest.batchRows);
  const listings = chunks.reduce((sum, chunk) => sum + chunk.lineCount, 0);
  const perListing: number[] = [];
  const digests = new Set<string>();
  for (let pass = 0; pass < passes; pass++) {
    const model = new RiskModel(profiles, config.risk);
    const intel = sharedIntelligenceOf(sharedIntelligenceSetup(config));
    const digest = createHash("sha256");
    let cpu = 0;
    for (const chunk of chunks) {
      const started = process.cpuUsage();
      const prepared = prepareLines(chunk, model, intel);
      const used = process.cpuUsage(started);
      cpu += used.user + used.system;
      digest.update(prepared.content).update(JSON.stringify([prepared.rows, prepared.intelKeys, prepared.rejections, prepared.read]));
    }
    perListing.push(cpu / listings);
    const hex = digest.digest("hex").slice(0, 16);
    digests.add(hex);
    console.log(`pass ${pass + 1}: ${(cpu / listings).toFixed(1)} µs of CPU a listing, digest ${hex}`);
  }
  const sorted = [...perListing].sort((a, b) => a - b);
  const median = (sorted[Math.floor((passes - 1) / 2)] + sorted[Math.floor(passes / 2)]) / 2;
  // Every pass prepares the same rows; passes that differed would make the digest meaningless.
  if (digests.size !== 1) throw new Error(`the passes prepared different rows: ${[...digests].join(", ")}`);
  console.log(JSON.stringify({ listings, passes, medianCpuMicrosPerListing: Number(median.toFixed(1)), digest: [...digests][0] }));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
