import { Client } from "pg";
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
    // Every connection of the API's pool busy for 4 s: its SELECT 1 waits for one.
    const busy = Array.from({ length: 10 }, () => api.dataSource.query("SELECT pg_sleep(4)"));
    const started = Date.now();
    const response = await fetch(healthz);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "database unavailable" });
    expect(Date.now() - started).toBeLessThan(3_500);
    await Promise.all(busy);
    expect((await fetch(healthz)).status).toBe(200);
  });
});
