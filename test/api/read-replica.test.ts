import { Scope } from "../../src/auth/scopes";
import { createApiKeyRow, createInfringement, createListing } from "../support/factories";
import { brandMember, contribute, MATCH } from "../support/intel";
import { createCast, gid, type Cast } from "../support/personas";
import { caughtUp, whileReplayPaused } from "../support/replica";
import { replicaServerUrl, serverUrl } from "../support/test-env";
import { startTestApi, type TestApi } from "../support/test-api";

// DATABASE_REPLICA_URLS (src/db/read-routing.ts): a query operation reads from a replica, and the
// rest from the primary. With the replica's replay paused, what each read shows tells which it
// read. Needs a server and a streaming replica of it (TEST_DATABASE_REPLICA_URL; .ci/run starts one).
const withReplica = serverUrl && replicaServerUrl ? describe : describe.skip;

withReplica("reads of an API with a read replica", () => {
  let api: TestApi;
  let cast: Cast;
  beforeAll(async () => {
    api = await startTestApi({}, { replicaServerUrls: [replicaServerUrl!] });
    cast = await createCast(api);
  });
  afterAll(() => api.close());

  const REVIEW = `mutation($id: ID!) { reviewInfringement(input: { id: $id, status: UNDER_REVIEW, note: "Looking into it" }) { status notes { body } } }`;
  const READ = `query($id: ID!) { infringement(id: $id) { status notes { body } } }`;
  const LIST = `{ infringements(first: 100, filter: { statuses: [UNDER_REVIEW] }) { totalCount edges { node { id } } } }`;

  it("answers a query from the replica, and a mutation, its answer included, from the primary", async () => {
    const listing = await createListing(api.dataSource, cast.seller, { title: "AA replica" });
    const id = gid("Infringement", (await createInfringement(api.dataSource, cast.brandA.brand, listing)).id);
    const listed = async () => (await api.gql<{ infringements: { edges: { node: { id: string } }[] } }>(LIST, {}, cast.brandAAnalyst.as)).data!.infringements.edges.map((e) => e.node.id);
    await whileReplayPaused(replicaServerUrl!, async () => {
      const reviewed = await api.gql(REVIEW, { id }, cast.brandAAnalyst.as);
      expect(reviewed.data).toEqual({ reviewInfringement: { status: "UNDER_REVIEW", notes: [{ body: "Looking into it" }] } });
      // The replica has not replayed the review: the query's lookup, list and count read it there.
      expect((await api.gql(READ, { id }, cast.brandAAnalyst.as)).data).toEqual({ infringement: { status: "FLAGGED", notes: [] } });
      expect(await listed()).not.toContain(id);
    });
    await caughtUp(replicaServerUrl!);
    expect((await api.gql(READ, { id }, cast.brandAAnalyst.as)).data).toEqual({ infringement: { status: "UNDER_REVIEW", notes: [{ body: "Looking into it" }] } });
    expect(await listed()).toContain(id);
  });

  it("reads through the same row scopes there: another brand's or an agency's lookup, node(id:) or list finds the case as one that does not exist", async () => {
    const listing = await createListing(api.dataSource, cast.seller, { title: "AA replica" });
    const id = gid("Infringement", (await createInfringement(api.dataSource, cast.brandA.brand, listing)).id);
    const madeUp = gid("Infringement", "00000000-0000-4000-8000-000000000000");
    await caughtUp(replicaServerUrl!);
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    const LOOKUP = `query($id: ID!) { infringement(id: $id) { status } }`;
    // Brand A reads its own case on the replica, so the refusals below are not a replica without it.
    expect((await api.gql(LOOKUP, { id }, cast.brandAAnalyst.as)).data).toEqual({ infringement: { status: "FLAGGED" } });
    for (const other of [cast.brandBAnalyst, cast.investigator]) {
      for (const query of [NODE, LOOKUP]) expect(await api.gql(query, { id }, other.as)).toEqual(await api.gql(query, { id: madeUp }, other.as));
      const listed = await api.gql<{ infringements: { edges: { node: { id: string } }[] } }>(`{ infringements(first: 100) { edges { node { id } } } }`, {}, other.as);
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.infringements.edges.map((edge) => edge.node.id)).not.toContain(id);
    }
  });

  // A replica refuses any write: one routed there would fail the query.
  it("writes what a query writes on the primary: the audit of a sensitive read, a blind match's quota and audit", async () => {
    const count = async (sql: string, params: unknown[]) => (await api.dataSource.query(sql, params))[0].n as number;
    const sensitiveReads = () => count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'sensitive.read'`, []);
    const before = await sensitiveReads();
    const identity = await api.gql(`query($id: ID!) { seller(id: $id) { registeredName } }`, { id: gid("Seller", cast.seller.id) }, cast.platformAnalyst.as);
    expect(identity.errors).toBeUndefined();
    expect(await sensitiveReads()).toBe(before + 1);

    const [a, b, c] = await Promise.all(["Replica A", "Replica B", "Replica C"].map((name) => brandMember(api, name)));
    for (const holder of [b, c]) await contribute(api, holder, [{ kind: "KEYWORD", value: "replica-routed keyword", distribution: "ALLIANCE", confidence: 80 }]);
    await caughtUp(replicaServerUrl!);
    const matched = await api.gql<{ matchIndicators: { matched: boolean }[] }>(MATCH, { queries: [{ kind: "KEYWORD", value: "replica-routed keyword" }] }, a.as);
    expect(matched.data?.matchIndicators.map((m) => m.matched)).toEqual([true]);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'intel.match' AND owner_org_id = $1`, [a.org.id])).toBe(1);
    expect(await count(`SELECT coalesce(sum(lookups), 0)::int AS n FROM intel_lookup_usage WHERE org_id = $1`, [a.org.id])).toBe(2);
  });

  it("checks a credential on the primary: a key revoked while the replica lags is refused at once", async () => {
    const { apiKey, secret } = await createApiKeyRow(api.dataSource, cast.brandA.org, [Scope.INFRINGEMENTS_READ]);
    expect((await api.gql(LIST, {}, { apiKey: secret })).errors).toBeUndefined();
    await whileReplayPaused(replicaServerUrl!, async () => {
      const revoked = await api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: gid("ApiKey", apiKey.id) }, cast.brandAAdmin.as);
      expect(revoked.errors).toBeUndefined();
      expect((await api.gql(LIST, {}, { apiKey: secret })).errors?.[0]).toMatchObject({
        message: "Invalid, expired or revoked API key",
        extensions: { code: "UNAUTHENTICATED" },
      });
    });
  });
});

