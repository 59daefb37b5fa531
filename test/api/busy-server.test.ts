import { Client } from "pg";
import { createCast, type Cast } from "../support/personas";
import { listingRecord } from "../support/listing-records";
import { serverUrl } from "../support/test-env";
import { startTestApi, type TestApi } from "../support/test-api";

// A busy server answers what it cannot take now with a code to retry on, and one client's load
// does not take the connections every other member's requests need. Both need a server's pool
// and a second session holding rows: the embedded database has one connection.
const onServer = serverUrl ? describe : describe.skip;

const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted } }`;
const DASHBOARD = `{ infringements(first: 5) { totalCount } }`;

onServer("a busy server", () => {
  let api: TestApi;
  let cast: Cast;
  beforeAll(async () => {
    // The test database's pool holds 5 connections; a request waits 1 s for one.
    api = await startTestApi({ DB_CONNECT_TIMEOUT_MS: "1000", DB_LOCK_TIMEOUT_MS: "60000", INGEST_CONCURRENCY: "1" });
    cast = await createCast(api);
  });
  afterAll(() => api.close());

  it("answers SERVICE_UNAVAILABLE, HTTP 503 with Retry-After, while every database connection is taken, and serves again after", async () => {
    const taken = Array.from({ length: 5 }, () => api.dataSource.query("SELECT pg_sleep(2.5)"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${(cast.brandAAnalyst.as as { token: string }).token}` },
      body: JSON.stringify({ query: DASHBOARD }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toEqual([
      {
        message: "The server is busy: no database connection came free to check the credentials, and nothing was done; send the request again",
        extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 1 },
      },
    ]);
    await Promise.all(taken);
    const again = await api.gql<{ infringements: { totalCount: number } }>(DASHBOARD, {}, cast.brandAAnalyst.as);
    expect(again.errors).toBeUndefined();
    expect(again.data?.infringements.totalCount).toBe(2);
  });

  // Calls sharing a store wait on one another's row locks in the database. Each process writes
  // INGEST_CONCURRENCY calls at a time (1 here),
  // holds 16 more waiting without a connection, and refuses the rest.
  it("writes ingestListings calls a few at a time, keeps 16 waiting and refuses more, while other members' requests are served", async () => {
    const store = { externalId: `busy-store-${Date.now()}`, name: "Busy Store", openedAt: "2019-01-01T00:00:00.000Z", brandCount: 2 };
    const first = await api.gql(INGEST, { listings: [listingRecord({ seller: store })] }, cast.platformAnalyst.as);
    expect(first.errors).toBeUndefined();

    // Another session holds the store's row: the call in its turn waits for it, in the database.
    const holder = new Client({ connectionString: (api.dataSource.options as { url: string }).url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT 1 FROM seller WHERE external_id = $1 FOR UPDATE", [store.externalId]);
    try {
      const records = Array.from({ length: 20 }, () => listingRecord({ seller: store }));
      const answers: { status: number; code?: string; retryAfter?: unknown }[] = [];
      const calls = records.map((record) =>
        api.gql(INGEST, { listings: [record] }, cast.platformAnalyst.as).then((response) => {
          const answer = { status: response.status, code: response.errors?.[0]?.extensions?.code, retryAfter: response.errors?.[0]?.extensions?.retryAfterSeconds };
          answers.push(answer);
          return answer;
        }),
      );
      // One call writes (waiting on the row), 16 wait their turn: the other 3 are answered at once.
      while (answers.length < 3) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answers).toEqual(Array.from({ length: 3 }, () => ({ status: 429, code: "RATE_LIMITED", retryAfter: 1 })));

      // The waiting calls hold no connection: a member's dashboard is served meanwhile.
      const dashboard = await api.gql<{ infringements: { totalCount: number } }>(DASHBOARD, {}, cast.brandBAnalyst.as);
      expect(dashboard.errors).toBeUndefined();
      const [{ waiting }] = await api.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      expect(waiting).toBe(1);

      await holder.query("COMMIT");
      const settled = await Promise.all(calls);
      expect(settled.filter((answer) => answer.code === undefined)).toHaveLength(17);
      const [{ stored }] = await api.dataSource.query(`SELECT count(*)::int AS stored FROM listing WHERE external_id = ANY($1)`, [
        records.map((record) => record.externalId),
      ]);
      expect(stored).toBe(17);
    } finally {
      await holder.end();
    }
  });

  // graphql-js resolves a query's root fields at once, and each totalCount is a statement: one
  // organization's requests run READS_PER_ORGANIZATION (2, the default) of those at a time in a process.
  it("runs one organization's lists and counts a few at a time, so that another member's requests still find a connection", async () => {
    const before = await api.gql<{ infringements: { totalCount: number } }>(DASHBOARD, {}, cast.brandBAnalyst.as);
    const lists = Array.from({ length: 5 }, (_, index) => `k${index}: apiKeys(first: 1) { totalCount edges { node { id } } }`).join(" ");
    const holder = new Client({ connectionString: (api.dataSource.options as { url: string }).url });
    await holder.connect();
    await holder.query("BEGIN");
    // Every read of the API keys waits behind this, holding its connection.
    await holder.query("LOCK TABLE api_key IN ACCESS EXCLUSIVE MODE");
    const waitingOnLocks = async () =>
      (
        await api.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%api_key%'`,
        )
      )[0].n as number;
    try {
      const requests = [1, 2].map(() => api.gql<Record<string, { totalCount: number }>>(`{ ${lists} }`, {}, cast.brandAAdmin.as));
      while ((await waitingOnLocks()) < 2) await new Promise((resolve) => setTimeout(resolve, 20));
      // Ten lists asked: two wait in the database, the others wait their turn without a connection.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await waitingOnLocks()).toBe(2);
      const dashboard = await api.gql<{ infringements: { totalCount: number } }>(DASHBOARD, {}, cast.brandBAnalyst.as);
      expect(dashboard.errors).toBeUndefined();
      expect(dashboard.data).toEqual(before.data);

      await holder.query("COMMIT");
      for (const response of await Promise.all(requests)) {
        expect(response.errors).toBeUndefined();
        expect(Object.keys(response.data!)).toHaveLength(5);
      }
    } finally {
      await holder.end();
    }
  });
});

