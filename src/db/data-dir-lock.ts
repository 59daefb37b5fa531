import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { onExit } from "signal-exit";
import { ConfigError } from "../config";
import { createLogger } from "../logger";
import { processEnded, processIdentity } from "./process-identity";

// One process at a time on an embedded database. PGlite runs PostgreSQL inside the process and
// keeps its pages in that process's memory: a second process on the same folder (the CLI beside
// `npm start`) would work on a copy the first never sees, and the two would write over each
// other's pages.
//
// The lock is a `<folder>.lock` directory beside the folder (mkdir is atomic), naming its owner, and
// kept fresh while the process lives, so that a lock left by a process that died goes stale and is
// taken over: a pid file would be fooled by a reused pid, as in a restarted container. A lock whose
// owner is known to have ended (killed on this machine and in this container: process-identity.ts)
// is taken over at once, so that a server killed outright starts again when its supervisor
// restarts it a moment later (systemd gives up on a service that fails 5 starts in 10 s). It is kept
// fresh from a worker thread, because PGlite runs each statement synchronously on the main thread:
// a statement longer than STALE_MS (a large ingest batch) would stop a main-thread timer, and a
// second process would take the folder of one still writing it.
const STALE_MS = 10_000;
const REFRESH_MS = 2_000;

// The worker touches the lock every REFRESH_MS. Finding the lock gone or another owner's (this
// process was paused past STALE_MS, and another took it), it tells the main thread and stops.
const REFRESHER = `
  const { parentPort, workerData } = require("node:worker_threads");
  const { readFileSync, utimesSync } = require("node:fs");
  const { lockPath, ownerFile, owner, released, refreshMs } = workerData;
  const timer = setInterval(() => {
    let lost = null;
    try {
      if (readFileSync(ownerFile, "utf8") !== owner) lost = "another process holds it now";
      else utimesSync(lockPath, new Date(), new Date());
    } catch (error) {
      lost = error.message;
    }
    if (Atomics.load(released, 0) === 1) return clearInterval(timer);
    if (lost) {
      clearInterval(timer);
      parentPort.postMessage(lost);
    }
  }, refreshMs);
`;

export function lockDataDir(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  const ownerFile = join(lockPath, "owner");
  const owner = `${process.pid} ${randomUUID()} ${processIdentity() ?? "unknown"}`;
  take(dir, lockPath);
  writeFileSync(ownerFile, owner);

  const released = new Int32Array(new SharedArrayBuffer(4));
  const refresher = new Worker(REFRESHER, { eval: true, workerData: { lockPath, ownerFile, owner, released, refreshMs: REFRESH_MS } });
  // The lock can no longer be kept: another process may have the folder and be writing it. Every
  // write this process answered from now on could be lost, or overwrite the other's, so it stops
  // at once, writing nothing more.
  const lost = (reason: string) => {
    if (Atomics.load(released, 0) === 1) return;
    createLogger("warn").error("lost the lock on the embedded database's folder; stopping, as another process may be writing it", { dir, reason });
    process.exit(75);
  };
  refresher.on("message", lost);
  refresher.on("error", (error) => lost(`its refresher stopped: ${error.message}`));
  refresher.unref();

  // Released on close, and on any exit or signal that would end the process without it.
  const release = () => {
    if (Atomics.exchange(released, 0, 1) === 1) return;
    stopOnExit();
    void refresher.terminate();
    if (readOwner(ownerFile) === owner) rmSync(lockPath, { recursive: true, force: true });
  };
  const stopOnExit = onExit(release);
  return release;
}

// Makes the lock directory, taking over a stale one.
function take(dir: string, lockPath: string): void {
  try {
    mkdirSync(lockPath);
    return;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    // The lock is a folder made beside this one: a folder it may not write beside is a bad DATA_DIR.
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new ConfigError(`The embedded database's folder ${dir} cannot be locked (${code}): set DATA_DIR to a folder this process may write`);
    }
    if (code !== "EEXIST") throw error;
  }
  const mtimeMs = statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const holder = readOwner(join(lockPath, "owner"))?.split(" ")[2];
  const ended = holder !== undefined && holder !== "unknown" && processEnded(holder);
  if (!ended && Date.now() - mtimeMs < STALE_MS) {
    throw new ConfigError(
      `The embedded database in ${dir} is in use by another process (a running npm start?). Stop it first ` +
        `(a lock left by a process killed on another machine or in another container frees itself within ${STALE_MS / 1000} seconds), ` +
        "or do this through the API while it runs, " +
        "or set DATABASE_URL to use a PostgreSQL server, which many processes may share",
    );
  }
  // Two processes taking over the same stale (or ended owner's) lock at once may both succeed; the
  // one whose owner file is overwritten finds out at its refresher's first turn and stops.
  rmSync(lockPath, { recursive: true, force: true });
  take(dir, lockPath);
}

function readOwner(ownerFile: string): string | null {
  try {
    return readFileSync(ownerFile, "utf8");
  } catch {
    return null;
  }
}
