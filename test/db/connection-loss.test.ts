import { Client } from "pg";
import { primaryPool } from "../../src/db/read-routing";
import { UserRole } from "../../src/entities/enums";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { besidesRequestLines, logLines } from "../support/log-lines";
import { createCast, gid, type Cast } from "../support/personas";
import { serverUrl } from "../support/test-env";
import { startTestApi, type TestApi } from "../support/test-api";

// What a client is told of a database out of reach: SERVICE_UNAVAILABLE, never the driver's words.
const OUTAGE_BEFORE_RUNNING = {
  message: "The database cannot be reached now: the credentials could not be checked, and nothing was done; send the request again in a few seconds",
  extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 5 },
};
const UNREACHABLE_AT_FIELD = {
  message: "The database cannot be reached now, and what needed it (the error's path says which field) was not done; retry in a few seconds",
  extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 5 },
};
const AUDIT_UNAVAILABLE = {
  message:
    "The database cannot be reached now: the sensitive fields this request read could not be recorded in the audit log, so its answer is withheld; " +
    "send the request again in a few seconds (a change it made was made all the same: look before sending it again)",
  extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 5 },
};
const LOST_AT_FIELD = {
  message:
    "The connection to the database was lost during this field's work, which failed; retry in a few seconds " +
    "(a change it was making may have been made all the same: look before sending it again)",
  extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 5 },
};

async function asAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const databaseOf = async (api: TestApi): Promise<string> => (await api.dataSource.query(`SELECT current_database()`))[0].current_database;

