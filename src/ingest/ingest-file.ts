import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { MultiBar, Presets } from "cli-progress";
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import type { Rejection } from "./batch/listing-batch-writer";
import { decompressedIfGzip } from "./gzip-input";
import { ListingIngest, type IngestCounts } from "./listing-ingest";

// `npm run cli -- ingest <file>`: streams the file through the ingest service with a progress
// bar (bytes read, rows and rows/s) on stderr, each rejection on stderr as it is found, and a
// summary at the end.

// Listings are still stored and scored without members; an operator who has not registered any
// should learn why nothing is flagged before the whole file has gone through.
const NO_BRANDS_WARNING =
  "warning: no member brand is registered in this database: listings are stored and scored, but none can match a brand " +
  "or be flagged as a suspected infringement (`npm run cli -- seed` seeds the demo alliance)\n";

const SHOWN_REJECTIONS = 100;

export interface IngestFileSummary extends IngestCounts {
  seconds: number;
  listingsPerSecond: number;
  modelVersion: string;
  // The first rejections, by line; all of them were printed as they were found.
  rejections: Rejection[];
}

export async function ingestFile(
  dataSource: DataSource,
  config: Config,
  file: string,
  options: { batchRows: number },
): Promise<IngestFileSummary> {
  const raw: Readable = file === "-" ? process.stdin : createReadStream(file);
  const totalBytes = file === "-" ? 0 : statSync(file).size;
  const ingest = await ListingIngest.open(dataSource, config);
  if (ingest.model.profiles.length === 0) process.stderr.write(NO_BRANDS_WARNING);
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const bars = new MultiBar(
    {
      // Read from stdin, the input's size is unknown: no bar, no percentage.
      format: `${totalBytes ? "{bar} {percentage}% | " : ""}{rows} rows | {rate} rows/s | {rejected} rejected`,
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  const bar = bars.create(Math.max(1, totalBytes), 0, { rows: 0, rate: 0, rejected: 0 });
  let bytes = 0;
  // Bytes of the file as stored, compressed or not, against its size.
  raw.on("data", (chunk: Buffer | string) => {
    bytes += chunk.length;
  });
  const rejections: Rejection[] = [];
  // Stopped (Ctrl-C), the ingest stops reading, lets the batches already writing finish (the
  // service waits for them before it throws), and says what the committed ones stored. A second
  // Ctrl-C ends the process at once.
  let committed: IngestCounts | null = null;
  let signalled: NodeJS.Signals | null = null;
  const interrupted = (signal: NodeJS.Signals) => {
    signalled = signal;
    raw.destroy(new Error(`stopped by ${signal}`));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    const counts = await ingest.ingestNdjson(await decompressedIfGzip(raw), options.batchRows, {
      concurrency: config.ingest.concurrency,
      onRejection: (rejection) => {
        if (rejections.length < SHOWN_REJECTIONS) rejections.push(rejection);
        const text = `line ${rejection.line}: ${rejection.reason}\n`;
        // Above the bar on a terminal; cli-progress drops logs when stderr is not one.
        void (process.stderr.isTTY ? bars.log(text) : process.stderr.write(text));
      },
      onBatch: (total) => {
        committed = { ...total };
        bar.update(totalBytes ? bytes : 0, { rows: total.read, rate: Math.round(total.read / seconds()), rejected: total.rejected });
      },
    });
    bar.update(Math.max(1, totalBytes), { rows: counts.read, rate: Math.round(counts.read / seconds()), rejected: counts.rejected });
    const elapsed = seconds();
    return {
      ...counts,
      seconds: Math.round(elapsed * 100) / 100,
      listingsPerSecond: Math.round(counts.read / elapsed),
      modelVersion: ingest.model.version,
      rejections,
    };
  } catch (error) {
    bars.stop();
    if (!signalled) {
      // A batch failed (the database gone, say): the error names it; what the others stored is said here.
      process.stderr.write(`\n${keptMessage(committed)}\n`);
      throw error;
    }
    process.stderr.write(`\ninterrupted: ${keptMessage(committed)}, and none is half-written. Run the same file again to write the rest: what is stored already reads as unchanged\n`);
    process.exit(signalled === "SIGINT" ? 130 : 143);
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    bars.stop();
  }
}

function keptMessage(committed: IngestCounts | null): string {
  return committed
    ? `the batches written are kept (${committed.inserted} listings inserted, ${committed.updated} updated, ${committed.unchanged} unchanged; ` +
        `${committed.rejected} lines rejected so far)`
    : "no batch was written";
}
