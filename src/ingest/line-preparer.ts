import { extname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { BrandProfile } from "../risk/facts";
import type { RiskConfig } from "../risk/risk-config";
import type { Rejection } from "./listing-batch-writer";
import { readListingLine } from "./ndjson-reader";
import type { BatchRow, PreparedRow } from "./prepared-row";
import type { SharedIntelligenceSetup } from "./intel-source";

// Turns a chunk of NDJSON lines into prepared rows and rejections: parsing, validation, brand
// matching and the listing's own signals, and its intel lookup keys. A large file does this on a
// worker thread, so that the main thread only writes batches, on the other core of a two-core
// machine; a small input, or one whose intelligence a test substitutes, does it inline.

export interface PreparedLines {
  rows: PreparedRow[];
  rejections: Rejection[];
  // Lines that were not blank.
  read: number;
}

export interface LinePreparer {
  prepare(firstLine: number, lines: readonly string[]): Promise<PreparedLines>;
  close(): Promise<void>;
}

export function prepareLines(firstLine: number, lines: readonly string[], prepare: (row: BatchRow) => PreparedRow): PreparedLines {
  const prepared: PreparedLines = { rows: [], rejections: [], read: 0 };
  lines.forEach((text, index) => {
    const read = readListingLine(text, firstLine + index);
    if (!read) return;
    prepared.read++;
    if ("rejection" in read) prepared.rejections.push({ line: read.line, reason: read.rejection });
    else prepared.rows.push(prepare({ line: read.line, record: read.record }));
  });
  return prepared;
}

export const inlinePreparer = (prepare: (row: BatchRow) => PreparedRow): LinePreparer => ({
  prepare: async (firstLine, lines) => prepareLines(firstLine, lines, prepare),
  close: async () => {},
});

// What the worker builds its own risk model and intel lookups from.
export interface PrepareWorkerSetup {
  profiles: readonly BrandProfile[];
  riskConfig: RiskConfig;
  intel: SharedIntelligenceSetup | null;
}

export type PrepareRequest = { id: number; firstLine: number; lines: readonly string[] };
export type PrepareReply = { id: number; prepared: PreparedLines } | { id: number; error: string };

function startWorker(setup: PrepareWorkerSetup): Worker {
  const file = join(__dirname, `prepare-worker${extname(__filename)}`);
  // Under ts-node (the CLI, the benchmarks, the tests) the worker compiles its TypeScript the same way.
  if (extname(__filename) === ".ts") {
    const bootstrap = `require("ts-node").register({ transpileOnly: true }); require(${JSON.stringify(file)});`;
    return new Worker(bootstrap, { eval: true, workerData: setup });
  }
  return new Worker(file, { workerData: setup });
}

export class WorkerPreparer implements LinePreparer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (prepared: PreparedLines) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(setup: PrepareWorkerSetup) {
    this.worker = startWorker(setup);
    this.worker.on("message", (reply: PrepareReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.prepared);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the worker preparing records stopped (exit code ${code})`)));
  }

  // Chunks sent and not yet back.
  get outstanding(): number {
    return this.waiting.size;
  }

  prepare(firstLine: number, lines: readonly string[]): Promise<PreparedLines> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, firstLine, lines } satisfies PrepareRequest);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}
