import { parentPort, workerData } from "node:worker_threads";
import { RiskModel } from "../risk/risk-model";
import { sharedIntelligenceOf } from "./intel-source";
import { prepareLines, type PrepareReply, type PrepareRequest, type PrepareWorkerSetup } from "./line-preparer";

// The worker thread of a file ingest (started by WorkerPreparer): prepares chunks of lines with
// its own copy of the risk model, in the order they come.
const setup = workerData as PrepareWorkerSetup;
const model = new RiskModel(setup.profiles, setup.riskConfig);
const intel = setup.intel ? sharedIntelligenceOf(setup.intel) : undefined;

parentPort?.on("message", ({ id, chunk }: PrepareRequest) => {
  let reply: PrepareReply;
  try {
    reply = { id, prepared: prepareLines(chunk, model, intel) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  // The prepared content's buffer is moved, not copied.
  parentPort?.postMessage(reply, "prepared" in reply ? [reply.prepared.content.buffer as ArrayBuffer] : []);
});
