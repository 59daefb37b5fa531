import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { scripts } from "../package.json";
import type { ParentMessage, ServerMessage } from "./api-server";

// `npm start`'s own V8 flags, read from its script so that the bench cannot drift from it.
const startFlags = scripts.start.split(" ").filter((word) => word.startsWith("--"));

export interface BenchServer {
  url: string;
  // "count" answers with the statements sent and the CPU spent since the last "reset"; "memory"
  // with each process's memory after a full collection (with { exposeGc: true } only).
  ask: (message: ParentMessage) => Promise<ServerMessage | void>;
  stop: () => Promise<void>;
}

// The API as `npm start` serves it (its V8 flags, config.workers processes; see
// package.json and the README), in a child process so that the load generator does not share its
// event loop; resolves once it listens. BENCH_PROF=<dir> writes CPU profiles of it there;
// BENCH_TRACE_GC=1 prints its garbage collections (V8's --trace-gc) on stdout; BENCH_V8="<flags>"
// adds V8 flags of your own (separated by spaces), to try one against the served set.
export function startApiServer(env: NodeJS.ProcessEnv, options: { exposeGc?: boolean } = {}): Promise<BenchServer> {
  const flags = [
    ...(env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${env.BENCH_PROF}`] : []),
    ...(env.BENCH_TRACE_GC ? ["--trace-gc"] : []),
    ...(options.exposeGc ? ["--expose-gc"] : []),
    ...(env.BENCH_V8 ? env.BENCH_V8.split(" ") : []),
  ];
  const child: ChildProcess = fork(join(__dirname, "api-server.ts"), [], {
    env,
    execArgv: [...startFlags, "-r", "ts-node/register/transpile-only", ...flags],
  });
  const next = () => new Promise<ServerMessage>((resolve) => child.once("message", (m: ServerMessage) => resolve(m)));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return next().then((first) => {
    if (!("url" in first)) throw new Error("the bench server did not start");
    return {
      url: first.url,
      ask: (message: ParentMessage) => {
        const reply = message === "count" || message === "memory" ? next() : Promise.resolve();
        child.send(message);
        return reply;
      },
      stop: async () => {
        child.send("stop");
        await exited;
      },
    };
  });
}
