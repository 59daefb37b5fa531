import { extname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { BrandProfile } from "../risk/facts";
import type { RiskConfig } from "../risk/risk-config";
import type { RiskModel } from "../risk/risk-model";
import type { IntelSource, SharedIntelligenceSetup } from "./intel-source";
import type { Rejection } from "./batch/listing-batch-writer";
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

// Under ts-node (the CLI, the benchmarks, the tests), how the worker compiles its TypeScript: with
// swc's transform, registered for .ts files (its modules carry no decorators). It does not inherit
// the main thread's options, whose `-r ts-node/register/...` loads TypeScript into the worker and
// has it compile every module again after swc: 1.2-1.3 s of CPU inside a timed ingest, against
// 0.2 s for this. Only the profiling options are passed on, so that a profiled ingest covers it.
const SWC_REQUIRE_HOOK = `
  const { transformSync } = require("@swc/core");
  const { readFileSync } = require("node:fs");
  const options = { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } };
  require.extensions[".ts"] = (module, filename) =>
    module._compile(transformSync(readFileSync(filename, "utf8"), { ...options, filename }).code, filename);
`;
const PROFILING_OPTION = /^--(cpu|heap)-prof/;

function startWorker(setup: PrepareWorkerSetup): Worker {
  const file = join(__dirname, `prepare-worker${extname(__filename)}`);
  if (extname(__filename) === ".ts") {
    return new Worker(`${SWC_REQUIRE_HOOK}\nrequire(${JSON.stringify(file)});`, {
      eval: true,
      workerData: setup,
      execArgv: process.execArgv.filter((option) => PROFILING_OPTION.test(option)),
    });
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
