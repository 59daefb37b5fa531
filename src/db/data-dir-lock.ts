import { lockSync } from "proper-lockfile";
import { ConfigError } from "../config";
import { createLogger } from "../logger";

// One process at a time on an embedded database. PGlite runs PostgreSQL inside the process and
// keeps its pages in that process's memory: a second process on the same folder (the CLI beside
// `npm start`) would work on a copy the first never sees, and the two would write over each
// other's pages. proper-lockfile takes the lock atomically (a `<folder>.lock` directory beside the
// folder) and keeps it fresh while the process lives, so a lock left by a process that died goes
// stale and is taken over: a pid file would be fooled by a reused pid, as in a restarted container.
const STALE_MS = 10_000;

export function lockDataDir(dir: string): () => void {
  try {
    return lockSync(dir, {
      realpath: false,
      stale: STALE_MS,
      update: STALE_MS / 2,
      // The lock could not be kept fresh (the process was paused, or its event loop held, past
      // STALE_MS): another process may have taken the folder and be writing it. Every write this
      // process answered from now on could be lost, or overwrite the other's, so it stops at once,
      // writing nothing more (proper-lockfile's default would throw from a timer).
      onCompromised: (error) => {
        createLogger("warn").error("lost the lock on the embedded database's folder; stopping, as another process may be writing it", {
          dir,
          error: error.message,
        });
        process.exit(75);
      },
    });
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    // The lock is a folder made beside this one: a folder it may not write beside is a bad DATA_DIR.
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new ConfigError(`The embedded database's folder ${dir} cannot be locked (${code}): set DATA_DIR to a folder this process may write`);
    }
    if (code !== "ELOCKED") throw error;
    throw new ConfigError(
      `The embedded database in ${dir} is in use by another process (a running npm start?). Stop it first ` +
        `(a lock left by a killed process frees itself within ${STALE_MS / 1000} seconds), or do this through the API while it runs, ` +
        "or set DATABASE_URL to use a PostgreSQL server, which many processes may share",
    );
  }
}
