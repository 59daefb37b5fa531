import "reflect-metadata";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { GroundTruth } from "../src/generator/marketplace-generator";
import { validateListingRecord } from "../src/ingest/listing-record";
import { loadConfig } from "../src/config";
import { listingFacts } from "../src/ingest/prepared-row";
import { RiskModel } from "../src/risk/risk-model";
import { generatorProfiles } from "./generator-profiles";

// npm run eval:risk -- listings.ndjson
// Scores each generated listing with the configured model against the demo catalogue, as ingest
// would for a store with no alliance history yet (no confirmed infringements), and compares the
// flag decision with the ground truth in `label`: precision, recall, F1, and the score
// distribution per class.

const BUCKETS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90];

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run eval:risk -- listings.ndjson");
  const config = loadConfig({ JWT_SECRET: "x".repeat(32), ...process.env }).risk;
  const model = new RiskModel(generatorProfiles(), config);
  const confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const wrongBrand = { flaggedOtherBrand: 0 };
  const histogram = new Map<string, number[]>();
  let line = 0;
  let skipped = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    const value = JSON.parse(text) as { label?: GroundTruth };
    const validated = validateListingRecord(value);
    if (!validated.ok || !value.label) {
      skipped++;
      continue;
    }
    const { record } = validated;
    const seenAt = record.seenAt ? new Date(record.seenAt) : new Date();
    const assessment = model.assess(
      listingFacts(record),
      {
        strikeCount: record.seller.strikeCount,
        confirmedBy: new Map(),
        openedAt: record.seller.openedAt ? new Date(record.seller.openedAt) : null,
        brandCount: record.seller.brandCount ?? 0,
        seenAt,
      },
    );
    const flaggedBrands = assessment.brands.filter((b) => b.flagged).map((b) => b.brand.name);
    const flagged = flaggedBrands.length > 0;
    const truth = value.label.counterfeit;
    if (flagged && truth) confusion.tp++;
    else if (flagged) confusion.fp++;
    else if (truth) confusion.fn++;
    else confusion.tn++;
    if (truth && flagged && value.label.brand && !flaggedBrands.includes(value.label.brand)) wrongBrand.flaggedOtherBrand++;
    const buckets = histogram.get(value.label.class) ?? BUCKETS.map(() => 0);
    buckets[Math.min(9, Math.floor(assessment.score / 10))]++;
    histogram.set(value.label.class, buckets);
  }
  const precision = confusion.tp / Math.max(1, confusion.tp + confusion.fp);
  const recall = confusion.tp / Math.max(1, confusion.tp + confusion.fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  console.log(`model ${model.version}, flag threshold ${config.flagThreshold}, ${line} lines (${skipped} skipped)`);
  console.log(`confusion: ${JSON.stringify(confusion)}; counterfeits flagged only for another brand: ${wrongBrand.flaggedOtherBrand}`);
  console.log("score distribution per class (listings per 10-point bucket):");
  console.log(`  ${"class".padEnd(12)}${BUCKETS.map((b) => `${b}-${b === 90 ? 100 : b + 9}`.padStart(8)).join("")}`);
  for (const [cls, buckets] of [...histogram].sort()) console.log(`  ${cls.padEnd(12)}${buckets.map((n) => String(n).padStart(8)).join("")}`);
  console.log(JSON.stringify({ precision: round(precision), recall: round(recall), f1: round(f1), ...confusion }));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
