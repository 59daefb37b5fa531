import { Client } from "pg";
import { loadConfig } from "../../src/config";
import { startApi, type RunningApi } from "../../src/start";
import { serverUrl } from "../support/test-env";
import { createEmptyServerDatabase } from "../support/test-database";

// A stop of the server while a mutation is still running in the database (its statement waits on
// a lock another connection holds): it waits for the request, not only for its connection, and a
// request still running when it stops waiting is answered SERVICE_UNAVAILABLE, not cut off or
// logged as a fault. Holding the lock takes a second connection: a PostgreSQL server.
const onServer = serverUrl ? describe : describe.skip;

// Stops wait up to 10 s for the requests in flight (src/start.ts).
jest.setTimeout(60_000);

let database: Awaited<ReturnType<typeof createEmptyServerDatabase>>;
let running: RunningApi | undefined;
let holder: Client;
let stderr: jest.SpyInstance;
beforeEach(async () => {
  database = await createEmptyServerDatabase();
  // Production seeds nothing: a sign-in for an address that has no account is the mutation. Its
  // statement waits on the lock for as long as the test holds it.
  const config = loadConfig({
    NODE_ENV: "production",
    PORT: "0",
    DATABASE_URL: database.url,
    JWT_SECRET: "s".repeat(40),
    INTEL_HMAC_SECRET: "i".repeat(40),
    LOG_LEVEL: "info",
    DB_LOCK_TIMEOUT_MS: "0",
  });
  running = await startApi(config);
  holder = new Client({ connectionString: database.url });
  await holder.connect();
  stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
});
afterEach(async () => {
  stderr.mockRestore();
  await holder.end();
  await running?.close();
  await database.drop();
});

// The server's log lines (JSON on stderr) since the test began.
const logged = () => stderr.mock.calls.map(([line]) => JSON.parse(String(line)) as { level: string; message: string } & Record<string, unknown>);

const SIGN_IN = `mutation { login(email: "nobody@nowhere.example", password: "not the password") { token } }`;
const signIn = (url: string, signal?: AbortSignal) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: SIGN_IN }), signal });

// The sign-in's first statement, counting its attempt, waits on the locked table.
async function signInWaiting(): Promise<void> {
  await holder.query("BEGIN");
  await holder.query("LOCK TABLE login_failure IN ACCESS EXCLUSIVE MODE");
}
async function untilWaiting(): Promise<void> {
  const waiting = async () =>
    (await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n;
  while ((await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
}
const attempts = async () => (await holder.query(`SELECT failures, checking FROM login_failure`)).rows;

onServer("stopping the server", () => {
  it("waits for a request whose client gave up, and finishes it before closing the database", async () => {
    await signInWaiting();
    const gaveUp = new AbortController();
    const request = signIn(running!.url, gaveUp.signal).catch(() => "gave up");
    await untilWaiting();
    gaveUp.abort();
    expect(await request).toBe("gave up");

    let stopped = false;
    const stopping = running!.close().then(() => (stopped = true));
    running = undefined;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stopped).toBe(false);
    await holder.query("COMMIT");
    await stopping;
    // The failed sign-in was counted and settled: checked, and kept as a failure.
    expect(await attempts()).toEqual([{ failures: 1, checking: 0 }]);
    expect(logged().filter((line) => line.level !== "info")).toEqual([]);
  });

  it("answers a request still running when it stops waiting SERVICE_UNAVAILABLE, logging no fault", async () => {
    await signInWaiting();
    const request = signIn(running!.url);
    await untilWaiting();
    const stopping = running!.close();
    running = undefined;
    // Past the stop's 10 s: the database closes under the request, which goes on once the lock is let go.
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    await holder.query("COMMIT");
    const response = await request;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: null,
      errors: [
        {
          message:
            "The server stopped during this field's work, which failed; send the request again " +
            "(a change it was making may have been made all the same: look before sending it again)",
          path: ["login"],
          extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 1 },
        },
      ],
    });
    await stopping;
    expect(logged().filter((line) => line.level !== "info")).toEqual([]);
    expect(logged()).toContainEqual(expect.objectContaining({ message: "request", operationType: "mutation", outcome: "error", errorCodes: ["SERVICE_UNAVAILABLE"] }));
  });
});
