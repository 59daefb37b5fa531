import { createHash } from "node:crypto";
import { Scope } from "../../src/auth/scopes";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { dataOf } from "../support/enforcement";
import { createApiKeyRow, createOrganization } from "../support/factories";
import { createCast, gid, userPersona, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix scopes expiresAt revokedAt } }
}`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const LIST = `{ apiKeys(first: 100) { edges { node { id name scopes revokedAt } } } }`;
const VIEWER = `{ viewer { principal scopes } }`;

type Created = { createApiKey: { secret: string; apiKey: { id: string; name: string; prefix: string; scopes: string[] } } };
type Listed<T = { id: string }> = { apiKeys: { edges: { node: T }[] } };
const nodesOf = <T>(listed: Listed<T> | null | undefined) => listed?.apiKeys.edges.map((edge) => edge.node);

const keyCount = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM api_key`))[0].n);

describe("an organization admin manages its API keys", () => {
  it("creates a key whose secret is shown once and stored only as a hash", async () => {
    const response = await api.gql<Created>(
      CREATE,
      { input: { name: "dashboard sync", scopes: ["INFRINGEMENTS_READ"] } },
      cast.brandAAdmin.as,
    );
    expect(response.errors).toBeUndefined();
    const { secret, apiKey } = response.data!.createApiKey;
    expect(secret).toMatch(/^ak_/);
    expect(apiKey).toMatchObject({ name: "dashboard sync", scopes: ["INFRINGEMENTS_READ"], prefix: secret.slice(0, 10) });

    const rows = await api.dataSource.query(`SELECT key_hash, row_to_json(api_key)::text AS whole FROM api_key WHERE name = 'dashboard sync'`);
    expect(rows[0].key_hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(rows[0].whole).not.toContain(secret);

    const asKey = await api.gql(VIEWER, {}, { apiKey: secret });
    expect(asKey.data).toEqual({ viewer: { principal: "API_KEY", scopes: ["INFRINGEMENTS_READ"] } });

    const listed = await api.gql<Listed>(LIST, {}, cast.brandAAdmin.as);
    expect(nodesOf(listed.data)?.map((key) => key.id)).toContain(apiKey.id);
  });

  it("refuses a second live key of one name (a retried creation), once when two are sent at once; a revoked name is free", async () => {
    const input = { input: { name: "SIEM sync", scopes: ["INFRINGEMENTS_READ"] } };
    const before = await keyCount();
    const both = await Promise.all([api.gql<Created>(CREATE, input, cast.brandAAdmin.as), api.gql<Created>(CREATE, input, cast.brandAAdmin.as)]);
    expect(both.map((r) => r.errors?.[0].extensions?.code ?? "MADE").sort()).toEqual(["CONFLICT", "MADE"]);
    const made = both.find((r) => !r.errors)!.data!.createApiKey.apiKey;
    expect(both.find((r) => r.errors)!.errors![0].message).toBe(
      `Your organization has a live key named "SIEM sync" (${made.prefix}…): revoke it first, or choose another name`,
    );
    expect(await keyCount()).toBe(before + 1);
    // Another organization's key of that name is none of its business.
    const brandBAdmin = await userPersona(api, cast.brandB.org, UserRole.ADMIN);
    expect((await api.gql(CREATE, input, brandBAdmin.as)).errors).toBeUndefined();
    expect((await api.gql(REVOKE, { id: made.id }, cast.brandAAdmin.as)).errors).toBeUndefined();
    expect((await api.gql(CREATE, input, cast.brandAAdmin.as)).errors).toBeUndefined();
  });

  it("revokes a key, which stops working on the next request", async () => {
    const created = await api.gql<Created>(CREATE, { input: { name: "to revoke", scopes: ["CATALOGUE_READ"] } }, cast.brandAAdmin.as);
    const { secret, apiKey } = created.data!.createApiKey;
    expect((await api.gql(VIEWER, {}, { apiKey: secret })).errors).toBeUndefined();
    const revoked = await api.gql<{ revokeApiKey: { revokedAt: string } }>(REVOKE, { id: apiKey.id }, cast.brandAAdmin.as);
    expect(revoked.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const after = await api.gql(VIEWER, {}, { apiKey: secret });
    expect(after.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses scopes the organization may not hold, and creates nothing", async () => {
    const before = await keyCount();
    const response = await api.gql(CREATE, { input: { name: "greedy", scopes: ["INFRINGEMENTS_READ", "INGEST_WRITE"] } }, cast.brandAAdmin.as);
    expect(response.errors?.[0]).toMatchObject({
      message: "Not available to BRAND organizations: ingest:write",
      extensions: { code: "BAD_USER_INPUT" },
    });
    // The platform reads the brands' catalogues and keeps none: its key may not write one.
    const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
    const keeper = await api.gql(CREATE, { input: { name: "keeper", scopes: ["CATALOGUE_READ", "CATALOGUE_WRITE"] } }, platformAdmin.as);
    expect(keeper.errors?.[0]).toMatchObject({
      message: "Not available to PLATFORM organizations: catalogue:write",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await keyCount()).toBe(before);
  });

  it("refuses a write scope without its read scope, with which the key could do nothing, and creates nothing", async () => {
    const before = await keyCount();
    const response = await api.gql(CREATE, { input: { name: "write-only", scopes: ["INFRINGEMENTS_WRITE", "INTEL_WRITE", "INTEL_READ"] } }, cast.brandAAdmin.as);
    expect(response.errors?.[0]).toMatchObject({
      message: "A write answers with what it wrote, so infringements:write needs infringements:read: add it, or the key could do nothing",
      extensions: { code: "BAD_USER_INPUT", refusedScopes: ["infringements:write"] },
    });
    expect(await keyCount()).toBe(before);
  });

  it("refuses an expiry in the past and an empty scope list", async () => {
    const before = await keyCount();
    const past = await api.gql(CREATE, { input: { name: "old", scopes: ["CATALOGUE_READ"], expiresAt: "2020-01-01T00:00:00Z" } }, cast.brandAAdmin.as);
    const none = await api.gql(CREATE, { input: { name: "empty", scopes: [] } }, cast.brandAAdmin.as);
    expect(past.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(none.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(await keyCount()).toBe(before);
  });

  it("refuses analysts and API keys, even a key with every scope", async () => {
    const strongKey = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ, Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
    for (const persona of [cast.brandAAnalyst, strongKey]) {
      const create = await api.gql(CREATE, { input: { name: "x", scopes: ["CATALOGUE_READ"] } }, persona.as);
      const list = await api.gql(LIST, {}, persona.as);
      expect(create.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(list.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
  });
});

describe("another organization's keys", () => {
  it("are not listed, and revoking one answers as for a missing key and leaves it working", async () => {
    // A key of A's own, so that its list is not empty whatever ran before.
    await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    const bKey = await cast.keyFor(cast.brandB.org, [Scope.INFRINGEMENTS_READ]);
    const [row] = await api.dataSource.query(`SELECT id FROM api_key WHERE owner_org_id = $1 ORDER BY created_at DESC LIMIT 1`, [cast.brandB.org.id]);
    const foreign = await api.gql(REVOKE, { id: gid("ApiKey", row.id) }, cast.brandAAdmin.as);
    const missing = await api.gql(REVOKE, { id: gid("ApiKey", "00000000-0000-4000-8000-000000000000") }, cast.brandAAdmin.as);
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(foreign).toEqual(missing);
    expect((await api.gql(VIEWER, {}, bKey.as)).errors).toBeUndefined();

    const listed = await api.gql<Listed>(LIST, {}, cast.brandAAdmin.as);
    expect(nodesOf(listed.data)?.length).toBeGreaterThan(0);
    expect(nodesOf(listed.data)?.map((key) => key.id)).not.toContain(gid("ApiKey", row.id));
  });

  it("are not found by node(id): answered exactly as a missing key, while one's own key is", async () => {
    await cast.keyFor(cast.brandB.org, [Scope.CATALOGUE_READ]);
    await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    const newestKeyOf = async (orgId: string) =>
      (await api.dataSource.query(`SELECT id FROM api_key WHERE owner_org_id = $1 ORDER BY created_at DESC LIMIT 1`, [orgId]))[0];
    const foreignRow = await newestKeyOf(cast.brandB.org.id);
    const ownRow = await newestKeyOf(cast.brandA.org.id);
    const NODE = `query($id: ID!) { node(id: $id) { ... on ApiKey { id name } } }`;
    const foreign = await api.gql(NODE, { id: gid("ApiKey", foreignRow.id) }, cast.brandAAdmin.as);
    expect(foreign).toEqual({ status: 200, data: { node: null } });
    expect(foreign).toEqual(await api.gql(NODE, { id: gid("ApiKey", "00000000-0000-4000-8000-000000000000") }, cast.brandAAdmin.as));
    const own = await api.gql<{ node: { id: string } | null }>(NODE, { id: gid("ApiKey", ownRow.id) }, cast.brandAAdmin.as);
    expect(own.data?.node?.id).toBe(gid("ApiKey", ownRow.id));
  });
});

describe("the platform and members' keys", () => {
  it("lists every organization's keys with their owner, and revokes a member's leaked key at once", async () => {
    const leaked = await cast.keyFor(cast.brandB.org, [Scope.INFRINGEMENTS_READ]);
    const [row] = await api.dataSource.query(`SELECT id FROM api_key WHERE owner_org_id = $1 ORDER BY created_at DESC LIMIT 1`, [cast.brandB.org.id]);
    const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
    const listed = await api.gql<Listed<{ id: string; organization: { name: string } }>>(
      `{ apiKeys(first: 100) { edges { node { id organization { name } } } } }`,
      {},
      platformAdmin.as,
    );
    expect(listed.errors).toBeUndefined();
    expect(nodesOf(listed.data)).toContainEqual({ id: gid("ApiKey", row.id), organization: { name: cast.brandB.org.name } });
    expect((await api.gql(VIEWER, {}, leaked.as)).errors).toBeUndefined();
    expect((await api.gql(REVOKE, { id: gid("ApiKey", row.id) }, platformAdmin.as)).errors).toBeUndefined();
    expect((await api.gql(VIEWER, {}, leaked.as)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    // Its analysts, who manage no keys, are refused; a member's admin still sees its own keys only.
    expect((await api.gql(LIST, {}, cast.platformAnalyst.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    const ofA = await api.gql<Listed<{ organization: { name: string } }>>(
      `{ apiKeys(first: 100, filter: { includeRevoked: true }) { edges { node { organization { name } } } } }`,
      {},
      cast.brandAAdmin.as,
    );
    expect(new Set(nodesOf(ofA.data)!.map((key) => key.organization.name))).toEqual(new Set([cast.brandA.org.name]));
  });
});

describe("the list of keys", () => {
  const PAGE = `query($filter: ApiKeyFilter) { apiKeys(first: 100, filter: $filter) { totalCount edges { node { id } } } }`;
  type Page = { apiKeys: { totalCount: number; edges: { node: { id: string } }[] } };
  const MADE_UP_ORG = gid("Organization", "00000000-0000-4000-8000-000000000000");

  // A brand organization with one live, one revoked and one expired key, made an hour apart in that order.
  async function orgWithKeys(name: string) {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, name);
    const live = await createApiKeyRow(api.dataSource, org, [Scope.CATALOGUE_READ]);
    const revoked = await createApiKeyRow(api.dataSource, org, [Scope.CATALOGUE_READ], { revokedAt: new Date("2026-11-01T00:00:00Z") });
    const expired = await createApiKeyRow(api.dataSource, org, [Scope.CATALOGUE_READ], { expiresAt: new Date("2026-11-01T00:00:00Z") });
    const keys = [live, revoked, expired].map(({ apiKey }) => apiKey.id);
    for (const [hour, id] of keys.entries()) {
      await api.dataSource.query(`UPDATE api_key SET created_at = $2 WHERE id = $1`, [id, `2026-10-01T0${hour}:00:00Z`]);
    }
    const [liveId, revokedId, expiredId] = keys.map((id) => gid("ApiKey", id));
    return { org, admin: await cast.userOf(org, UserRole.ADMIN), liveId, revokedId, expiredId };
  }
  const idsOf = (page: Page) => page.apiKeys.edges.map((edge) => edge.node.id);

  it("leaves revoked keys out unless includeRevoked, expired ones in, newest first", async () => {
    const { admin, liveId, revokedId, expiredId } = await orgWithKeys("Keys Org");
    const byDefault = dataOf(await api.gql<Page>(PAGE, {}, admin.as));
    expect(byDefault).toEqual({ apiKeys: { totalCount: 2, edges: [{ node: { id: expiredId } }, { node: { id: liveId } }] } });
    expect(dataOf(await api.gql<Page>(PAGE, { filter: { includeRevoked: false } }, admin.as))).toEqual(byDefault);
    const all = dataOf(await api.gql<Page>(PAGE, { filter: { includeRevoked: true } }, admin.as));
    expect(all.apiKeys.totalCount).toBe(3);
    expect(idsOf(all)).toEqual([expiredId, revokedId, liveId]);
  });

  it("gives the platform the keys of the organizations asked for", async () => {
    const c = await orgWithKeys("Keys Org C");
    const d = await orgWithKeys("Keys Org D");
    const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
    const ofC = dataOf(await api.gql<Page>(PAGE, { filter: { organizationIds: [gid("Organization", c.org.id)], includeRevoked: true } }, platformAdmin.as));
    expect(ofC.apiKeys.totalCount).toBe(3);
    expect(idsOf(ofC)).toEqual([c.expiredId, c.revokedId, c.liveId]);
    const ofBoth = dataOf(await api.gql<Page>(PAGE, { filter: { organizationIds: [c.org.id, d.org.id].map((id) => gid("Organization", id)) } }, platformAdmin.as));
    expect(new Set(idsOf(ofBoth))).toEqual(new Set([c.expiredId, c.liveId, d.expiredId, d.liveId]));
    expect(ofBoth.apiKeys.totalCount).toBe(4);
  });

  it("gives a member's admin who asks for another organization's keys what a made-up organization id gets: nothing", async () => {
    const c = await orgWithKeys("Keys Org E");
    const d = await orgWithKeys("Keys Org F");
    const filterBy = (organizationIds: string[]) => ({ filter: { organizationIds, includeRevoked: true } });
    const foreign = await api.gql<Page>(PAGE, filterBy([gid("Organization", d.org.id)]), c.admin.as);
    const madeUp = await api.gql<Page>(PAGE, filterBy([MADE_UP_ORG]), c.admin.as);
    expect(foreign).toEqual({ status: 200, data: { apiKeys: { totalCount: 0, edges: [] } } });
    expect(foreign).toEqual(madeUp);
    // Its own organization with the other: its own keys only, as for its own with the made-up one.
    const ownAndForeign = await api.gql<Page>(PAGE, filterBy([c.org.id, d.org.id].map((id) => gid("Organization", id))), c.admin.as);
    expect(idsOf(dataOf(ownAndForeign))).toEqual([c.expiredId, c.revokedId, c.liveId]);
    expect(ownAndForeign).toEqual(await api.gql<Page>(PAGE, filterBy([gid("Organization", c.org.id), MADE_UP_ORG]), c.admin.as));
  });

  it("names who created each key, and finds the keys of an admin who is leaving, which disabling them leaves working", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Keys Org G");
    const [leaving, staying] = [await cast.userOf(org, UserRole.ADMIN), await cast.userOf(org, UserRole.ADMIN)];
    const make = async (admin: typeof leaving, name: string) =>
      dataOf(await api.gql<Created>(CREATE, { input: { name, scopes: ["INFRINGEMENTS_READ"] } }, admin.as)).createApiKey;
    const [theirs, ours] = [await make(leaving, "leaver's integration"), await make(staying, "our integration")];
    const leaverId = gid("User", (await api.dataSource.query(`SELECT created_by_user_id AS id FROM api_key WHERE name = $1`, ["leaver's integration"]))[0].id);
    expect(dataOf(await api.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: leaverId }, staying.as))).toBeTruthy();
    // Still working: a key is the organization's, and its integration may run on.
    expect((await api.gql(VIEWER, {}, { apiKey: theirs.secret })).errors).toBeUndefined();
    const KEYS = `query($filter: ApiKeyFilter) { apiKeys(first: 100, filter: $filter) { edges { node { id createdBy { id disabledAt } } } } }`;
    type Keys = { apiKeys: { edges: { node: { id: string; createdBy: { id: string; disabledAt: string | null } | null } }[] } };
    const found = dataOf(await api.gql<Keys>(KEYS, { filter: { createdByUserIds: [leaverId] } }, staying.as)).apiKeys.edges.map((edge) => edge.node);
    expect(found).toEqual([{ id: theirs.apiKey.id, createdBy: { id: leaverId, disabledAt: expect.any(String) } }]);
    expect(dataOf(await api.gql<Keys>(KEYS, {}, staying.as)).apiKeys.edges.map((edge) => edge.node.id).sort()).toEqual([theirs.apiKey.id, ours.apiKey.id].sort());
    // Another organization's admin naming the leaver finds nothing, as for a made-up user.
    const other = await orgWithKeys("Keys Org H");
    const foreign = await api.gql<Keys>(KEYS, { filter: { createdByUserIds: [leaverId] } }, other.admin.as);
    expect(foreign).toEqual({ status: 200, data: { apiKeys: { edges: [] } } });
    expect(foreign).toEqual(await api.gql<Keys>(KEYS, { filter: { createdByUserIds: [gid("User", "00000000-0000-4000-8000-000000000000")] } }, other.admin.as));
  });

  it("refuses an id that is not an organization's, and a cursor of the list with another filter", async () => {
    const { admin, liveId } = await orgWithKeys("Keys Org G");
    const notAnOrg = await api.gql(PAGE, { filter: { organizationIds: [liveId] } }, admin.as);
    expect(notAnOrg.errors?.[0]).toMatchObject({ message: `"${liveId}" is not an ID of an Organization`, extensions: { code: "BAD_USER_INPUT" } });
    const CURSOR = `query($filter: ApiKeyFilter, $after: String) { apiKeys(first: 1, after: $after, filter: $filter) { pageInfo { endCursor } } }`;
    const first = dataOf(await api.gql<{ apiKeys: { pageInfo: { endCursor: string } } }>(CURSOR, {}, admin.as));
    const elsewhere = await api.gql(CURSOR, { after: first.apiKeys.pageInfo.endCursor, filter: { includeRevoked: true } }, admin.as);
    expect(elsewhere.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^`after` is not a cursor of this list/), extensions: { code: "BAD_USER_INPUT" } });
  });
});
