import { Client } from "pg";
import { createCast, gid, type Cast } from "../support/personas";
import { serverUrl } from "../support/test-env";
import { startTestApi, type TestApi } from "../support/test-api";

// A statement the database stops at DB_STATEMENT_TIMEOUT_MS is answered TIMEOUT at its field, not
// INTERNAL_SERVER_ERROR, and what it was doing was not done. The embedded database has no
// statement timeout, and a second session is needed to hold the rows.
const onServer = serverUrl ? describe : describe.skip;

const DASHBOARD = `{ infringements(first: 5) { totalCount } }`;
const REVIEW = `mutation($id: ID!) { reviewInfringement(input: { id: $id, status: UNDER_REVIEW, note: "looking" }) { status } }`;
const TIMEOUT = {
  message:
    "The database stopped this field's work: it ran longer than the server allows a statement (or an operator cancelled it), and what it was doing was not done; " +
    "ask for less (narrower filters, a smaller page) or try again later",
  extensions: { code: "TIMEOUT" },
};

onServer("a statement past DB_STATEMENT_TIMEOUT_MS", () => {
  let api: TestApi;
  let cast: Cast;
  let holder: Client;
  beforeAll(async () => {
    // Lock waits count towards the statement timeout; without a lock timeout, they end by it.
    api = await startTestApi({ DB_STATEMENT_TIMEOUT_MS: "500", DB_LOCK_TIMEOUT_MS: "0" });
    cast = await createCast(api);
  });
  beforeEach(async () => {
    holder = new Client({ connectionString: (api.dataSource.options as { url: string }).url });
    await holder.connect();
    await holder.query("BEGIN");
  });
  afterEach(() => holder.end());
  afterAll(() => api.close());

  it("answers a list that waited past it TIMEOUT at the list's path", async () => {
    await holder.query("LOCK TABLE suspected_infringement IN ACCESS EXCLUSIVE MODE");
    const response = await api.gql(DASHBOARD, {}, cast.brandAAnalyst.as);
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([{ ...TIMEOUT, path: ["infringements"] }]);
    await holder.query("COMMIT");
    const again = await api.gql<{ infringements: { totalCount: number } }>(DASHBOARD, {}, cast.brandAAnalyst.as);
    expect(again.errors).toBeUndefined();
    expect(again.data?.infringements.totalCount).toBe(2);
  });

  it("answers a change that waited past it TIMEOUT, and leaves the case as it was", async () => {
    await holder.query("SELECT 1 FROM suspected_infringement WHERE id = $1 FOR UPDATE", [cast.infringementA.id]);
    const response = await api.gql(REVIEW, { id: gid("Infringement", cast.infringementA.id) }, cast.brandAAnalyst.as);
    expect(response.errors).toEqual([{ ...TIMEOUT, path: ["reviewInfringement"] }]);
    await holder.query("COMMIT");
    const [{ status, notes }] = await api.dataSource.query(
      `SELECT status, (SELECT count(*)::int FROM infringement_note WHERE infringement_id = $1) AS notes FROM suspected_infringement WHERE id = $1`,
      [cast.infringementA.id],
    );
    expect({ status, notes }).toEqual({ status: cast.infringementA.status, notes: 0 });
  });
});
