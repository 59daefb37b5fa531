import type { Readable } from "node:stream";
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { holdLiveCredential } from "../auth/live-credential";
import type { Config } from "../config";
import { isServerDatabase } from "../db/data-source";
import { driverErrorOf, inTransaction, isConnectionLoss, isTransientConflict } from "../db/transaction";
import { recordAudit } from "../domain/audit";
import { badInput } from "../errors";
import type { RiskModel } from "../risk/risk-model";
import { sharedIntelligenceOf, sharedIntelligenceSetup, type IntelSource, type SharedIntelligenceSetup } from "./intel-source";
import { emptyBatchCounts, StaleListingError, writeListingBatch, type BatchCounts, type BatchOptions, type Rejection } from "./batch/listing-batch-writer";
import { prepareBatch, type BatchRow, type PreparedBatch } from "./prepared-row";
import { validateListingRecord } from "./listing-record";
import { inlinePreparer, WorkerPreparer, type LinePreparer, type PreparedLines } from "./line-preparer";
import { ndjsonChunks, type LineChunk } from "./ndjson-reader";
import { loadRiskModel } from "./risk-model-loader";
import { timeOrderedId } from "./time-ordered-id";
import { WorkLine } from "../work-line";
import type { StrikePolicy } from "../domain/store-penalty-policy";

// The one ingest service behind `npm run cli -- ingest` and the ingestListings mutation: records
// are validated one by one (a bad one is rejected with its line or row and a reason, and stops
// nothing), then written a batch at a time, each batch in its own transaction (all or nothing).

export interface IngestCounts extends BatchCounts {
  read: number;
  rejected: number;
}

export interface IngestOptions {
  // Shared intelligence from the configuration unless a test substitutes a source.
  intel?: IntelSource;
  // The ingest time: the default seenAt, and the infringements' detection time.
  now?: Date;
  newId?: () => string;
  // From which line on a file's records are prepared on a worker thread (a small input is not
  // worth starting one); never when a test substitutes the intelligence.
  workerAfterLines?: number;
  // Who sends the listings (BatchOptions.actor).
  actor?: Viewer;
  // How long an input that stays open may give nothing before what it gave is written (INPUT_PAUSE_MS).
  pauseMs?: number;
  // How long it may hold a line that came before writing it, however it sends (MAX_HOLD_MS).
  maxHoldMs?: number;
}

const WORKER_AFTER_LINES = 10_000;
// Chunks the worker may have in hand before the main thread prepares the next one itself.
const WORKER_BACKLOG = 2;
// Chunks of lines being prepared ahead of the batches being written.
const PREPARED_AHEAD = 2;
// A feed on stdin that stays open and stops sending has its lines read so far, and the chunks
// prepared ahead, written after this long: they would wait for its next lines otherwise, an hour
// if it pauses an hour, unscored and lost to a kill meanwhile. A file or a pipe read at full speed
// never waits a second for its next read, so its batches are as they were; lines that came are
// written within one or two seconds of a pause (readsWithPauses), at most a batch a second more.
const INPUT_PAUSE_MS = 1_000;
// A feed that sends steadily but never falls silent for INPUT_PAUSE_MS (a line every half second)
// would fill a batch of 5,000 lines in forty minutes: a chunk is also cut once its first line has
// been held this long, and written with the chunks prepared ahead, so that a line that came is
// written within MAX_HOLD_MS and at most two INPUT_PAUSE_MS more (ndjsonChunks), whatever the
// feed's rhythm. A file read at full speed fills a 5,000-line chunk (4 MB of generated listings)
// in 10-350 ms, 1.4 s at worst seen on a loaded two-core machine with batches writing beside it, so
// its batches are as they were. A file read slower than about 1.5 MB/s (a slow network share), or
// one of lines near MAX_LINE_BYTES (a chunk of MAX_CHUNK_BYTES) read slower than 20 MB/s, has
// smaller batches, each written whole as any.
const MAX_HOLD_MS = 3_000;