// Ends the API's connections to its database, as a restart or an operator would.
async function terminateBackends(api: TestApi, which = "true"): Promise<number> {
  const database = await databaseOf(api);
  const { rowCount } = await asAdmin((admin) =>
    admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND ${which}`, [database]),
  );
  return rowCount ?? 0;
}

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
  // one is answered SERVICE_UNAVAILABLE (the whole request when its credentials could not be
  // checked, else the field). Either way the API serves again without a restart.
  it("serves again after the server drops every connection, failing only cleanly meanwhile", async () => {
    const query = `{ infringements(first: 5) { totalCount } }`;
    expect((await api.gql(query, {}, cast.brandAAnalyst.as)).errors).toBeUndefined();

    await terminateBackends(api);

    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const response = await api.gql<{ infringements: { totalCount: number } }>(query, {}, cast.brandAAnalyst.as);
      if (!response.errors) {
        expect(response.data?.infringements.totalCount).toBe(2);
        outcomes.push("ok");
        break;
      }
      expect([[OUTAGE_BEFORE_RUNNING], [{ ...LOST_AT_FIELD, path: ["infringements"] }]]).toContainEqual(response.errors);
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

// A database out of reach is the server being unavailable, not failing: answered
// SERVICE_UNAVAILABLE as a busy pool is (HTTP 503 and Retry-After when nothing of the request ran),
// and logged as one warning line rather than an error and its stack per request.
onServer("a database out of reach", () => {
  let api: TestApi;
  let cast: Cast;
  let log: ReturnType<typeof logLines>;
  beforeEach(async () => {
    log = logLines();
    api = await startTestApi({}, { logger: log.logger });
    cast = await createCast(api);
  });
  afterEach(() => api.close());

  // Sends `request` while another session holds `table` locked, ends the backend left waiting for the
  // lock (the request's, on a connection of its own), and answers what the request got.
  async function answeredOnceItsWaitIsEnded<T>(table: string, request: () => Promise<T>): Promise<T> {
    const holder = new Client({ connectionString: (api.dataSource.options as { url: string }).url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    try {
      const answer = request();
      while ((await terminateBackends(api, "wait_event_type = 'Lock'")) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      return await answer;
    } finally {
      await holder.end();
    }
  }

  const CONNECTION_LOST_LINE = {
    level: "warn",
    message: "database connection lost",
    fields: { requestId: expect.any(String), error: "terminating connection due to administrator command", code: "57P01", moreSinceLastLine: 0 },
  };

  it("answers a statement whose connection is ended under it SERVICE_UNAVAILABLE at its field, in one warning line", async () => {
    // The API's read of the keys waits behind the lock until its wait is ended.
    const response = await answeredOnceItsWaitIsEnded("api_key", () => api.gql(`{ apiKeys(first: 1) { totalCount } }`, {}, cast.brandAAdmin.as));
    expect(response.status).toBe(200);
    expect(response.errors).toEqual([{ ...LOST_AT_FIELD, path: ["apiKeys"] }]);
    expect(besidesRequestLines(log.lines)).toEqual([CONNECTION_LOST_LINE]);
    expect((await api.gql(`{ apiKeys(first: 1) { totalCount } }`, {}, cast.brandAAdmin.as)).errors).toBeUndefined();
  });

  // A sensitive read is not answered without its audit record (src/api/sensitive-read-audit.plugin.ts).
  it("answers a read of seller identity whose audit record meets the outage 503 and Retry-After, without the data, in one warning line", async () => {
    const sensitiveReads = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM audit_event WHERE action = 'sensitive.read'`))[0].n);
    const read = () =>
      fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${(cast.platformAnalyst.as as { token: string }).token}` },
        body: JSON.stringify({ query: `query($id: ID!) { seller(id: $id) { registeredName } }`, variables: { id: gid("Seller", cast.seller.id) } }),
      });
    // The audit's write waits behind the lock until its wait is ended.
    const response = await answeredOnceItsWaitIsEnded("audit_event", read);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ errors: [AUDIT_UNAVAILABLE] });
    expect(besidesRequestLines(log.lines)).toEqual([CONNECTION_LOST_LINE]);
    expect(log.lines).toContainEqual({
      level: "info",
      message: "request",
      fields: expect.objectContaining({ principal: "USER", outcome: "error", errorCodes: ["SERVICE_UNAVAILABLE"], status: 503 }),
    });
    expect(await sensitiveReads()).toBe(0);
    const again = await read();
    expect(again.status).toBe(200);
    expect(((await again.json()) as { data: unknown }).data).toEqual({ seller: { registeredName: "Yiwu Example Trading Co." } });
    expect(await sensitiveReads()).toBe(1);
  });

  it("reads only the driver's errors as an outage, not a client's words that name one", async () => {
    const response = await api.gql(`{ ECONNRESET }`, {}, cast.brandAAnalyst.as);
    expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } })]);
    expect(response.errors![0].message).toMatch(/ECONNRESET/);
    expect(besidesRequestLines(log.lines)).toEqual([]);
  });

  it("answers 503 and Retry-After while the database refuses the API, login at its field, in one warning line, and serves again after without a restart", async () => {
    const database = await databaseOf(api);
    const dashboard = `{ infringements(first: 5) { totalCount } }`;
    const user = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
    const login = `mutation { login(email: "${user.email}", password: "${TEST_PASSWORD}") { token } }`;
    await asAdmin((admin) => admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`));
    try {
      await terminateBackends(api);
      // The pool has dropped its ended connections: the requests need new ones.
      while (primaryPool(api.dataSource).totalCount > 0) await new Promise((resolve) => setTimeout(resolve, 20));

      const response = await fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${(cast.brandAAnalyst.as as { token: string }).token}` },
        body: JSON.stringify({ query: dashboard }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(((await response.json()) as { errors: unknown }).errors).toEqual([OUTAGE_BEFORE_RUNNING]);

      const signIn = await api.gql(login);
      expect(signIn.status).toBe(200);
      expect(signIn.errors).toEqual([{ ...UNREACHABLE_AT_FIELD, path: ["login"] }]);

      expect(besidesRequestLines(log.lines)).toEqual([
        {
          level: "warn",
          message: "database unreachable",
          fields: { requestId: expect.any(String), error: `database "${database}" is not currently accepting connections`, code: "55000", moreSinceLastLine: 0 },
        },
      ]);
    } finally {
      await asAdmin((admin) => admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`));
    }
    const again = await api.gql<{ infringements: { totalCount: number } }>(dashboard, {}, cast.brandAAnalyst.as);
    expect(again.errors).toBeUndefined();
    expect(again.data?.infringements.totalCount).toBe(2);
    expect((await api.gql<{ login: { token: string } }>(login)).data?.login.token).toEqual(expect.any(String));
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
      // The credential check's read is the request's first statement: nothing of it ran.
      expect((answer as { status: number; errors?: unknown }).status).toBe(503);
      expect((answer as { errors?: unknown }).errors).toEqual([OUTAGE_BEFORE_RUNNING]);
    } finally {
      for (const pid of backends) process.kill(pid, "SIGCONT");
      await admin.end();
    }
    let served = false;
    for (let attempt = 0; attempt < 10 && !served; attempt += 1) served = !(await api.gql(query, {}, cast.brandAAnalyst.as)).errors;
    expect(served).toBe(true);
  });
});
