import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
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
// The lock is a `<folder>.lock` directory beside the folder, holding one file that names its owner,
// and kept fresh while the process lives, so that a lock left by a process that died goes stale and is
// taken over: a pid file would be fooled by a reused pid, as in a restarted container. A lock whose
// owner is known to have ended (killed on this machine and in this container: process-identity.ts)
// is taken over at once, so that a server killed outright starts again when its supervisor
// restarts it a moment later (systemd gives up on a service that fails 5 starts in 10 s). It is kept
// fresh from a worker thread, because PGlite runs each statement synchronously on the main thread:
// a statement longer than STALE_MS (a large ingest batch) would stop a main-thread timer, and a
// second process would take the folder of one still writing it.
//
// Processes started together (a supervisor restarting the server while an operator runs the CLI)
// may all find the same dead holder's lock, and exactly one of them may take it. A path names
// whatever is there when it is used, so a taker that removed "the lock" it had judged stale could
// remove the one another taker had just made. So nothing removes a lock: a lock is made whole
// (owner file written) under a name of its own and renamed into place, which succeeds only while no
// lock is there, or an empty one; the owner file's name is its owner's alone, so deleting it
// empties that one lock and no other, and one taker's delete succeeds. An empty lock is free.
const STALE_MS = 10_000;
const REFRESH_MS = 2_000;

// The worker touches the lock every REFRESH_MS. Finding its owner file gone (this process was
// paused past STALE_MS, and another took the lock over), it tells the main thread and stops.
const REFRESHER = `
  const { parentPort, workerData } = require("node:worker_threads");
  const { existsSync, utimesSync } = require("node:fs");
  const { lockPath, ownerFile, released, refreshMs } = workerData;
  const timer = setInterval(() => {
    let lost = null;
    try {
      if (!existsSync(ownerFile)) lost = "another process took it over";
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
  const id = randomUUID();
  const ownerFile = join(lockPath, `owner-${id}`);
  take(dir, lockPath, ownerFile, `${process.pid} ${id} ${processIdentity() ?? "unknown"}`);

  const released = new Int32Array(new SharedArrayBuffer(4));
  const refresher = new Worker(REFRESHER, { eval: true, workerData: { lockPath, ownerFile, released, refreshMs: REFRESH_MS } });
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
    free(lockPath, ownerFile);
  };
  const stopOnExit = onExit(release);
  return release;
}

// Puts this process's lock in place, taking over a stale one.
function take(dir: string, lockPath: string, ownerFile: string, owner: string): void {
  const made = `${lockPath}.new-${randomUUID()}`;
  try {
    mkdirSync(made);
    writeFileSync(join(made, basename(ownerFile)), owner);
  } catch (error) {
    rmSync(made, { recursive: true, force: true });
    const { code } = error as NodeJS.ErrnoException;
    // The lock is made beside this folder: a folder it may not write beside is a bad DATA_DIR.
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new ConfigError(`The embedded database's folder ${dir} cannot be locked (${code}): set DATA_DIR to a folder this process may write`);
    }
    throw error;
  }
  try {
    // A turn ends in a refusal of a live holder's lock, or follows a change to the lock: emptied
    // (by this process or another), removed or replaced. Of the takers of one stale lock, one
    // empties it, and one puts its own in place, the others finding that one fresh.
    while (!putInPlace(made, lockPath)) {
      const found = readLock(lockPath);
      if (found === "changed") continue;
      const ended = found.holder !== undefined && found.holder !== "unknown" && processEnded(found.holder);
      if (!ended && Date.now() - found.mtimeMs < STALE_MS) {
        throw new ConfigError(
          `The embedded database in ${dir} is in use by another process (a running npm start?). Stop it first ` +
            `(a lock left by a process killed on another machine or in another container frees itself within ${STALE_MS / 1000} seconds), ` +
            "or do this through the API while it runs, " +
            "or set DATABASE_URL to use a PostgreSQL server, which many processes may share",
        );
      }
      deleteIfThere(found.ownerFile);
    }
  } catch (error) {
    rmSync(made, { recursive: true, force: true });
    throw error;
  }
}

// Renaming a directory onto a path succeeds when nothing is there or an empty directory, and
// fails when a directory with a file is: a lock that has its owner.
function putInPlace(made: string, lockPath: string): boolean {
  try {
    renameSync(made, lockPath);
    return true;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "ENOTEMPTY" || code === "EEXIST") return false;
    throw error;
  }
}

// The lock in place: its owner file, the holder's process identity, and when it was last kept
// fresh; "changed" when another process emptied or replaced it while it was read. The owner file
// is read after the lock's time: found then, it was there throughout, so the time is its lock's.
function readLock(lockPath: string): { ownerFile: string; holder: string | undefined; mtimeMs: number } | "changed" {
  try {
    const names = readdirSync(lockPath);
    // Earlier versions named every owner file "owner": such a lock, left by one, is taken over too.
    const name = names.find((entry) => entry.startsWith("owner"));
    if (name === undefined) {
      if (names.length === 0) return "changed";
      throw new ConfigError(`The embedded database's lock ${lockPath} holds no owner file: remove it if no process uses the database`);
    }
    const ownerFile = join(lockPath, name);
    const { mtimeMs } = statSync(lockPath);
    const holder = readFileSync(ownerFile, "utf8").split(" ")[2];
    return { ownerFile, holder, mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "changed";
    throw error;
  }
}

// Empties this process's lock, then removes the empty folder unless another process has put its
// lock there meanwhile. Its owner file gone, another process took the lock over, and it is left.
function free(lockPath: string, ownerFile: string): void {
  if (!deleteIfThere(ownerFile)) return;
  try {
    rmdirSync(lockPath);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code !== "ENOENT" && code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
  }
}

function deleteIfThere(file: string): boolean {
  try {
    unlinkSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
