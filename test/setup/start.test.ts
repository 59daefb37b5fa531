import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { ConfigError, loadConfig } from "../../src/config";
import { DEMO_PASSWORD } from "../../src/seed/demo-alliance.data";
import { startApi } from "../../src/start";
import { serverUrl } from "../support/test-env";
import { createEmptyServerDatabase } from "../support/test-database";

// What `npm start` does on a fresh machine, on the database the suite runs against: migrate, seed
// once, serve; and on the next start, keep the data without seeding again.
// Each test starts CLI processes or servers that compile themselves with ts-node, seconds of CPU
// apiece: 30-50 s for the CLI tests on a quiet machine, beyond the suite's 60 s when it is busy.
jest.setTimeout(180_000);

// A machine npm start has not run on yet: a data folder and, on a server, an empty database.
interface Installation {
  env: Record<string, string>;
  remove(): Promise<void>;
}

async function newInstallation(): Promise<Installation> {
  const dataDir = mkdtempSync(join(tmpdir(), "alliance-start-"));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const env = { NODE_ENV: "test", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  if (!serverUrl) return { env, remove: async () => removeDir() };
  const database = await createEmptyServerDatabase();
  return {
    env: { ...env, DATABASE_URL: database.url, JWT_SECRET: "s".repeat(40), INTEL_HMAC_SECRET: "i".repeat(40) },
    async remove() {
      await database.drop();
      removeDir();
    },
  };
}

// The installation the tests share, started once already (so seeded), and a token of that start.
let installation: Installation;
let env: Record<string, string>;
let tokenFromFirstStart: string;

beforeAll(async () => {
  installation = await newInstallation();
  ({ env } = installation);
  const first = await startApi(loadConfig(env));
  try {
    tokenFromFirstStart = (await gql(first.url, `mutation { login(email: "analyst@swarovski.example", password: "${DEMO_PASSWORD}") { token } }`)).data?.login.token;
  } finally {
    await first.close();
  }
});
afterAll(() => installation.remove());

// The child processes (the CLI, npm start) get the runner's environment less any database or
// secrets in it, plus env: the same configuration as the servers started in this process, so that
// both sides sign and hash with the same secrets (env's, or those kept in DATA_DIR).
function childEnv(): NodeJS.ProcessEnv {
  const { JWT_SECRET: _jwt, INTEL_HMAC_SECRET: _hmac, DATABASE_URL: _url, ...rest } = process.env;
  return { ...rest, ...env };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of arbitrary JSON
type Json = any;

const gql = async (url: string, query: string, token?: string): Promise<{ data?: Json; errors?: unknown[] }> => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Json; errors?: unknown[] };
};

const run = promisify(execFile);

// The log lines (JSON) a child process wrote on stderr so far.
const logLinesIn = (stderr: string): Json[] =>
  stderr
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));

