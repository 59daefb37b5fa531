import { Client } from "pg";
import { Scope } from "../../src/auth/scopes";
import { InfringementStatus, UserRole } from "../../src/entities/enums";
import { createApiKeyRow, createInfringement, createListing, createUser } from "../support/factories";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { databaseUrl, serverUrl } from "../support/test-env";
import { startTestApi, type TestApi } from "../support/test-api";

// A request's credential is checked when it arrives; a key revoked, or a user disabled, before its
// write commits must not see the write commit after the revocation (src/auth/live-credential.ts).
// The write is held mid-transaction by a row another connection locks, which the embedded
// database, with its one connection, cannot do.
const onServer = serverUrl ? describe : describe.skip;

onServer("a write in flight when its credential is revoked", () => {
  let api: TestApi;
  let cast: Cast;
  beforeAll(async () => {
    api = await startTestApi();
    cast = await createCast(api);
  });
  afterAll(() => api.close());

  const REVIEW = `mutation($id: ID!) { reviewInfringement(input: { id: $id, status: UNDER_REVIEW }) { status } }`;
  const VIEWER = `{ viewer { name } }`;

  const statusOf = async (id: string) => (await api.dataSource.query(`SELECT status FROM suspected_infringement WHERE id = $1`, [id]))[0].status;

  async function waitFor(condition: () => Promise<boolean>) {
    for (let tries = 0; !(await condition()); tries++) {
      if (tries > 500) throw new Error("timed out waiting");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // Sends the review as `as`, and once it waits inside its transaction on the case's row (held by
  // another connection), revokes its credential with `revoke`; then lets it go on.
  async function reviewRevokedInFlight(as: Persona["as"], revoke: () => Promise<void>) {
    const infringement = await createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, cast.seller, { title: "AA replica" }));
    const [{ current_database: database }] = await api.dataSource.query(`SELECT current_database()`);
    const holder = new Client({ connectionString: databaseUrl(serverUrl!, database) });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT id FROM suspected_infringement WHERE id = $1 FOR UPDATE`, [infringement.id]);
      const review = api.gql(REVIEW, { id: gid("Infringement", infringement.id) }, as);
      await waitFor(async () => {
        const { rows } = await holder.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [database]);
        return rows[0].waiting === 1;
      });
      await revoke();
      await holder.query("ROLLBACK");
      return { response: await review, status: await statusOf(infringement.id) };
    } finally {
      await holder.end();
    }
  }

  it("refuses the write of an API key revoked meanwhile, as the key's next request is refused", async () => {
    const { apiKey, secret } = await createApiKeyRow(api.dataSource, cast.brandA.org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
    const { response, status } = await reviewRevokedInFlight({ apiKey: secret }, async () => {
      const revoked = await api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: gid("ApiKey", apiKey.id) }, cast.brandAAdmin.as);
      expect(revoked.errors).toBeUndefined();
    });
    const next = await api.gql(VIEWER, {}, { apiKey: secret });
    expect(next.errors?.[0]).toMatchObject({ message: "Invalid, expired or revoked API key", extensions: { code: "UNAUTHENTICATED" } });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ message: next.errors?.[0].message, extensions: next.errors?.[0].extensions });
    expect(status).toBe(InfringementStatus.FLAGGED);
  });

  it("refuses the write of a user disabled meanwhile, as the user's next request is refused", async () => {
    const analyst = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
    const as = { token: (await api.tokens.sign({ userId: analyst.id, orgId: cast.brandA.org.id })).token };
    const { response, status } = await reviewRevokedInFlight(as, async () => {
      const disabled = await api.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: gid("User", analyst.id) }, cast.brandAAdmin.as);
      expect(disabled.errors).toBeUndefined();
    });
    const next = await api.gql(VIEWER, {}, as);
    expect(next.errors?.[0]).toMatchObject({ message: "This account is disabled; ask your organization's admin", extensions: { code: "UNAUTHENTICATED" } });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ message: next.errors?.[0].message, extensions: next.errors?.[0].extensions });
    expect(status).toBe(InfringementStatus.FLAGGED);
  });
});
