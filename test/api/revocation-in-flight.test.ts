import { Client } from "pg";
import { inTransactionAs, lockOrganizationStanding } from "../../src/auth/live-credential";
import { Scope } from "../../src/auth/scopes";
import type { Viewer } from "../../src/auth/viewer";
import { fromGlobalId } from "../../src/schema/global-id";
import type { Brand } from "../../src/entities";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { createApiKeyRow, createBrand, createInfringement, createListing, createOrganization, createUser } from "../support/factories";
import { listingRecord } from "../support/listing-records";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { databaseUrl, serverUrl } from "../support/test-env";
import { startTestApi, type GraphQLResponse, type TestApi } from "../support/test-api";

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

  async function waitFor(condition: () => Promise<boolean>) {
    for (let tries = 0; !(await condition()); tries++) {
      if (tries > 500) throw new Error("timed out waiting");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // Another connection locks a row the write needs (`lock`); once the write waits for it, inside
  // its transaction, its credential is revoked (`revoke`), and the row let go.
  async function revokedInFlight<T>(lock: [string, unknown[]], write: () => Promise<T>, revoke: () => Promise<GraphQLResponse>): Promise<T> {
    const [{ current_database: database }] = await api.dataSource.query(`SELECT current_database()`);
    const holder = new Client({ connectionString: databaseUrl(serverUrl!, database) });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      expect((await holder.query(...lock)).rowCount).toBe(1);
      const written = write();
      await waitFor(async () => {
        const { rows } = await holder.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [database]);
        return rows[0].waiting === 1;
      });
      expect((await revoke()).errors).toBeUndefined();
      await holder.query("ROLLBACK");
      return await written;
    } finally {
      await holder.end();
    }
  }

  // The refusal is the one the credential's next request gets.
  async function expectRefusedAsNext(response: GraphQLResponse, as: Persona["as"], message: string) {
    const next = await api.gql(VIEWER, {}, as);
    expect(next.errors?.[0]).toMatchObject({ message, extensions: { code: "UNAUTHENTICATED" } });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ message, extensions: next.errors?.[0].extensions });
  }

  async function reviewRevokedInFlight(as: Persona["as"], revoke: () => Promise<GraphQLResponse>, brand: Brand = cast.brandA.brand) {
    const listing = await createListing(api.dataSource, cast.seller, { title: "AA replica" });
    const { id } = await createInfringement(api.dataSource, brand, listing);
    const response = await revokedInFlight(
      [`SELECT id FROM suspected_infringement WHERE id = $1 FOR UPDATE`, [id]],
      () => api.gql(REVIEW, { id: gid("Infringement", id) }, as),
      revoke,
    );
    const [{ status }] = await api.dataSource.query(`SELECT status FROM suspected_infringement WHERE id = $1`, [id]);
    return { response, status, id };
  }

  it("refuses the write of an API key revoked meanwhile, as the key's next request is refused", async () => {
    const { apiKey, secret } = await createApiKeyRow(api.dataSource, cast.brandA.org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
    const { response, status } = await reviewRevokedInFlight({ apiKey: secret }, () =>
      api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: gid("ApiKey", apiKey.id) }, cast.brandAAdmin.as),
    );
    await expectRefusedAsNext(response, { apiKey: secret }, "Invalid, expired or revoked API key");
    expect(status).toBe(InfringementStatus.FLAGGED);
  });

  it("refuses the write of a user disabled meanwhile, as the user's next request is refused", async () => {
    const analyst = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
    const as = { token: (await api.tokens.sign({ userId: analyst.id, orgId: cast.brandA.org.id })).token };
    const { response, status } = await reviewRevokedInFlight(as, () =>
      api.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: gid("User", analyst.id) }, cast.brandAAdmin.as),
    );
    await expectRefusedAsNext(response, as, "This account is disabled; ask your organization's admin");
    expect(status).toBe(InfringementStatus.FLAGGED);
  });

  it("refuses the write of a user disabled and enabled again meanwhile, as the user's old token is refused", async () => {
    const analyst = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
    const as = { token: (await api.tokens.sign({ userId: analyst.id, orgId: cast.brandA.org.id })).token };
    const user = { id: gid("User", analyst.id) };
    const { response, status } = await reviewRevokedInFlight(as, async () => {
      expect((await api.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, user, cast.brandAAdmin.as)).errors).toBeUndefined();
      return api.gql(`mutation($id: ID!) { enableUser(id: $id) { id } }`, user, cast.brandAAdmin.as);
    });
    await expectRefusedAsNext(response, as, "This token was issued before its account's tokens were ended (the account disabled, its password changed, or signed out everywhere) or its organization suspended; sign in again (send login without it)");
    expect(status).toBe(InfringementStatus.FLAGGED);
  });

  it("refuses the write of a user given another role meanwhile, which the new role then judges", async () => {
    const analyst = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
    const as = { token: (await api.tokens.sign({ userId: analyst.id, orgId: cast.brandA.org.id })).token };
    const { response, status, id } = await reviewRevokedInFlight(as, () =>
      api.gql(`mutation($id: ID!) { changeUserRole(id: $id, role: VIEWER) { role } }`, { id: gid("User", analyst.id) }, cast.brandAAdmin.as),
    );
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      message: "Your role changed while this request ran, so it changed nothing; send it again",
      extensions: { code: "CONFLICT" },
    });
    expect(status).toBe(InfringementStatus.FLAGGED);
    // Sent again, the same token's review is a viewer's, which may not review.
    expect((await api.gql(REVIEW, { id: gid("Infringement", id) }, as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses the writes of a member's key and user once the member was suspended meanwhile, as their next requests are refused", async () => {
    const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
    const SUSPEND = `mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { status } }`;
    const REINSTATE = `mutation($id: ID!) { reinstateMember(id: $id) { status } }`;
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const brand = await createBrand(api.dataSource, org);
    const orgId = gid("Organization", org.id);
    const { secret } = await createApiKeyRow(api.dataSource, org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
    const analyst = await createUser(api.dataSource, org, UserRole.ANALYST);
    // The analyst's token is signed after the key's turn has reinstated the member: one issued
    // before a reinstatement is refused on arrival.
    const asAnalyst = async () => ({ token: (await api.tokens.sign({ userId: analyst.id, orgId: org.id })).token });
    const suspended = "Your organization's membership is suspended; the platform's governance team can reinstate it";
    for (const credential of [async () => ({ apiKey: secret }), asAnalyst]) {
      const as = await credential();
      expect((await api.gql(VIEWER, {}, as)).errors).toBeUndefined();
      const suspend = () => api.gql(SUSPEND, { input: { id: orgId, reason: "left the alliance" } }, platformAdmin.as);
      const { response, status } = await reviewRevokedInFlight(as, suspend, brand);
      await expectRefusedAsNext(response, as, suspended);
      expect(status).toBe(InfringementStatus.FLAGGED);
      expect((await api.gql(REINSTATE, { id: orgId }, platformAdmin.as)).errors).toBeUndefined();
    }
  });

  it("refuses a write that reaches its end while its member's suspension is being committed", async () => {
    // The suspension's transaction has locked the member and set it SUSPENDED, and not committed.
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const brand = await createBrand(api.dataSource, org);
    const { secret } = await createApiKeyRow(api.dataSource, org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
    await createInfringement(api.dataSource, brand, await createListing(api.dataSource, cast.seller));
    // A write that locks no row the suspension holds: an update of the member's own lawsuit.
    const filed = await api.gql<{ fileLegalAction: { id: string } }>(
      `mutation($id: ID!) { fileLegalAction(input: { sellerId: $id, court: "Court", filedOn: "2026-01-05", claim: { amountMinor: 100, currency: "CNY" } }) { id } }`,
      { id: gid("Seller", cast.seller.id) },
      { apiKey: secret },
    );
    expect(filed.errors).toBeUndefined();
    const { id } = filed.data!.fileLegalAction;
    const suspension = api.dataSource.createQueryRunner();
    await suspension.startTransaction();
    let written: Promise<GraphQLResponse> | undefined;
    try {
      await suspension.query(`SELECT id FROM organization WHERE id = $1 FOR UPDATE`, [org.id]);
      await lockOrganizationStanding(suspension.manager, org.id);
      await suspension.query(`UPDATE organization SET status = 'SUSPENDED' WHERE id = $1`, [org.id]);
      written = api.gql(`mutation($id: ID!) { updateLegalAction(input: { id: $id, caseNumber: "CN-IN-FLIGHT" }) { caseNumber } }`, { id }, { apiKey: secret });
      // The write waits at its end for the suspension, rather than committing beside it.
      await waitFor(async () => {
        const [{ waiting }] = await api.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`,
        );
        return waiting === 1;
      });
      await suspension.commitTransaction();
    } finally {
      if (suspension.isTransactionActive) await suspension.rollbackTransaction();
      await suspension.release();
    }
    await expectRefusedAsNext(await written!, { apiKey: secret }, "Your organization's membership is suspended; the platform's governance team can reinstate it");
    const [{ case_number }] = await api.dataSource.query(`SELECT case_number FROM legal_action WHERE id = $1`, [fromGlobalId(id, "LegalAction")]);
    expect(case_number).toBeNull();
  });

  it("refuses a write at REPEATABLE READ of a member suspended after its snapshot was taken", async () => {
    // Such a write (a progress report's, for the platform) reads the credential's rows as they were
    // at its first statement: the suspension, committed while it waits, must still refuse it.
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const brand = await createBrand(api.dataSource, org);
    const analyst = await createUser(api.dataSource, org, UserRole.ANALYST);
    const viewer: Viewer = { principal: "USER", principalId: analyst.id, orgId: org.id, orgKind: OrgKind.BRAND, role: UserRole.ANALYST, scopes: new Set() };
    const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
    const written = await revokedInFlight(
      [`SELECT id FROM brand WHERE id = $1 FOR UPDATE`, [brand.id]],
      () =>
        inTransactionAs(api.dataSource, viewer, async (manager) => {
          await manager.query(`SELECT 1`);
          await manager.query(`UPDATE brand SET name = 'Renamed in flight' WHERE id = $1`, [brand.id]);
        }, "REPEATABLE READ").then(() => "committed", (error: Error) => error.message),
      () => api.gql(`mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { status } }`, { input: { id: gid("Organization", org.id) } }, platformAdmin.as),
    );
    expect(written).toBe("Your organization's membership is suspended; the platform's governance team can reinstate it");
    const [{ name }] = await api.dataSource.query(`SELECT name FROM brand WHERE id = $1`, [brand.id]);
    expect(name).toBe(brand.name);
  });

  it("refuses a listing batch of an ingest key revoked meanwhile, and stores none of it", async () => {
    const platform = cast.platformAnalyst.org;
    const { apiKey, secret } = await createApiKeyRow(api.dataSource, platform, [Scope.INGEST_WRITE]);
    const seller = { externalId: `store-in-flight-${apiKey.id}`, name: "In-flight Store", openedAt: "2019-01-01T00:00:00.000Z", brandCount: 1 };
    const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted } }`;
    const first = await api.gql(INGEST, { listings: [listingRecord({ seller })] }, { apiKey: secret });
    expect(first.errors).toBeUndefined();
    const record = listingRecord({ seller });
    const admin = await userPersona(api, platform, UserRole.ADMIN);
    const response = await revokedInFlight(
      [`SELECT id FROM seller WHERE external_id = $1 FOR UPDATE`, [seller.externalId]],
      () => api.gql(INGEST, { listings: [record] }, { apiKey: secret }),
      () => api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: gid("ApiKey", apiKey.id) }, admin.as),
    );
    await expectRefusedAsNext(response, { apiKey: secret }, "Invalid, expired or revoked API key");
    const [{ stored }] = await api.dataSource.query(`SELECT count(*)::int AS stored FROM listing WHERE external_id = $1`, [record.externalId]);
    expect(stored).toBe(0);
  });
});
