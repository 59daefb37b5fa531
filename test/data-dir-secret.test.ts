import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadTokenService } from "../src/auth/jwt";
import { ConfigError, loadConfig } from "../src/config";
import { loadKeyedHasher } from "../src/domain/intel/keyed-hash";

// Without JWT_SECRET and INTEL_HMAC_SECRET (the embedded database), each secret is made on first
// start and kept in a file of DATA_DIR.
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "alliance-kept-secret-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const embedded = () => loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir });

describe("a secret kept in DATA_DIR", () => {
  it("is made on first start, readable by this user only, and the same at the next", () => {
    loadTokenService(embedded());
    const file = join(dataDir, "jwt-secret");
    const made = readFileSync(file, "utf8");
    expect(made.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    loadTokenService(embedded());
    expect(readFileSync(file, "utf8")).toBe(made);
    expect(readdirSync(dataDir)).toEqual(["jwt-secret"]);
  });

  // The audit's case: an emptied jwt-secret, and a token signed with an empty key was taken.
  it("is refused when emptied or cut short, in a line naming the file and what a new one undoes, rather than sign with it", () => {
    const file = join(dataDir, "jwt-secret");
    writeFileSync(file, "");
    expect(() => loadTokenService(embedded())).toThrow(
      new ConfigError(
        `The secret kept in ${file} is 0 characters, under the 32 a secret needs: ` +
          "delete the file to have a new one made at the next start, which signs everyone out (every token issued so far stops working)",
      ),
    );
    writeFileSync(file, `   ${"k".repeat(31)}\n`);
    expect(() => loadTokenService(embedded())).toThrow(/^The secret kept in .*jwt-secret is 31 characters, under the 32 a secret needs: /);

    const hmacFile = join(dataDir, "intel-hmac-secret");
    writeFileSync(hmacFile, "short");
    expect(() => loadKeyedHasher(embedded())).toThrow(
      new ConfigError(
        `The secret kept in ${hmacFile} is 5 characters, under the 32 a secret needs: ` +
          "delete the file to have a new one made at the next start, which orphans every stored indicator hash (the indicators contributed so far match no lookup again)",
      ),
    );
  });

  // A full disk (or a crash) in the middle of the first start's write: the file a later start reads
  // is whole or absent. The write is made to fail by a file size limit of 0 in a process of its own.
  it("is never left empty by a write that fails, and is made whole by the next start", async () => {
    const script = `require("./src/auth/jwt").loadTokenService(require("./src/config").loadConfig({ NODE_ENV: "test", DATA_DIR: ${JSON.stringify(dataDir)} }))`;
    const failed = await promisify(execFile)("bash", ["-c", `trap '' XFSZ; ulimit -f 0; exec node -r ts-node/register/transpile-only -e '${script}'`]).then(
      () => null,
      (error: { stderr: string }) => error.stderr,
    );
    expect(failed).toMatch(/EFBIG/);
    expect(existsSync(join(dataDir, "jwt-secret"))).toBe(false);

    loadTokenService(embedded());
    expect(readFileSync(join(dataDir, "jwt-secret"), "utf8").length).toBeGreaterThanOrEqual(32);
  });
});