// With several replicas, each at its own point of replay, one query operation reads them all from
// the same one: its statements (a case, then its notes) taken in turn from two would show a case
// of one moment with notes of another. The test server stands for a second replica, one with no lag.
withReplica("reads of an API with two replicas, one lagging", () => {
  let api: TestApi;
  let cast: Cast;
  beforeAll(async () => {
    api = await startTestApi({}, { replicaServerUrls: [replicaServerUrl!, serverUrl!] });
    cast = await createCast(api);
  });
  afterAll(() => api.close());

  const REVIEW = `mutation($id: ID!) { reviewInfringement(input: { id: $id, status: UNDER_REVIEW, note: "Looking into it" }) { status } }`;
  const READ = `query($id: ID!) { infringement(id: $id) { status notes { body } } }`;

  it("answers each query operation from one replica: a case and its notes of the same moment", async () => {
    const listing = await createListing(api.dataSource, cast.seller, { title: "AA two replicas" });
    const id = gid("Infringement", (await createInfringement(api.dataSource, cast.brandA.brand, listing)).id);
    await whileReplayPaused(replicaServerUrl!, async () => {
      expect((await api.gql(REVIEW, { id }, cast.brandAAnalyst.as)).errors).toBeUndefined();
      const before = { infringement: { status: "FLAGGED", notes: [] } };
      const after = { infringement: { status: "UNDER_REVIEW", notes: [{ body: "Looking into it" }] } };
      const seen = new Set<string>();
      for (let read = 0; read < 12; read++) {
        const { data } = await api.gql(READ, { id }, cast.brandAAnalyst.as);
        expect([before, after]).toContainEqual(data);
        seen.add(JSON.stringify(data));
      }
      // Both replicas answered some of them.
      expect(seen.size).toBe(2);
    });
  });
});
