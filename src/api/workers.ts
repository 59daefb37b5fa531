import cluster, { type Worker } from "node:cluster";

// A Node process runs its JavaScript on one core, and the API's requests are CPU-bound there
// (GraphQL execution, rows in and JSON out). With a PostgreSQL server the API runs in several
// processes of the same script, which share the port: Node's cluster primary hands each new
// connection to the next worker. The workers share nothing in memory that matters: sessions are
// signed tokens, and quotas and sensitive-read records live in the database.

export interface WorkerPool {
  port: number;
  // The workers now serving (a replaced worker leaves the list).
  workers(): Worker[];
  stop(): Promise<void>;
}

const describeExit = (code: number, signal: string | null) => signal ?? `exit code ${code}`;

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
  const stop = async () => {
    stopping = true;
    await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          worker &&
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.kill("SIGTERM");
          }),
      ),
    );
  };
  try {
    const [port] = await Promise.all(Array.from({ length: count }, start));
    return { port, workers: () => [...serving], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