// A listing the batch found new, stored by a concurrent batch before this one inserted it.
const LISTING_KEY = "uq_listing_marketplace_external_id";

function mayRunAgain(error: unknown): boolean {
  const { code, constraint } = driverErrorOf(error);
  return isTransientConflict(error) || (code === "23505" && constraint === LISTING_KEY) || error instanceof StaleListingError;
}

const emptyCounts = (): IngestCounts => ({ read: 0, rejected: 0, ...emptyBatchCounts() });

function add(total: IngestCounts, batch: BatchCounts): void {
  for (const key of Object.keys(batch) as (keyof BatchCounts)[]) total[key] += batch[key];
}

export class ListingIngest {
  private constructor(
    private readonly dataSource: DataSource,
    readonly model: RiskModel,
    private readonly options: IngestOptions & { copy: boolean; intelSetup: SharedIntelligenceSetup | null; strikePolicy: StrikePolicy },
  ) {}

  static async open(dataSource: DataSource, config: Config, options: IngestOptions = {}): Promise<ListingIngest> {
    const model = await loadRiskModel(dataSource.manager, config.risk);
    const intelSetup = options.intel ? null : sharedIntelligenceSetup(config);
    return new ListingIngest(dataSource, model, {
      ...options,
      strikePolicy: config.enforcement,
      intel: options.intel ?? sharedIntelligenceOf(intelSetup!),
      intelSetup,
      copy: isServerDatabase(dataSource),
    });
  }

  private batchOptions(): BatchOptions {
    return {
      model: this.model,
      now: this.options.now ?? new Date(),
      newId: this.options.newId ?? (() => timeOrderedId()),
      intel: this.options.intel,
      copy: this.options.copy,
      strikePolicy: this.options.strikePolicy,
      actor: this.options.actor,
    };
  }

  // One transaction: every valid row of the batch is written, or none is; `alsoInTransaction`
  // (the mutation's audit event) is written with it. Two batches running at once lock the sellers
  // they share in the same order, but PostgreSQL may still pick one as a deadlock victim, refuse
  // a listing both found new, or one may find a stored listing rewritten by the other since it
  // read it; it rolled back entirely, so it is simply run again. Rows not
  // prepared yet are prepared first, outside the transaction.
  async writeBatch(
    batch: readonly BatchRow[] | PreparedBatch,
    alsoInTransaction?: (manager: EntityManager, counts: BatchCounts) => Promise<void>,
  ): Promise<BatchCounts> {
    const prepared = "rows" in batch ? batch : prepareBatch(batch, this.model, this.options.intel);
    return inTransaction(
      this.dataSource,
      async (manager) => {
        const counts = await writeListingBatch(manager, prepared, this.batchOptions());
        await alsoInTransaction?.(manager, counts);
        return counts;
      },
      mayRunAgain,
    );
  }

