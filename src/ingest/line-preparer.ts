import { extname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { BrandProfile } from "../risk/facts";
import type { RiskConfig } from "../risk/risk-config";
import type { RiskModel } from "../risk/risk-model";
import type { IntelSource, SharedIntelligenceSetup } from "./intel-source";
import type { Rejection } from "./listing-batch-writer";
import { linesOf, readListingLine, type LineChunk } from "./ndjson-reader";
import { BatchPreparation, type PreparedBatch } from "./prepared-row";

// Turns a chunk of NDJSON lines into prepared rows and rejections: parsing, validation, brand
// matching and the listing's own signals, and its intel lookup keys. A large file does this on a
// worker thread, so that the main thread only writes batches, on the other core of a two-core
// machine; a small input, or one whose intelligence a test substitutes, does it inline.

export interface PreparedLines extends PreparedBatch {
  rejections: Rejection[];
  // Lines that were not blank.
  read: number;
}

export interface LinePreparer {
  prepare(chunk: LineChunk): Promise<PreparedLines>;
  close(): Promise<void>;
}

export function prepareLines(chunk: LineChunk, model: RiskModel, intel: IntelSource | undefined): PreparedLines {
  const batch = new BatchPreparation(model, intel);
  const rejections: Rejection[] = [];
  let read = 0;
  linesOf(chunk).forEach((text, index) => {
    const readLine = readListingLine(text, chunk.firstLine + index);
    if (!readLine) return;
    read++;
    if ("rejection" in readLine) rejections.push({ line: readLine.line, reason: readLine.rejection });
    else batch.add({ line: readLine.line, record: readLine.record });
  });
  return { ...batch.done(), rejections, read };
}

export const inlinePreparer = (model: RiskModel, intel: IntelSource | undefined): LinePreparer => ({
  prepare: async (chunk) => prepareLines(chunk, model, intel),
  close: async () => {},
});

// What the worker builds its own risk model and intel lookups from.
export interface PrepareWorkerSetup {
  profiles: readonly BrandProfile[];
  riskConfig: RiskConfig;
  intel: SharedIntelligenceSetup | null;
}

export type PrepareRequest = { id: number; chunk: LineChunk };
export type PrepareReply = { id: number; prepared: PreparedLines } | { id: number; error: string };

function startWorker(setup: PrepareWorkerSetup): Worker {
  const file = join(__dirname, `prepare-worker${extname(__filename)}`);
  // Under ts-node (the CLI, the benchmarks, the tests) the worker compiles its TypeScript too, with
  // swc: its modules carry no decorators, and tsc took 1.1 s of the ingest to compile them (swc 0.3 s).
  if (extname(__filename) === ".ts") {
    const bootstrap = `require("ts-node").register({ swc: true }); require(${JSON.stringify(file)});`;
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

  prepare(chunk: LineChunk): Promise<PreparedLines> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, chunk } satisfies PrepareRequest);
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
