import { execFile } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { loadConfig } from "../../src/config";
import { DEMO_PASSWORD } from "../../src/seed/demo-alliance.data";
import { startApi } from "../../src/start";
import { createEmptyServerDatabase } from "../support/test-database";
import { serverUrl } from "../support/test-env";

// End to end, as an operator would: generate a file, ingest it with the CLI, and find the new
// suspected infringements in a brand's infringements query.
let dataDir: string;
let env: Record<string, string>;
let dropDatabase = async () => {};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "alliance-ingest-cli-"));
  env = { NODE_ENV: "test", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  if (serverUrl) {
    const database = await createEmptyServerDatabase();
    dropDatabase = database.drop;
    env = { ...env, DATABASE_URL: database.url, JWT_SECRET: "s".repeat(40), INTEL_HMAC_SECRET: "h".repeat(40) };
  }
});
afterAll(async () => {
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
});

const run = promisify(execFile);
const cliWith = (cliEnv: Record<string, string>, ...args: string[]) =>
  run("node", ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", ...args], { env: { ...process.env, ...cliEnv }, maxBuffer: 64 * 1024 * 1024 });
const cli = (...args: string[]) => cliWith(env, ...args);
// An ingest, with its exit code: 0, or 2 when lines were rejected.
const ingest = (file: string): Promise<{ code: number; stdout: string; stderr: string }> =>
  cli("ingest", file).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );

async function totalCountAs(email: string): Promise<number> {
  const running = await startApi(loadConfig(env));
  try {
    const post = async (query: string, token?: string) =>
      (await (
        await fetch(running.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data: { login: { token: string }; infringements: { totalCount: number } } };
    const login = await post(`mutation { login(email: "${email}", password: "${DEMO_PASSWORD}") { token } }`);
    return (await post(`{ infringements(first: 1) { totalCount } }`, login.data.login.token)).data.infringements.totalCount;
  } finally {
    await running.close();
  }
}

describe("npm run cli -- generate | ingest", () => {
  it("ingests a generated file, reports a malformed line by number, and flags new infringements for the brands", async () => {
    const before = await totalCountAs("analyst@louis-vuitton.example");
    const file = join(dataDir, "listings.ndjson");
    const { stdout } = await cli("generate", "--listings", "400", "--seed", "99");
    expect(stdout.trim().split("\n")).toHaveLength(400);
    writeFileSync(file, stdout);
    appendFileSync(file, '{"marketplace": "TAOBAO", "externalId": "x"}\n');

    // Exit code 2: done, with rejected lines.
    const { code, stdout: summaryLine, stderr } = await ingest(file);
    expect(code).toBe(2);
    expect(stderr).toContain("1 of 401 lines rejected (the summary's rejections); the valid lines are written");
    const summary = JSON.parse(summaryLine);
    expect(summary).toMatchObject({ read: 401, inserted: 400, rejected: 1, modelVersion: "alliance-risk-6" });
    expect(summary.rejections).toEqual([{ line: 401, reason: expect.stringContaining("title: ") }]);
    expect(summary.infringementsCreated).toBeGreaterThan(100);
    expect(stderr).toContain("line 401: ");
    expect(stderr).not.toContain("no member brand");

    // The same file again changes nothing.
    const again = JSON.parse((await ingest(file)).stdout);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 400, infringementsCreated: 0 });
    // So does the same file gzip-compressed, read through gunzip; a damaged one is said in a line.
    const compressed = gzipSync(readFileSync(file));
    writeFileSync(`${file}.gz`, compressed);
    expect(JSON.parse((await ingest(`${file}.gz`)).stdout)).toMatchObject({ read: 401, inserted: 0, updated: 0, unchanged: 400, rejected: 1 });
    writeFileSync(`${file}.cut.gz`, compressed.subarray(0, compressed.length >> 1));
    const cut = await ingest(`${file}.cut.gz`);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain("error: the input is gzip-compressed but could not be decompressed: unexpected end of file");
    // A file of nothing but bad lines is said to have written nothing.
    writeFileSync(`${file}.bad`, '{"bad": 1}\n{"bad": 2}\n');
    const bad = await ingest(`${file}.bad`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("2 of 2 lines rejected (the summary's rejections); nothing was written");
    expect(await totalCountAs("analyst@louis-vuitton.example")).toBeGreaterThan(before);
    // Eight processes start here (two servers, six CLI commands), each compiling TypeScript.
  }, 240_000);

  it("says a file it cannot read in a line, before opening the database", async () => {
    const missing = join(dataDir, "no-such-listings.ndjson");
    await expect(cli("ingest", missing)).rejects.toMatchObject({ code: 1, stderr: `error: cannot read ${missing}: no such file\n` });
    await expect(cli("import-indicators", dataDir, "--org", "louis-vuitton")).rejects.toMatchObject({
      code: 1,
      stderr: `error: cannot read ${dataDir}: it is a folder, not a file\n`,
    });
  }, 60_000);

  it("warns that nothing can be flagged when the database has no member brands, and still stores the listings", async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), "alliance-ingest-empty-"));
    let emptyEnv: Record<string, string> = { ...env, DATA_DIR: emptyDir };
    let drop = async () => {};
    if (serverUrl) {
      const database = await createEmptyServerDatabase();
      drop = database.drop;
      emptyEnv = { ...emptyEnv, DATABASE_URL: database.url };
    }
    try {
      const file = join(emptyDir, "listings.ndjson");
      writeFileSync(file, (await cli("generate", "--listings", "20", "--seed", "5")).stdout);
      const { stdout, stderr } = await cliWith(emptyEnv, "ingest", file);
      expect(stderr).toContain("warning: no member brand is registered in this database");
      expect(JSON.parse(stdout)).toMatchObject({ read: 20, inserted: 20, rejected: 0, infringementsCreated: 0 });
    } finally {
      await drop();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 120_000);
});