// Once the credentials are checked, a field that finds no connection is that field's error, at its
// path, and the response HTTP 200, not 503: a mutation's change may be made already.
onServer("a field that finds no connection", () => {
  let api: TestApi;
  let cast: Cast;
  beforeAll(async () => {
    // The test database's pool holds 5 connections; every root field of a query may take one.
    api = await startTestApi({ DB_CONNECT_TIMEOUT_MS: "1000", READS_PER_ORGANIZATION: "10" });
    cast = await createCast(api);
  });
  afterAll(() => api.close());

  it("is answered SERVICE_UNAVAILABLE at its path, with HTTP 200", async () => {
    const lists = Array.from({ length: 6 }, (_, index) => `k${index}: apiKeys(first: 1) { edges { node { id } } }`).join(" ");
    const holder = new Client({ connectionString: (api.dataSource.options as { url: string }).url });
    await holder.connect();
    await holder.query("BEGIN");
    // Every read of the API keys waits behind this, holding its connection: five take the pool.
    await holder.query("LOCK TABLE api_key IN ACCESS EXCLUSIVE MODE");
    try {
      const request = api.gql<Record<string, { edges: unknown[] }>>(`{ ${lists} }`, {}, cast.brandAAdmin.as);
      // The sixth waits 1 s for a connection and gives up; then the others may go on.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await holder.query("COMMIT");
      const response = await request;
      expect(response.status).toBe(200);
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 1 } });
      expect(response.errors![0].message).toMatch(/^The server is busy: no database connection came free within 1000 ms/);
      // The field that waited, one of the six; a list is never null, so the answer's data is.
      expect(response.errors![0].path).toEqual([expect.stringMatching(/^k[0-5]$/)]);
      expect(response.data).toBeNull();
    } finally {
      await holder.end();
    }
  });
});
