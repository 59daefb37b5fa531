import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import type { Config } from "../config";
import { recordAudit } from "../domain/audit";
import { badInput } from "../errors";
import type { RiskModel } from "../risk/risk-model";
import type { IntelMatcher } from "../risk/signals/intel-match";
import { writeListingBatch, type BatchCounts, type BatchRow, type Rejection } from "./listing-batch-writer";
import { validateListingRecord } from "./listing-record";
import { readListingLines } from "./ndjson-reader";
import { loadRiskModel } from "./risk-model-loader";

// The one ingest service behind `npm run cli -- ingest` and the ingestListings mutation: records
// are validated one by one (a bad one is rejected with its line or row and a reason, and stops
// nothing), then written a batch at a time, each batch in its own transaction (all or nothing).

export interface IngestCounts extends BatchCounts {
  read: number;
  rejected: number;
}

export interface IngestOptions {
  intel?: IntelMatcher;
  // The ingest time: the default seenAt, and the infringements' detection time.
  now?: Date;
  newId?: () => string;
}

export const emptyCounts = (): IngestCounts => ({
  read: 0,
  rejected: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  infringementsCreated: 0,
  infringementsUpdated: 0,
  sellersCreated: 0,
  sellersUpdated: 0,
});

function add(total: IngestCounts, batch: BatchCounts): void {
  for (const key of Object.keys(batch) as (keyof BatchCounts)[]) total[key] += batch[key];
}

export class ListingIngest {
  private constructor(
    private readonly dataSource: DataSource,
    readonly model: RiskModel,
    private readonly options: IngestOptions,
  ) {}

  static async open(dataSource: DataSource, config: Config, options: IngestOptions = {}): Promise<ListingIngest> {
    return new ListingIngest(dataSource, await loadRiskModel(dataSource.manager, config.risk, options.intel), options);
  }

  private batchOptions() {
    return { model: this.model, now: this.options.now ?? new Date(), newId: this.options.newId ?? randomUUID };
  }

  // One transaction: every valid row of the batch is written, or none is.
  async writeBatch(rows: readonly BatchRow[]): Promise<{ counts: BatchCounts; rejections: Rejection[] }> {
    return this.dataSource.transaction((manager) => writeListingBatch(manager, rows, this.batchOptions()));
  }

  // A whole NDJSON stream in batches of `batchRows`, reading the next batch while the database
  // writes the previous one. Rejections are reported as they are found, not kept.
  async ingestNdjson(
    input: Readable,
    batchRows: number,
    report: { onRejection?: (rejection: Rejection) => void; onBatch?: (counts: IngestCounts) => void } = {},
  ): Promise<IngestCounts> {
    const total = emptyCounts();
    const reject = (rejection: Rejection) => {
      total.rejected++;
      report.onRejection?.(rejection);
    };
    let pending: Promise<void> | null = null;
    let failure: Error | null = null;
    const settle = async () => {
      if (pending) await pending;
      pending = null;
      if (failure) throw failure;
    };
    const flush = async (rows: BatchRow[]) => {
      await settle();
      const lines = `${rows[0].line}-${rows[rows.length - 1].line}`;
      pending = this.writeBatch(rows).then(
        ({ counts, rejections }) => {
          add(total, counts);
          rejections.forEach(reject);
          report.onBatch?.(total);
        },
        (error: Error) => {
          failure = new Error(`the batch of lines ${lines} failed and was rolled back (earlier batches are kept): ${error.message}`);
        },
      );
    };
    let rows: BatchRow[] = [];
    for await (const read of readListingLines(input)) {
      total.read++;
      if ("rejection" in read) reject({ line: read.line, reason: read.rejection });
      else rows.push({ line: read.line, record: read.record });
      if (rows.length >= batchRows) {
        await flush(rows);
        rows = [];
      }
    }
    if (rows.length > 0) await flush(rows);
    await settle();
    return total;
  }
}

// The ingestListings mutation: a bounded batch, validated row by row (rows numbered from 0), the
// valid rows written in one transaction with an audit event.
export async function ingestListingRows(
  dataSource: DataSource,
  config: Config,
  viewer: Viewer,
  values: readonly unknown[],
  options: IngestOptions = {},
): Promise<{ counts: IngestCounts; rejections: Rejection[]; modelVersion: string }> {
  if (values.length > config.ingest.maxBatch) {
    throw badInput(`At most ${config.ingest.maxBatch} listings per ingestListings call; split the ${values.length} into batches`);
  }
  const model = await loadRiskModel(dataSource.manager, config.risk, options.intel);
  const counts = emptyCounts();
  counts.read = values.length;
  const rejections: Rejection[] = [];
  const rows: BatchRow[] = [];
  values.forEach((value, index) => {
    const validated = validateListingRecord(value);
    if (validated.ok) rows.push({ line: index, record: validated.record });
    else rejections.push({ line: index, reason: validated.reason });
  });
  await dataSource.transaction(async (manager) => {
    const written = await writeListingBatch(manager, rows, { model, now: options.now ?? new Date(), newId: options.newId ?? randomUUID });
    add(counts, written.counts);
    rejections.push(...written.rejections);
    counts.rejected = rejections.length;
    await recordAudit(manager, viewer, {
      action: "listings.ingest",
      targetType: "Listing",
      targetId: null,
      after: { ...counts, modelVersion: model.version },
    });
  });
  rejections.sort((a, b) => a.line - b.line);
  return { counts, rejections, modelVersion: model.version };
}
