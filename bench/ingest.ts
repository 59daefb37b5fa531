import "reflect-metadata";
import { createReadStream, createWriteStream, existsSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLines } from "../src/cli/write-lines";
import { generateListings } from "../src/generator/marketplace-generator";
import { ListingIngest } from "../src/ingest/listing-ingest";
import { numberArg, openBenchDatabase } from "./bench-database";

// npm run bench:ingest -- --listings N [--seed S] [--batch ROWS]
// Generates N listings to a file (not timed), then ingests and scores them into the configured
// database, and prints as its last line {"listings","seconds","listingsPerSecond","peakRssMb"}.
// Each run uses a new seed unless one is given, so that it inserts new listings.

async function generatedFile(listings: number, seed: number): Promise<string> {
  const file = join(tmpdir(), `alliance-bench-${listings}-${seed}.ndjson`);
  if (existsSync(file)) return file;
  const out = createWriteStream(`${file}.part`);
  await writeLines(out, generateListings({ listings, seed }), (l) => JSON.stringify(l));
  await new Promise((resolve) => out.end(resolve));
  renameSync(`${file}.part`, file);
  return file;
}

async function main() {
  const listings = numberArg("listings", 100_000);
  const seed = numberArg("seed", 1 + (Date.now() % 997));
  const file = await generatedFile(listings, seed);
  const { config, database } = await openBenchDatabase();
  try {
    const batchRows = numberArg("batch", config.ingest.batchRows);
    const ingest = await ListingIngest.open(database.dataSource, config);
    const started = process.hrtime.bigint();
    const counts = await ingest.ingestNdjson(createReadStream(file), batchRows, { concurrency: config.ingest.concurrency });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.error(JSON.stringify({ database: config.database.kind, batchRows, concurrency: config.ingest.concurrency, seed, ...counts }));
    console.log(
      JSON.stringify({
        listings,
        seconds: Math.round(seconds * 100) / 100,
        listingsPerSecond: Math.round(listings / seconds),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
