import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { ConfigError, SECRET_MIN_LENGTH } from "./config";

export interface KeptSecret {
  fileName: string;
  // What a new secret undoes, for the operator deciding to delete a bad one.
  replacing: string;
}

// A secret given by the environment; else (the embedded database) one made at random on first start
// and kept beside the data in DATA_DIR, so that what it signed or keyed outlives a restart. A kept
// file is held to the environment's minimum: an emptied or cut-short one would sign or key with
// next to no secret (an empty HS256 key lets anyone make a token).
export function givenOrKeptSecret(given: string | undefined, dataDir: string, kept: KeptSecret): string {
  if (given) return given;
  const file = join(dataDir, kept.fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeWhole(file, randomBytes(48).toString("base64url"));
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < SECRET_MIN_LENGTH) {
    throw new ConfigError(
      `The secret kept in ${file} is ${secret.length} characters, under the ${SECRET_MIN_LENGTH} a secret needs: ` +
        `delete the file to have a new one made at the next start, which ${kept.replacing}`,
    );
  }
  return secret;
}

// Written beside it and renamed over it, each step on disk before the next: a crash or a full disk
// leaves the file whole or absent, never empty or cut short.
function writeWhole(file: string, content: string): void {
  const temporary = `${file}.tmp`;
  const descriptor = openSync(temporary, "w", 0o600);
  try {
    writeSync(descriptor, content);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, file);
  const folder = openSync(dirname(file), "r");
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
