import { Client } from "pg";
import { InfringementStatus } from "../../src/entities/enums";
import { createCast, gid, type Cast } from "../support/personas";
import { databaseUrl, serverUrl } from "../support/test-env";
import { startTestApi, type TestApi } from "../support/test-api";

// A transaction that holds a row and does not let go (a stuck client, a long batch) must not hold
// the API with it: a change waiting on that row gives up after DB_LOCK_TIMEOUT_MS, a few times,
// and is told to send it again; reads go on meanwhile. The embedded database has one connection,
// and nothing else to wait on.
const onServer = serverUrl ? describe : describe.skip;

onServer("a row locked by another transaction", () => {
  let api: TestApi;
  let cast: Cast;
  beforeAll(async () => {
    api = await startTestApi({ DB_LOCK_TIMEOUT_MS: "200" });
    cast = await createCast(api);
  });
  afterAll(() => api.close());

  it("makes a change that waits on it CONFLICT after the lock timeout, and keeps reads answering", async () => {
    const [{ current_database: database }] = await api.dataSource.query(`SELECT current_database()`);
    const holder = new Client({ connectionString: databaseUrl(serverUrl!, database) });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT id FROM suspected_infringement WHERE id = $1 FOR UPDATE`, [cast.infringementA.id]);
      const review = api.gql(
        `mutation($id: ID!) { reviewInfringement(input: { id: $id, status: UNDER_REVIEW }) { status } }`,
        { id: gid("Infringement", cast.infringementA.id) },
        cast.brandAAnalyst.as,
      );
      // A read while the change waits: it takes no lock, and answers.
      const read = await api.gql<{ infringements: { totalCount: number } }>(`{ infringements(first: 5) { totalCount } }`, {}, cast.brandAAnalyst.as);
      expect(read.data?.infringements.totalCount).toBe(2);
      const refused = await review;
      expect(refused.errors?.[0]).toMatchObject({
        message: "This change met concurrent changes to the same records 5 times running and was not made; send it again",
        extensions: { code: "CONFLICT" },
      });
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    const [{ status }] = await api.dataSource.query(`SELECT status FROM suspected_infringement WHERE id = $1`, [cast.infringementA.id]);
    expect(status).toBe(InfringementStatus.FLAGGED);
  });
});