  // A whole NDJSON stream in batches of `batchRows`, with up to `concurrency` batches writing at
  // once (each its own transaction; one that shares a listing with an earlier one starts after it)
  // while the next is read and scored. When the input pauses (INPUT_PAUSE_MS), or its lines have
  // been held MAX_HOLD_MS, the lines it sent are written as a smaller batch, and the batches
  // prepared ahead with them. Rejections are reported as they are found, not kept. After a failed
  // batch no new batch starts, and the ones already writing finish (commit or roll back) before the
  // failure is thrown: when it reaches the caller, nothing of the file is still writing.
  async ingestNdjson(
    input: Readable,
    batchRows: number,
    report: { onRejection?: (rejection: Rejection) => void; onBatch?: (counts: IngestCounts) => void; concurrency?: number } = {},
  ): Promise<IngestCounts> {
    const concurrency = report.concurrency ?? 1;
    const total = emptyCounts();
    const reject = (rejection: Rejection) => {
      total.rejected++;
      report.onRejection?.(rejection);
    };
    // Each batch writing, with the keys of its listings and of its stores.
    const inFlight = new Map<Promise<void>, { listings: Set<string>; sellers: Set<string> }>();
    // Every batch that failed, each rolled back whole (several may fail together, the database gone).
    const failed: { firstLine: number; lines: string; reason: string }[] = [];
    // A failed batch also stops the reading: an input that stays open (a feed on stdin) or is slow to
    // come would otherwise hold the failure, unreported, until its next lines or its end came.
    let stopReading = () => {};
    const stopped = new Promise<never>((_, reject) => (stopReading = () => reject(new IngestStopped())));
    stopped.catch(() => {});
    const settle = async (room: number) => {
      while (inFlight.size > room) await Promise.race(inFlight.keys());
      if (failed.length) throw new IngestStopped();
    };
    const flush = async (batch: PreparedBatch) => {
      await settle(concurrency - 1);
      const { rows } = batch;
      // A listing or a store that an earlier batch still writing has too: this batch waits for that
      // one, so that the later line is written last (either could commit first otherwise, and a
      // store's record is its latest scan's).
      const earlier = [...inFlight]
        .filter(([, keys]) => rows.some((row) => keys.listings.has(row.key) || keys.sellers.has(row.sellerKey)))
        .map(([write]) => write);
      if (earlier.length > 0) await Promise.all(earlier).then(() => settle(concurrency - 1));
      const lines = `${rows[0].line}-${rows[rows.length - 1].line}`;
      const write: Promise<void> = this.writeBatch(batch).then(
        (counts) => {
          add(total, counts);
          report.onBatch?.(total);
        },
        (error: Error) => {
          const reason = isConnectionLoss(error) ? `the database connection was lost (${error.message})` : error.message;
          failed.push({ firstLine: rows[0].line, lines, reason });
          stopReading();
        },
      );
      inFlight.set(write, { listings: new Set(rows.map((row) => row.key)), sellers: new Set(rows.map((row) => row.sellerKey)) });
      void write.finally(() => inFlight.delete(write));
    };
    // Chunks of batchRows lines, prepared in order (inline, then on a worker for a large input),
    // each written as one batch.
    const inline = inlinePreparer(this.model, this.options.intel);
    let worker: WorkerPreparer | null = null;
    const workerAfter = this.options.intelSetup ? (this.options.workerAfterLines ?? WORKER_AFTER_LINES) : Infinity;
    const preparerFor = (lastLine: number): LinePreparer => {
      if (lastLine <= workerAfter) return inline;
      worker ??= new WorkerPreparer({ profiles: this.model.profiles, riskConfig: this.model.config, intel: this.options.intelSetup });
      // The main thread takes a chunk too when the worker is behind: it waits on the database part of the time.
      return worker.outstanding >= WORKER_BACKLOG ? inline : worker;
    };
    const pending: Promise<PreparedLines>[] = [];
    const prepare = (chunk: LineChunk) => {
      const prepared = preparerFor(chunk.firstLine + chunk.lineCount - 1).prepare(chunk);
      // Awaited in order below; a failure meanwhile must not count as unhandled.
      prepared.catch(() => {});
      pending.push(prepared);
    };
    const writeNext = async () => {
      const prepared = await pending.shift()!;
      total.read += prepared.read;
      prepared.rejections.forEach(reject);
      if (prepared.rows.length > 0) await flush(prepared);
    };
    const chunks = ndjsonChunks(input, batchRows, {
      pauseMs: this.options.pauseMs ?? INPUT_PAUSE_MS,
      maxHoldMs: this.options.maxHoldMs ?? MAX_HOLD_MS,
    });
    try {
      for (let next = await Promise.race([chunks.next(), stopped]); !next.done; next = await Promise.race([chunks.next(), stopped])) {
        const chunk = next.value;
        if (chunk.lineCount > 0) prepare(chunk);
        while (pending.length > (chunk.cutEarly ? 0 : PREPARED_AHEAD)) await writeNext();
      }
      while (pending.length > 0) await writeNext();
      await settle(0);
    } catch (error) {
      if (!(error instanceof IngestStopped)) throw error;
    } finally {
      // Read no further, a read still waiting included.
      input.destroy();
      // The writes never reject (a failure is kept in `failed`).
      await Promise.all(inFlight.keys());
      await (worker as WorkerPreparer | null)?.close();
    }
    if (failed.length) throw new Error(failureMessage(failed.sort((a, b) => a.firstLine - b.firstLine)));
    return total;
  }
}

