import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { ConfigError } from "../config";
import { lockDataDir } from "./data-dir-lock";

// These subpath modules ship typings that CommonJS resolution cannot see, so they are required.
/* eslint-disable @typescript-eslint/no-require-imports */
const { pgcrypto } = require("@electric-sql/pglite/contrib/pgcrypto");
const { createPgConfig } = require("@electric-sql/pglite/node-postgres") as {
  createPgConfig: (pglite: PGlite) => Record<string, unknown>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface EmbeddedPostgres {
  pglite: PGlite;
  pgConfig: Record<string, unknown>;
  close(): Promise<void>;
}

// An embedded PostgreSQL kept in dataDir, or in memory for "memory://". loadDataDir starts it from
// a dump (the test suite clones a migrated template that way instead of migrating every time).
// A folder is opened by one process at a time (data-dir-lock.ts).
export async function openEmbeddedPostgres(dataDir: string, loadDataDir?: Blob): Promise<EmbeddedPostgres> {
  let unlock = () => {};
  if (!dataDir.startsWith("memory://")) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      throw new ConfigError(`The embedded database's folder ${dataDir} cannot be made (${code ?? message}): set DATA_DIR to a folder this process may write`);
    }
    unlock = lockDataDir(dataDir);
  }
  try {
    const pglite = await PGlite.create(dataDir, { extensions: { pgcrypto }, loadDataDir });
    return {
      pglite,
      pgConfig: createPgConfig(pglite),
      close: async () => {
        try {
          await pglite.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
