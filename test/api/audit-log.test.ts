import { Scope } from "../../src/auth/scopes";
import { AUDIT_ACTIONS } from "../../src/domain/audit-actions";
import { AUDIT_TARGET_TYPES } from "../../src/domain/audit-target-types";
import { UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { CREATE_REFERRAL, EVIDENCE, RECORD_OUTCOME, RECORD_TEST_BUY, UPDATE_REFERRAL, dataOf } from "../support/enforcement";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;
let brandBAdmin: Persona;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  brandBAdmin = await userPersona(api, cast.brandB.org, UserRole.ADMIN);
  // One change by each brand: an API key each.
  for (const admin of [cast.brandAAdmin, brandBAdmin]) {
    const created = await api.gql(`mutation { createApiKey(input: { name: "audit test", scopes: [CATALOGUE_READ] }) { secret } }`, {}, admin.as);
    expect(created.errors).toBeUndefined();
  }
});
afterAll(() => api.close());

type Events = { auditEvents: { totalCount: number; edges: { node: { id: string; action: string; targetType: string; targetId: string | null; actorId: string | null; organization: { id: string } | null; after: Record<string, unknown> | null } }[] } };
const EVENTS = `query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) {
  totalCount edges { node { id action targetType targetId actorKind actorId organization { id name } after createdAt } } } }`;
