import { Client } from "pg";
import { primaryPool } from "../../src/db/read-routing";
import { createCast, type Cast } from "../support/personas";
import { serverUrl } from "../support/test-env";
import { startTestApi, type TestApi } from "../support/test-api";

// A PostgreSQL server can drop connections (restart, failover, idle timeouts). Requests that hit
// a dead connection must fail cleanly, and the next ones must work without restarting the API.
// The embedded database runs in-process and has no connection to lose.
const onServer = serverUrl ? describe : describe.skip;

onServer("losing database connections", () => {
  let api: TestApi;
  let cast: Cast;
  beforeAll(async () => {
    api = await startTestApi();
    cast = await createCast(api);
  });
  afterAll(() => api.close());

  // The pool notices a dropped idle connection and replaces it; a request that still meets a dead
  // one gets a clean INTERNAL_SERVER_ERROR. Either way the API serves again without a restart.
  it("serves again after the server drops every connection, failing only cleanly meanwhile", async () => {
    const query = `{ infringements(first: 5) { totalCount } }`;
    expect((await api.gql(query, {}, cast.brandAAnalyst.as)).errors).toBeUndefined();

    const [{ current_database: database }] = await api.dataSource.query(`SELECT current_database()`);
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);

    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const response = await api.gql<{ infringements: { totalCount: number } }>(query, {}, cast.brandAAnalyst.as);
      if (!response.errors) {
        expect(response.data?.infringements.totalCount).toBe(2);
        outcomes.push("ok");
        break;
      }
      expect(response.errors).toEqual([
        { message: "Internal server error; the x-request-id response header identifies it in the logs", extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ]);
      outcomes.push("failed cleanly");
    }
    expect(outcomes.at(-1)).toBe("ok");
  });

  // A load balancer asks /healthz: a database that does not answer is down, not a hung check.
  it("answers /healthz with 503 within seconds when the database does not answer, and ok again after", async () => {
    const healthz = api.url.replace(/\/graphql$/, "/healthz");
    expect((await fetch(healthz)).status).toBe(200);
    // Every connection of the API's pool busy for 6 s: its SELECT 1 waits for one.
    const busy = Array.from({ length: 10 }, () => api.dataSource.query("SELECT pg_sleep(6)"));
    const started = Date.now();
    const response = await fetch(healthz);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "database unavailable" });
    expect(Date.now() - started).toBeLessThan(3_500);
    // Checks meanwhile share the one SELECT 1 still waiting for a connection, rather than each queue another.
    const pool = primaryPool(api.dataSource);
    const queued = pool.waitingCount;
    const checks = Array.from({ length: 5 }, () => fetch(healthz));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pool.waitingCount).toBe(queued);
    await Promise.all(checks);
    await Promise.all(busy);
    expect((await fetch(healthz)).status).toBe(200);
  });
});

// A server that stops answering (frozen, or cut off without a reset) cannot apply its own
// statement_timeout: the client gives up on its own a few seconds later. Stopping its backends
// takes a server on this machine that this user may signal.
const canFreezeBackends = Boolean(serverUrl && /@(127\.0\.0\.1|localhost)[:/]/.test(serverUrl) && process.getuid?.() === 0);

(canFreezeBackends ? describe : describe.skip)("a server that stops answering", () => {
  let api: TestApi;
  let cast: Cast;
  beforeAll(async () => {
    api = await startTestApi({ DB_STATEMENT_TIMEOUT_MS: "300" });
    cast = await createCast(api);
  });
  afterAll(() => api.close());

  it("fails a request a few seconds after the statement timeout, and serves again once it answers", async () => {
    const query = `{ infringements(first: 5) { totalCount } }`;
    expect((await api.gql(query, {}, cast.brandAAnalyst.as)).errors).toBeUndefined();
    const [{ current_database: database }] = await api.dataSource.query(`SELECT current_database()`);
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    const backends = (await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database])).rows.map((row) => Number(row.pid));
    expect(backends.length).toBeGreaterThan(0);
    const started = Date.now();
    try {
      for (const pid of backends) process.kill(pid, "SIGSTOP");
      const answer = await Promise.race([
        api.gql(query, {}, cast.brandAAnalyst.as),
        new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 15_000)),
      ]);
      expect(answer).not.toBe("hung");
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((answer as { errors?: { extensions?: { code?: string } }[] }).errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      for (const pid of backends) process.kill(pid, "SIGCONT");
      await admin.end();
    }
    let served = false;
    for (let attempt = 0; attempt < 10 && !served; attempt += 1) served = !(await api.gql(query, {}, cast.brandAAnalyst.as)).errors;
    expect(served).toBe(true);
  });
});