// A batch failed: no later batch starts, and the file's ingest ends once those writing finish.
class IngestStopped extends Error {}

function failureMessage(failed: readonly { lines: string; reason: string }[]): string {
  const one = failed.length === 1;
  return (
    `${one ? "1 batch" : `${failed.length} batches`} failed and ${one ? "was" : "were"} rolled back, the other batches are kept: ` +
    `${failed.map((batch) => `lines ${batch.lines} (${batch.reason})`).join(", ")}. ` +
    "Run the same file again to write the rest; what is stored already stays as it is"
  );
}

// How many ingestListings calls an API process holds waiting for their turn to write.
const CALLS_WAITING_AT_MOST = 16;

// The turns of an API process's ingestListings calls: INGEST_CONCURRENCY write at once, as a file's
// batches do. Calls sharing stores wait on one another's row locks in the database, each holding a
// pooled connection meanwhile: a platform client sending many at once would otherwise take every
// connection, and every other member's requests would wait for one.
export const ingestCallTurns = (config: Config) =>
  new WorkLine(
    config.ingest.concurrency,
    CALLS_WAITING_AT_MOST,
    `Too many ingestListings calls at once: a server process writes ${config.ingest.concurrency} at a time and holds ${CALLS_WAITING_AT_MOST} more waiting; retry in a second`,
  );

// The ingestListings mutation: a bounded batch, validated row by row (rows numbered from 0), the
// valid rows written through the same service as a file's batch, with an audit event in its
// transaction, in its turn (ingestCallTurns).
export async function ingestListingRows(
  dataSource: DataSource,
  config: Config,
  viewer: Viewer,
  values: readonly unknown[],
  turns: WorkLine,
): Promise<{ counts: IngestCounts; rejections: Rejection[]; modelVersion: string }> {
  if (values.length > config.ingest.maxBatch) {
    throw badInput(`At most ${config.ingest.maxBatch} listings per ingestListings call; split the ${values.length} into batches`);
  }
  return turns.inTurn(() => ingestValidRows(dataSource, config, viewer, values));
}

async function ingestValidRows(
  dataSource: DataSource,
  config: Config,
  viewer: Viewer,
  values: readonly unknown[],
): Promise<{ counts: IngestCounts; rejections: Rejection[]; modelVersion: string }> {
  const ingest = await ListingIngest.open(dataSource, config, { actor: viewer });
  const invalid: Rejection[] = [];
  const rows: BatchRow[] = [];
  values.forEach((value, index) => {
    const validated = validateListingRecord(value);
    if (validated.ok) rows.push({ line: index, record: validated.record });
    else invalid.push({ line: index, reason: validated.reason });
  });
  const totalOf = (batch: BatchCounts): IngestCounts => {
    const counts = emptyCounts();
    counts.read = values.length;
    add(counts, batch);
    counts.rejected = invalid.length;
    return counts;
  };
  const written = await ingest.writeBatch(rows, async (manager, batch) => {
    await recordAudit(manager, viewer, {
      action: "listings.ingest",
      targetType: "Listing",
      targetId: null,
      after: { ...totalOf(batch), modelVersion: ingest.model.version },
    });
    await holdLiveCredential(manager, viewer);
  });
  return { counts: totalOf(written), rejections: invalid, modelVersion: ingest.model.version };
}