const SELLER_IDENTITY = `query($id: ID!) { seller(id: $id) { name registeredName contact paymentAccount } }`;
const sensitiveReads = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM audit_event WHERE action = 'sensitive.read'`))[0].n);

describe("the audit log", () => {
  it("shows a member admin its own organization's events only", async () => {
    const asA = await api.gql<Events>(EVENTS, {}, cast.brandAAdmin.as);
    expect(asA.errors).toBeUndefined();
    const orgs = new Set(asA.data!.auditEvents.edges.map((edge) => edge.node.organization?.id));
    expect([...orgs]).toEqual([gid("Organization", cast.brandA.org.id)]);
    expect(asA.data!.auditEvents.edges.map((edge) => edge.node.action)).toContain("apiKey.create");

    // Filtering by the other organization or its actor finds nothing, as for a stranger.
    const [bEvent] = await api.dataSource.query(`SELECT id, actor_user_id FROM audit_event WHERE owner_org_id = $1`, [cast.brandB.org.id]);
    const byOrg = await api.gql<Events>(EVENTS, { filter: { organizationId: gid("Organization", cast.brandB.org.id) } }, cast.brandAAdmin.as);
    const byActor = await api.gql<Events>(EVENTS, { filter: { actorId: gid("User", bEvent.actor_user_id) } }, cast.brandAAdmin.as);
    expect(byOrg.data?.auditEvents.totalCount).toBe(0);
    expect(byActor.data?.auditEvents.totalCount).toBe(0);
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    const node = await api.gql(NODE, { id: gid("AuditEvent", bEvent.id) }, cast.brandAAdmin.as);
    expect(node.data).toEqual({ node: null });
    expect(node).toEqual(await api.gql(NODE, { id: gid("AuditEvent", "00000000-0000-4000-8000-000000000000") }, cast.brandAAdmin.as));
    // Its own event, by the same path, is there: the null above is not node() failing for every event.
    const ownEvent = asA.data!.auditEvents.edges[0].node;
    expect((await api.gql(NODE, { id: ownEvent.id }, cast.brandAAdmin.as)).data).toEqual({ node: { id: ownEvent.id } });
  });

  it("shows an agency's investigators their agency's events only: the referrals they updated, not the platform's or a brand's", async () => {
    await api.dataSource.query(`UPDATE suspected_infringement SET status = 'CONFIRMED' WHERE id = $1`, [cast.infringementAShared.id]);
    const { createReferral } = dataOf(
      await api.gql<{ createReferral: { id: string } }>(
        CREATE_REFERRAL,
        { agencyId: gid("Organization", cast.investigator.org.id), ids: [gid("Infringement", cast.infringementAShared.id)] },
        cast.platformAnalyst.as,
      ),
    );
    dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: createReferral.id, status: "INVESTIGATING" } }, cast.investigator.as));

    const asAgency = await api.gql<Events>(EVENTS, {}, cast.investigator.as);
    expect(asAgency.errors).toBeUndefined();
    const edges = asAgency.data!.auditEvents.edges;
    expect(new Set(edges.map((edge) => edge.node.organization?.id))).toEqual(new Set([gid("Organization", cast.investigator.org.id)]));
    expect(edges.map((edge) => [edge.node.action, edge.node.targetId])).toContainEqual(["referral.update", createReferral.id]);

    // The platform's event creating the same referral, and brand A's events, are not there, and
    // look like events that do not exist.
    const [platformEvent] = await api.dataSource.query(`SELECT id FROM audit_event WHERE owner_org_id = $1 AND action = 'referral.create'`, [cast.platformAnalyst.org.id]);
    const [brandEvent] = await api.dataSource.query(`SELECT id FROM audit_event WHERE owner_org_id = $1`, [cast.brandA.org.id]);
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    const missing = await api.gql(NODE, { id: gid("AuditEvent", "00000000-0000-4000-8000-000000000000") }, cast.investigator.as);
    for (const event of [platformEvent, brandEvent]) {
      expect(await api.gql(NODE, { id: gid("AuditEvent", event.id) }, cast.investigator.as)).toEqual(missing);
    }
    const byOrg = await api.gql<Events>(EVENTS, { filter: { organizationId: gid("Organization", cast.brandA.org.id) } }, cast.investigator.as);
    expect(byOrg.data?.auditEvents.totalCount).toBe(0);
  });

  it("is refused to analysts and keys of members, to an agency's keys, and to anonymous callers", async () => {
    const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ, Scope.CATALOGUE_READ]);
    // Agencies read their events through their investigators (users), not through keys.
    const agencyKey = await cast.keyFor(cast.investigator.org, [Scope.REFERRALS_READ, Scope.REFERRALS_WRITE]);
    for (const persona of [cast.brandAAnalyst, key, agencyKey]) {
      expect((await api.gql(EVENTS, {}, persona.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect((await api.gql(EVENTS, {})).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("gives the platform every organization's events, with filters that combine", async () => {
    const all = await api.gql<Events>(EVENTS, { filter: { actions: ["apiKey.create"], targetTypes: ["ApiKey"] } }, cast.platformAnalyst.as);
    const orgs = new Set(all.data!.auditEvents.edges.map((edge) => edge.node.organization?.id));
    expect(orgs).toEqual(new Set([gid("Organization", cast.brandA.org.id), gid("Organization", cast.brandB.org.id)]));
    const future = await api.gql<Events>(EVENTS, { filter: { from: "2999-01-01T00:00:00Z" } }, cast.platformAnalyst.as);
    expect(future.data?.auditEvents.totalCount).toBe(0);
    const backwards = await api.gql(EVENTS, { filter: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" } }, cast.platformAnalyst.as);
    expect(backwards.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses an action name that no event records, naming the actions there are, where it would have matched nothing", async () => {
    const typos = await api.gql<Events>(EVENTS, { filter: { actions: ["apiKey.create", "apikey.revoke", "apiKey.delete"] } }, cast.platformAnalyst.as);
    expect(typos.errors?.[0]).toMatchObject({
      message: `\`filter.actions\` holds "apikey.revoke", "apiKey.delete", which are no audit actions; the actions are ${AUDIT_ACTIONS.join(", ")}`,
      extensions: { code: "BAD_USER_INPUT", knownActions: [...AUDIT_ACTIONS] },
    });
    expect(typos.errors?.[0].message).toMatch(/the actions are apiKey\.create, apiKey\.revoke, /);
    const every = await api.gql<Events>(EVENTS, { filter: { actions: [...AUDIT_ACTIONS] } }, cast.platformAnalyst.as);
    expect(every.errors).toBeUndefined();
    expect(every.data!.auditEvents.totalCount).toBe(Number((await api.dataSource.query(`SELECT count(*) AS n FROM audit_event`))[0].n));
  });

  it("refuses a target type that no event records, naming the types there are, where it would have matched nothing", async () => {
    const typos = await api.gql<Events>(EVENTS, { filter: { targetTypes: ["ApiKey", "apiKey", "Product"] } }, cast.platformAnalyst.as);
    expect(typos.errors?.[0]).toMatchObject({
      message: `\`filter.targetTypes\` holds "apiKey", "Product", which are no audit target types; the target types are ${AUDIT_TARGET_TYPES.join(", ")}`,
      extensions: { code: "BAD_USER_INPUT", knownTargetTypes: [...AUDIT_TARGET_TYPES] },
    });
    expect(typos.errors?.[0].message).toMatch(/the target types are ApiKey, AuditEvent, /);
    const every = await api.gql<Events>(EVENTS, { filter: { targetTypes: [...AUDIT_TARGET_TYPES] } }, cast.platformAnalyst.as);
    expect(every.errors).toBeUndefined();
    expect(every.data!.auditEvents.totalCount).toBe(Number((await api.dataSource.query(`SELECT count(*) AS n FROM audit_event`))[0].n));
  });

  it("records each platform read of seller identity, once per request; a brand's refused read records nothing", async () => {
    const id = gid("Seller", cast.seller.id);
    const before = await sensitiveReads();
    const refused = await api.gql(SELLER_IDENTITY, { id }, cast.brandAAnalyst.as);
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const publicOnly = await api.gql(`query($id: ID!) { seller(id: $id) { name } }`, { id }, cast.platformAnalyst.as);
    expect(publicOnly.errors).toBeUndefined();
    expect(await sensitiveReads()).toBe(before);

    const read = await api.gql<{ seller: { registeredName: string } }>(SELLER_IDENTITY, { id }, cast.platformAnalyst.as);
    expect(read.data?.seller.registeredName).toBe("Yiwu Example Trading Co.");
    expect(await sensitiveReads()).toBe(before + 1);
    const events = await api.gql<Events>(EVENTS, { filter: { actions: ["sensitive.read"] } }, cast.platformAnalyst.as);
    expect(events.data?.auditEvents.edges[0].node).toMatchObject({
      targetType: "Seller",
      targetId: id,
      after: { fields: ["contact", "paymentAccount", "registeredName"], rowCount: 1 },
    });

    // Many rows in one request: one event listing them.
    const many = await api.gql(
      `query($a: ID!, $b: ID!) { a: infringement(id: $a) { seller { contact } } b: infringement(id: $b) { listing { seller { registeredName } } } }`,
      { a: gid("Infringement", cast.infringementA.id), b: gid("Infringement", cast.infringementBShared.id) },
      cast.platformAnalyst.as,
    );
    expect(many.errors).toBeUndefined();
    expect(await sensitiveReads()).toBe(before + 2);
  });

  it("records each read of a test buy's evidence, by the platform and by the brand, each in its own log; other fields record nothing", async () => {
    const input = { infringementId: gid("Infringement", cast.infringementA.id), orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 15900, currency: "CNY" }, orderReference: "TB-AUDIT" };
    const { recordTestBuy } = dataOf(await api.gql<{ recordTestBuy: { id: string } }>(RECORD_TEST_BUY, { input }, cast.brandAAnalyst.as));
    const before = await sensitiveReads();
    // Recording the outcome returns the evidence to the brand: that is a read too.
    dataOf(await api.gql(RECORD_OUTCOME, { input: { id: recordTestBuy.id, outcome: "COUNTERFEIT", evidence: EVIDENCE } }, cast.brandAAnalyst.as));
    expect(await sensitiveReads()).toBe(before + 1);
    // The change is logged without a copy of the evidence, which the log's readers would read unrecorded.
    const [outcomeEvent] = await api.dataSource.query(`SELECT after FROM audit_event WHERE action = 'testBuy.outcome' AND target_id = $1`, [
      fromGlobalId(recordTestBuy.id, "TestBuy"),
    ]);
    expect(outcomeEvent.after).toEqual({ outcome: "COUNTERFEIT", findings: null, evidenceItems: EVIDENCE.length });
    const copies = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE after::text LIKE $1 OR before::text LIKE $1`, [`%${EVIDENCE[0].sha256}%`]);
    expect(copies).toEqual([{ n: 0 }]);

    const TEST_BUYS = (fields: string) => `query($id: ID!) { infringement(id: $id) { testBuys { ${fields} } } }`;
    const withoutEvidence = await api.gql(TEST_BUYS("orderReference outcome"), { id: input.infringementId }, cast.platformAnalyst.as);
    expect(withoutEvidence.errors).toBeUndefined();
    expect(await sensitiveReads()).toBe(before + 1);

    const read = dataOf(await api.gql<{ infringement: { testBuys: { evidence: { sha256: string }[] }[] } }>(TEST_BUYS("evidence { sha256 }"), { id: input.infringementId }, cast.platformAnalyst.as));
    expect(read.infringement.testBuys.flatMap((buy) => buy.evidence.map((item) => item.sha256))).toEqual(EVIDENCE.map((item) => item.sha256));
    expect(await sensitiveReads()).toBe(before + 2);
    const events = await api.dataSource.query(
      `SELECT owner_org_id, target_type, target_id, after FROM audit_event WHERE action = 'sensitive.read' AND target_type = 'TestBuy' ORDER BY created_at`,
    );
    expect(events.map((event: { owner_org_id: string }) => event.owner_org_id)).toEqual([cast.brandA.org.id, cast.platformAnalyst.org.id]);
    for (const event of events) expect(event.after).toMatchObject({ fields: ["evidence"], rowCount: 1 });

    // Brand B cannot reach A's test buy, so it reads nothing and nothing is recorded for it.
    const foreign = await api.gql(TEST_BUYS("evidence { sha256 }"), { id: input.infringementId }, cast.brandBAnalyst.as);
    expect(foreign.data?.infringement ?? null).toBeNull();
    expect(await sensitiveReads()).toBe(before + 2);
    // Nor by node(id:) on the test buy itself, for brand B or an agency it was not referred to: the
    // answer is the one for a test buy that does not exist, and nothing is recorded.
    const NODE = `query($id: ID!) { node(id: $id) { ... on TestBuy { evidence { sha256 } } } }`;
    for (const persona of [cast.brandBAnalyst, cast.investigator]) {
      const missing = await api.gql(NODE, { id: gid("TestBuy", "00000000-0000-4000-8000-000000000000") }, persona.as);
      expect(await api.gql(NODE, { id: recordTestBuy.id }, persona.as)).toEqual(missing);
    }
    expect(await sensitiveReads()).toBe(before + 2);
    // The same query reads the evidence for its owner (and records it), so the answers above are
    // refusals, not a query that never finds a test buy.
    const own = dataOf(await api.gql<{ node: { evidence: { sha256: string }[] } }>(NODE, { id: recordTestBuy.id }, cast.brandAAnalyst.as));
    expect(own.node.evidence.map((item) => item.sha256)).toEqual(EVIDENCE.map((item) => item.sha256));
    expect(await sensitiveReads()).toBe(before + 3);
  });
});
