import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

// What an operator meets on the command line before any database is opened: commander's refusals,
// and the files named, as `npm run cli` runs the CLI (in the package's folder, the caller's in INIT_CWD).
// Each test starts the CLI, which takes a while on a busy machine.
jest.setTimeout(120_000);

let callersFolder: string;
beforeAll(() => {
  callersFolder = mkdtempSync(join(tmpdir(), "alliance-cli-caller-"));
});
afterAll(() => rmSync(callersFolder, { recursive: true, force: true }));

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> =>
  run(process.execPath, ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", ...args], {
    env: { ...process.env, npm_lifecycle_event: "cli", INIT_CWD: callersFolder, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );

it("answers an unknown option with the command's options and where its help is", async () => {
  const { code, stderr } = await cli(["generate", "--listing", "5"]);
  expect(code).toBe(1);
  expect(stderr).toBe(
    "error: unknown option '--listing'\n(Did you mean --listings?)\n(generate takes --listings, --seed, --now; `npm run cli -- generate --help` says what each is)\n",
  );
});

it("looks for a relative path in the folder it was called from, and names the path it looked at", async () => {
  const missing = await cli(["ingest", "missing.ndjson"]);
  expect(missing.stderr).toBe(`error: cannot read missing.ndjson (${join(callersFolder, "missing.ndjson")}): no such file\n`);
});

it("reads a relative path in the folder it was called from, not the package's", async () => {
  writeFileSync(join(callersFolder, "listings.ndjson"), "{}\n");
  // Found, it goes on to the database: one that refuses connections here.
  const found = await cli(["ingest", "listings.ndjson"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/none", JWT_SECRET: "s".repeat(40), INTEL_HMAC_SECRET: "h".repeat(40) });
  expect(found.code).toBe(1);
  expect(found.stderr).toMatch(/^Cannot use the PostgreSQL server of DATABASE_URL \(127\.0\.0\.1:1\/none\)/);
});
