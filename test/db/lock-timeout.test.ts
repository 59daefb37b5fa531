import { Client } from "pg";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { createOrganization, createUser, TEST_PASSWORD } from "../support/factories";
import { createCast, gid, type Cast } from "../support/personas";
import { databaseUrl, serverUrl } from "../support/test-env";
import { startTestApi, type TestApi } from "../support/test-api";

// A transaction that holds a row and does not let go (a stuck client, a long batch) must not hold
// the API with it: a change waiting on that row gives up after DB_LOCK_TIMEOUT_MS, a few times,
// and is told to send it again; reads go on meanwhile, and work that waits outside a transaction
// (a sign-in, a read of a locked table) is told to send it again too. The embedded database has one connection,
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

  // A second session of the test's database, in a transaction, to hold rows or tables.
  async function holding<T>(lock: string, work: () => Promise<T>): Promise<T> {
    const [{ current_database: database }] = await api.dataSource.query(`SELECT current_database()`);
    const holder = new Client({ connectionString: databaseUrl(serverUrl!, database) });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(lock);
      return await work();
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
  }

  const SEND_AGAIN = "This field's work waited on records another transaction held, or met a concurrent change to them, and was not done; send it again";

  // Work outside a transaction that inTransaction runs again (a sign-in's statements, a list's) meets the
  // same lock timeout once: the field is answered CONFLICT, to send again, as a change is after its attempts.
  it("answers a sign-in that waits on its address's throttle row CONFLICT, to send again, and lets it in after", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const { email } = await createUser(api.dataSource, org, UserRole.ANALYST);
    const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
    const refused = await holding(`LOCK TABLE login_failure IN EXCLUSIVE MODE`, () => api.gql(LOGIN, { email, password: TEST_PASSWORD }));
    expect(refused.errors).toEqual([{ message: SEND_AGAIN, path: ["login"], extensions: { code: "CONFLICT" } }]);
    const again = await api.gql<{ login: { token: string } }>(LOGIN, { email, password: TEST_PASSWORD });
    expect(again.errors).toBeUndefined();
    expect(again.data?.login.token).toEqual(expect.any(String));
  });

  it("answers a list that waits on a locked table CONFLICT at its path, to send again", async () => {
    const read = await holding(`LOCK TABLE suspected_infringement IN ACCESS EXCLUSIVE MODE`, () =>
      api.gql(`{ infringements(first: 5) { totalCount } }`, {}, cast.brandAAnalyst.as),
    );
    expect(read.errors).toEqual([{ message: SEND_AGAIN, path: ["infringements"], extensions: { code: "CONFLICT" } }]);
  });

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
