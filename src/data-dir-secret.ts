import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// A secret given by the environment; else (the embedded database) one made at random on first start
// and kept beside the data in DATA_DIR, so that what it signed or keyed outlives a restart.
export function givenOrKeptSecret(given: string | undefined, dataDir: string, fileName: string): string {
  if (given) return given;
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
