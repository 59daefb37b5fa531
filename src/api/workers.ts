import cluster, { type Worker } from "node:cluster";
import type { StoppedRequests } from "./in-flight-requests";

// A Node process runs its JavaScript on one core, and the API's requests are CPU-bound there
// (GraphQL execution, rows in and JSON out). With a PostgreSQL server the API runs in several
// processes of the same script, which share the port: Node's cluster primary hands each new
// connection to the next worker. The workers share nothing in memory that matters: sessions are
// signed tokens, and quotas and sensitive-read records live in the database.

export interface WorkerPool {
  port: number;
  // The workers now serving (a replaced worker leaves the list).
  workers(): Worker[];
  // What became of the requests in flight, every worker's together.
  stop(): Promise<StoppedRequests>;
}

const describeExit = (code: number, signal: string | null) => signal ?? `exit code ${code}`;

// A worker's last word to its primary, before it exits: what became of its requests in flight.
interface StopReport {
  stoppedRequests: StoppedRequests;
}
const isStopReport = (message: unknown): message is StopReport => message instanceof Object && "stoppedRequests" in message;

export function reportStopToPrimary(stoppedRequests: StoppedRequests): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    const report: StopReport = { stoppedRequests };
    process.send(report, () => resolve());
  });
}

// Forks `count` workers of the current script and resolves with their shared port once every one
// listens. A worker that stops later, other than through stop(), is replaced; one that stops before
// it ever listened fails the start instead, so a bad configuration does not restart forever.
export async function forkWorkers(count: number, say: (line: string) => void): Promise<WorkerPool> {
  const serving = new Set<Worker>();
  let stopping = false;
  const start = () =>
    new Promise<number>((resolve, reject) => {
      const worker = cluster.fork();
      let listened = false;
      worker.once("listening", (address) => {
        listened = true;
        serving.add(worker);
        resolve(address.port);
      });
      worker.once("exit", (code, signal) => {
        serving.delete(worker);
        if (!listened) return reject(new Error(`an API worker stopped before it listened (${describeExit(code, signal)})`));
        if (stopping) return;
        say(`API worker ${worker.process.pid} stopped (${describeExit(code, signal)}); starting another`);
        start().catch((error: Error) => say(error.message));
      });
    });
  const stop = async (): Promise<StoppedRequests> => {
    stopping = true;
    const reports = await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<StoppedRequests>((resolve) => {
            let stopped: StoppedRequests = { drainedRequests: 0, cutRequests: 0 };
            if (!worker || worker.isDead()) return resolve(stopped);
            worker.on("message", (message: unknown) => {
              if (isStopReport(message)) stopped = message.stoppedRequests;
            });
            worker.once("exit", () => resolve(stopped));
            worker.kill("SIGTERM");
          }),
      ),
    );
    return {
      drainedRequests: reports.reduce((sum, report) => sum + report.drainedRequests, 0),
      cutRequests: reports.reduce((sum, report) => sum + report.cutRequests, 0),
    };
  };
  try {
    const [port] = await Promise.all(Array.from({ length: count }, start));
    return { port, workers: () => [...serving], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