// A script with a server configuration that it cannot run on: its exit code and stderr.
const failedRun = (script: string[], server: { DATABASE_URL: string; DATABASE_REPLICA_URLS?: string }) =>
  run("node", ["-r", "ts-node/register/transpile-only", ...script], {
    env: { ...childEnv(), ...server, JWT_SECRET: "s".repeat(40), INTEL_HMAC_SECRET: "i".repeat(40) },
  }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
// `npm start`'s entry point.
const failedStart = (server: { DATABASE_URL: string; DATABASE_REPLICA_URLS?: string }) => failedRun(["src/main.ts"], server);

describe("start-up", () => {
  it("says a port in use in a line naming PORT, before it migrates or seeds anything", async () => {
    const busy = createNetServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const { port } = busy.address() as AddressInfo;
    const dataDir = mkdtempSync(join(tmpdir(), "alliance-busy-port-"));
    try {
      const start = startApi(loadConfig({ NODE_ENV: "test", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
      await expect(start).rejects.toThrow(new ConfigError(`PORT ${port} is in use by another process: stop it, or set PORT to a free port`));
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      busy.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("says a DATA_DIR it cannot make its folder in, in a line naming DATA_DIR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "alliance-file-data-dir-"));
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    try {
      const start = startApi(loadConfig({ NODE_ENV: "test", PORT: "0", DATA_DIR: file, LOG_LEVEL: "silent" }));
      await expect(start).rejects.toThrow(new ConfigError(`The embedded database's folder ${file}/pglite cannot be made (ENOTDIR): set DATA_DIR to a folder this process may write`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("migrates and seeds an empty database on first start, and serves the demo alliance", async () => {
    // An installation of its own: the shared one was started before any test.
    const fresh = await newInstallation();
    try {
      const running = await startApi(loadConfig(fresh.env));
      try {
        expect(running.seeded).toMatchObject({ organizations: 22, brands: 21, users: 63, listings: 3000 });
        const login = await gql(running.url, `mutation { login(email: "analyst@swarovski.example", password: "${DEMO_PASSWORD}") { token } }`);
        const response = await gql(running.url, `{ brands { name aliases } infringements(first: 1) { totalCount } }`, login.data?.login.token);
        expect(response.errors).toBeUndefined();
        expect(response.data?.brands).toEqual([{ name: "Swarovski", aliases: expect.arrayContaining(["施华洛世奇"]) }]);
        expect(response.data?.infringements.totalCount).toBeGreaterThan(20);
      } finally {
        await running.close();
      }
    } finally {
      await fresh.remove();
    }
  });

  // The demo users' password is public, and the demo platform admin reads every member's data.
  it("in production seeds no demo alliance, says how to make a first admin, whom the CLI makes from a password on stdin", async () => {
    const fresh = await newInstallation();
    const production = { ...fresh.env, NODE_ENV: "production", JWT_SECRET: "p".repeat(40), INTEL_HMAC_SECRET: "q".repeat(40) };
    const cliEnv = { ...childEnv(), ...production };
    const cli = (args: string[], input: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn("node", ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", ...args], { env: cliEnv });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("close", (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(input);
      });
    try {
      const said: string[] = [];
      const running = await startApi(loadConfig(production), (line) => said.push(line));
      try {
        expect(running.seeded).toBeNull();
        expect(said.join("\n")).toContain("NODE_ENV=production seeds no demo alliance");
        const demo = await gql(running.url, `mutation { login(email: "admin@platform.example", password: "${DEMO_PASSWORD}") { token } }`);
        expect(demo.data).toBeNull();
      } finally {
        await running.close();
      }
      expect(await cli(["seed"], "")).toMatchObject({ code: 1, stderr: expect.stringContaining("`seed` is refused when NODE_ENV=production") });
      const admin = ["create-platform-admin", "--email", "First.Admin@Market.example", "--name", "First Admin"];
      expect(await cli(admin, "short\n")).toMatchObject({ code: 1, stderr: expect.stringContaining("12") });
      const made = await cli(admin, "a long enough first password\n");
      expect(made.code).toBe(0);
      expect(JSON.parse(made.stdout)).toEqual({ email: "first.admin@market.example", role: "ADMIN", organization: "Marketplace Governance", organizationCreated: true });
      const again = await cli(admin, "a long enough first password\n");
      expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining("An account with this email already exists") });

      const restarted = await startApi(loadConfig(production));
      try {
        expect(restarted.seeded).toBeNull();
        const login = await gql(restarted.url, `mutation { login(email: "first.admin@market.example", password: "a long enough first password") { token } }`);
        const viewer = await gql(restarted.url, `{ viewer { role organization { name kind } } organizations { name } }`, login.data?.login.token);
        expect(viewer.data).toEqual({ viewer: { role: "ADMIN", organization: { name: "Marketplace Governance", kind: "PLATFORM" } }, organizations: [{ name: "Marketplace Governance" }] });
      } finally {
        await restarted.close();
      }
    } finally {
      await fresh.remove();
    }
  });

  it("keeps the data and the signing secret across a restart, without seeding again", async () => {
    const running = await startApi(loadConfig(env));
    try {
      expect(running.seeded).toBeNull();
      const response = await gql(running.url, `{ viewer { email } organizations { name } }`, tokenFromFirstStart);
      expect(response.data?.viewer).toEqual({ email: "analyst@swarovski.example" });
      expect(response.data?.organizations).toHaveLength(22);
    } finally {
      await running.close();
    }
  });

  it("lets the operator CLI print a token and create an API key on the same database", async () => {
    const cli = (...args: string[]) =>
      run("node", ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", ...args], { env: childEnv() });
    const { stdout: token } = await cli("token", "--email", "viewer@louis-vuitton.example");
    const { stdout: key } = await cli("create-api-key", "--admin", "admin@louis-vuitton.example", "--name", "sync", "--scopes", "infringements:read");
    // Nothing to clear reads like success on stdout; stderr says where it looked, as the wrong
    // database answers the same.
    const nothing = await cli("clear-sign-in-failures", "--email", "nobody@nowhere.example");
    expect(JSON.parse(nothing.stdout)).toEqual({ email: "nobody@nowhere.example", failuresCleared: 0 });
    expect(nothing.stderr).toMatch(/^no failed sign-ins are recorded for nobody@nowhere\.example in (the embedded database in .+|DATABASE_URL's database); if its owner is still refused, give the CLI the server's settings/);
    await expect(cli("clear-sign-in-failures", "--email", " ")).rejects.toMatchObject({ stderr: "error: --email is empty: give the address, as its owner signs in with it\n" });
    const running = await startApi(loadConfig(env));
    try {
      // On the embedded database the server holds its folder: the CLI is refused rather than let
      // write into a copy the server never sees (and overwrites).
      if (!serverUrl) {
        await expect(cli("create-api-key", "--admin", "admin@louis-vuitton.example", "--name", "lost", "--scopes", "infringements:read")).rejects.toMatchObject({
          stderr: expect.stringContaining("is in use by another process (a running npm start?)"),
        });
      }
      const asUser = await gql(running.url, `{ viewer { email role } }`, token.trim());
      expect(asUser.data?.viewer).toEqual({ email: "viewer@louis-vuitton.example", role: "VIEWER" });
      const response = await fetch(running.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": key.trim() },
        body: JSON.stringify({ query: `{ viewer { principal scopes organization { name } } }` }),
      });
      expect(await response.json()).toEqual({
        data: { viewer: { principal: "API_KEY", scopes: ["INFRINGEMENTS_READ"], organization: { name: "Louis Vuitton" } } },
      });
    } finally {
      await running.close();
    }
    await expect(cli("token", "--email", "nobody@example.com")).rejects.toMatchObject({ stderr: expect.stringContaining("No active user") });
    await expect(run("node", ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", "token", "--email", "viewer@louis-vuitton.example"], {
      env: { ...childEnv(), NODE_ENV: "production", JWT_SECRET: "p".repeat(40), INTEL_HMAC_SECRET: "q".repeat(40) },
    })).rejects.toMatchObject({ stderr: expect.stringContaining("refused when NODE_ENV=production") });
  });

  it("imports indicators from CSV and NDJSON files with the CLI, all or none", async () => {
    const cli = (...args: string[]) =>
      run("node", ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", ...args], { env: childEnv() });
    const csv = join(env.DATA_DIR, "indicators.csv");
    writeFileSync(csv, 'kind,value,distribution,confidence,note\nPHONE,+86 139 0013 9000,MATCH_ONLY,80,"seen on 3 stores, ""AAA"" grade"\nKEYWORD,1:1 Replica,ALLIANCE,,\n');
    const ndjson = join(env.DATA_DIR, "indicators.ndjson");
    writeFileSync(ndjson, '{"kind":"SELLER","value":"TAOBAO:store-77","distribution":"ALLIANCE_ANONYMOUS","brand":"Louis Vuitton"}\n');
    expect(JSON.parse((await cli("import-indicators", csv, "--org", "louis-vuitton")).stdout)).toMatchObject({ imported: 2 });
    expect(JSON.parse((await cli("import-indicators", ndjson, "--org", "louis-vuitton")).stdout)).toMatchObject({ imported: 1 });
    const bad = join(env.DATA_DIR, "bad.csv");
    // Every bad row is named at once, by its line, whatever is wrong with it.
    writeFileSync(bad, "kind,value,distribution,confidence,brand\nKEYWORD,fine,,,\nPHONE,12,,,\nKEYWORD,other,BOGUS,,\nKEYWORD,third,,900,\nKEYWORD,fourth,,,Swarovski\nKEYWORD,fine,,,\nFACTORY,Putian\u0007works,,,\n");
    await expect(cli("import-indicators", bad, "--org", "louis-vuitton")).rejects.toMatchObject({
      stderr: expect.stringContaining(
        [
          `6 bad rows in ${bad}; nothing was imported:`,
          "  line 3: PHONE value is not a valid phone number; write it with its country code, e.g. +86 138 0013 8000",
          "  line 4: distribution must be one of PRIVATE, MATCH_ONLY, ALLIANCE_ANONYMOUS, ALLIANCE",
          "  line 5: confidence must be a whole number from 0 to 100",
          "  line 6: Louis Vuitton has no brand named Swarovski",
          "  line 7: the same KEYWORD as line 2",
          "  line 8: FACTORY value must not hold control or text-direction characters",
        ].join("\n"),
      ),
    });
    // And those the database finds: values the organization contributed already (lines 3 and 4
    // here), each by its line, as many as there are.
    writeFileSync(bad, "kind,value\nKEYWORD,new one\nKEYWORD,1:1 Replica\nPHONE,+86 139 0013 9000\n");
    await expect(cli("import-indicators", bad, "--org", "louis-vuitton")).rejects.toMatchObject({
      stderr: expect.stringContaining(
        [
          `2 bad rows in ${bad}; nothing was imported:`,
          "  line 3: your organization already contributed this KEYWORD",
          "  line 4: your organization already contributed this PHONE",
        ].join("\n"),
      ),
    });
    const running = await startApi(loadConfig(env));
    try {
      const login = await gql(running.url, `mutation { login(email: "analyst@louis-vuitton.example", password: "${DEMO_PASSWORD}") { token } }`);
      const response = await gql(
        running.url,
        `{ indicators(first: 50, filter: { contributedByMe: true }) { totalCount edges { node { kind value distribution note brand { name } } } } }`,
        login.data?.login.token,
      );
      // The demo seed's 4 of Louis Vuitton's, and the 3 imported.
      expect(response.data?.indicators.totalCount).toBe(7);
      expect(response.data?.indicators.edges.map((edge: Json) => edge.node)).toEqual(
        expect.arrayContaining([
          { kind: "PHONE", value: "+8613900139000", distribution: "MATCH_ONLY", note: 'seen on 3 stores, "AAA" grade', brand: null },
          { kind: "SELLER", value: "TAOBAO:store-77", distribution: "ALLIANCE_ANONYMOUS", note: null, brand: { name: "Louis Vuitton" } },
        ]),
      );
      // The CLI and the server hash with the same secret, kept in DATA_DIR: a value filter finds the imported phone.
      const byValue = await gql(running.url, `{ indicators(filter: { value: { kind: PHONE, value: "0086 139 0013 9000" } }) { totalCount } }`, login.data?.login.token);
      expect(byValue.data?.indicators.totalCount).toBe(1);
    } finally {
      await running.close();
    }
  });

  it("refuses to start on invalid configuration, naming the variable", () => {
    expect(() => loadConfig({ ...env, PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ DATABASE_URL: "postgres://x/y" })).toThrow(/JWT_SECRET: required when DATABASE_URL is set/);
    expect(() => loadConfig({ DATABASE_URL: "postgres://x/y", JWT_SECRET: "s".repeat(40) })).toThrow(
      /INTEL_HMAC_SECRET: required when DATABASE_URL is set/,
    );
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "s".repeat(40) })).toThrow(/INTEL_HMAC_SECRET: required when NODE_ENV=production/);
    expect(() => loadConfig({ ...env, DATABASE_URL: undefined, API_WORKERS: "2" })).toThrow(/API_WORKERS: above 1 needs DATABASE_URL/);
    expect(() => loadConfig({ ...env, API_WORKERS: "0" })).toThrow(/API_WORKERS/);
    expect(() => loadConfig({ ...env, DATABASE_URL: undefined, DATABASE_REPLICA_URLS: "postgres://r/y" })).toThrow(
      /DATABASE_REPLICA_URLS: needs DATABASE_URL/,
    );
    const server = { DATABASE_URL: "postgres://p/y", JWT_SECRET: "s".repeat(40), INTEL_HMAC_SECRET: "i".repeat(40) };
    expect(() => loadConfig({ ...server, DATABASE_REPLICA_URLS: "postgres://r1/y,mysql://r2/y" })).toThrow(
      /DATABASE_REPLICA_URLS: must be postgres:\/\/ URLs separated by commas/,
    );
    expect(loadConfig({ ...server, DATABASE_REPLICA_URLS: "postgres://r1/y,postgresql://r2/y" }).database).toMatchObject({
      replicaUrls: ["postgres://r1/y", "postgresql://r2/y"],
    });
  });

  it("says in a line which server it cannot reach, and exits; so does the CLI", async () => {
    const server = { DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/alliance" };
    const said =
      "Cannot use the PostgreSQL server of DATABASE_URL (127.0.0.1:1/alliance): connect ECONNREFUSED 127.0.0.1:1. " +
      "Check that it is running, and that DATABASE_URL names it, its database and a user that may connect";
    const refused = await failedStart(server);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(said);
    const cliRefused = await failedRun(["src/cli/main.ts", "token", "--email", "analyst@swarovski.example"], server);
    expect(cliRefused.code).toBe(1);
    expect(cliRefused.stderr.trim()).toBe(said);
  });

  (serverUrl ? it : it.skip)("names the replica it cannot reach, not the primary", async () => {
    const database = await createEmptyServerDatabase();
    try {
      const refused = await failedStart({ DATABASE_URL: database.url, DATABASE_REPLICA_URLS: "postgres://postgres@127.0.0.1:1/alliance" });
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(
        "Cannot use the PostgreSQL server of DATABASE_REPLICA_URLS (127.0.0.1:1/alliance): connect ECONNREFUSED 127.0.0.1:1. " +
          "Check that it is running, and that DATABASE_REPLICA_URLS names it, its database and a user that may connect",
      );
    } finally {
      await database.drop();
    }
  });

  it("serves from one process on the embedded database, and from one per core on a server", () => {
    expect(loadConfig({ ...env, DATABASE_URL: undefined }).workers).toBe(1);
    const server = { ...env, DATABASE_URL: "postgres://x/y", JWT_SECRET: "s".repeat(40), INTEL_HMAC_SECRET: "i".repeat(40) };
    expect(loadConfig(server).workers).toBe(availableParallelism());
    expect(loadConfig({ ...server, API_WORKERS: "3" }).workers).toBe(3);
  });

  // Ctrl-C after a request ended the process by the signal, before the embedded database was
  // closed (Apollo's own signal handler raised it again), and cut any request in flight. The start
  // and the stop are a log line each.
  it("stops on Ctrl-C in order: a request in flight gets its answer, the database is closed, and it exits 0, logging its start and stop", async () => {
    // As npm start runs it: Apollo installs its own signal handlers outside NODE_ENV=test.
    const child = spawn("node", ["-r", "ts-node/register/transpile-only", "src/main.ts"], {
      env: { ...childEnv(), API_WORKERS: "1", NODE_ENV: "development", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    let output = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      while (!/Alliance API at (\S+)/.test(output)) {
        if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [, url] = /Alliance API at (\S+)/.exec(output)!;
      const signIn = async () =>
        (await gql(url, `mutation { login(email: "analyst@swarovski.example", password: "${DEMO_PASSWORD}") { token } }`)).data?.login.token;
      expect(await signIn()).toEqual(expect.any(String));
      if (serverUrl) {
        // A sign-in held in the database (its attempt waits on the locked table) while the stop begins.
        const holder = new Client({ connectionString: env.DATABASE_URL });
        await holder.connect();
        await holder.query("BEGIN");
        await holder.query("LOCK TABLE login_failure IN ACCESS EXCLUSIVE MODE");
        const inFlight = signIn();
        const waiting = async () =>
          (await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n;
        while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        child.kill("SIGINT");
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(child.exitCode).toBeNull();
        await holder.query("COMMIT");
        await holder.end();
        expect(await inFlight).toEqual(expect.any(String));
      } else {
        child.kill("SIGINT");
      }
      expect(await exited).toBe(0);
      const lines = logLinesIn(stderr);
      expect(lines.filter((line) => line.message === "server started")).toEqual([
        { time: expect.any(String), level: "info", message: "server started", address: url, workers: 1, database: serverUrl ? "server" : "embedded" },
      ]);
      expect(lines.filter((line) => line.message === "server stopped")).toEqual([
        { time: expect.any(String), level: "info", message: "server stopped", signal: "SIGINT", drainedRequests: serverUrl ? 1 : 0, cutRequests: 0, durationMs: expect.any(Number) },
      ]);
    } finally {
      child.kill("SIGKILL");
    }
    // The embedded database's folder is free at once: the CLI opens it.
    const { stdout } = await run("node", ["-r", "ts-node/register/transpile-only", "src/cli/main.ts", "token", "--email", "analyst@swarovski.example"], {
      env: childEnv(),
    });
    expect(stdout.trim()).toMatch(/^ey/);
  });

  (serverUrl ? it : it.skip)("runs npm start in worker processes: they serve, a lost one is replaced, SIGTERM stops them all, in one line of the log each", async () => {
    const child = spawn("node", ["-r", "ts-node/register/transpile-only", "src/main.ts"], {
      env: { ...childEnv(), API_WORKERS: "2", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const printed = async (pattern: RegExp) => {
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return pattern.exec(output)!;
    };
    const seen: string[] = [];
    const workerPids = async () => (await run("pgrep", ["-P", String(child.pid)]).catch(() => ({ stdout: "" }))).stdout.split("\n").filter(Boolean);
    try {
      const [, url] = await printed(/Alliance API at (\S+) \(PostgreSQL server, 2 worker processes\)/);
      const workers = await workerPids();
      expect(workers).toHaveLength(2);
      seen.push(...workers);
      // Keep-alive would pin one connection to one worker; each request here is a new connection.
      const ask = async () => {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", connection: "close" },
          body: JSON.stringify({ query: `mutation { login(email: "analyst@swarovski.example", password: "${DEMO_PASSWORD}") { token } }` }),
        });
        return ((await response.json()) as Json).data?.login.token;
      };
      for (let i = 0; i < 4; i++) expect(await ask()).toEqual(expect.any(String));
      process.kill(Number(workers[0]), "SIGKILL");
      await printed(new RegExp(`API worker ${workers[0]} stopped \\(SIGKILL\\); starting another`));
      while ((await workerPids()).length !== 2 || (await workerPids()).includes(workers[0])) await new Promise((resolve) => setTimeout(resolve, 100));
      for (let i = 0; i < 4; i++) expect(await ask()).toEqual(expect.any(String));
      seen.push(...(await workerPids()));
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
    const alive = (pid: string) => {
      try {
        return process.kill(Number(pid), 0);
      } catch {
        return false;
      }
    };
    expect(seen).toHaveLength(4);
    expect(seen.filter(alive)).toEqual([]);
    const lines = logLinesIn(stderr);
    expect(lines.filter((line) => line.message === "server started")).toEqual([
      { time: expect.any(String), level: "info", message: "server started", address: expect.stringMatching(/^http:\/\/localhost:\d+\/graphql$/), workers: 2, database: "server" },
    ]);
    // The workers' requests had all ended: nothing was in flight.
    expect(lines.filter((line) => line.message === "server stopped")).toEqual([
      { time: expect.any(String), level: "info", message: "server stopped", signal: "SIGTERM", drainedRequests: 0, cutRequests: 0, durationMs: expect.any(Number) },
    ]);
  }, 180_000);
});
