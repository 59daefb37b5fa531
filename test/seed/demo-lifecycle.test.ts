import type { DataSource } from "typeorm";
import { seedDemoAlliance } from "../../src/seed/demo-alliance";
import { gid } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// The demo alliance's cases must look as if the workflows had moved them: what `npm start` shows
// a platform analyst, a brand and the agency is read by the same API as real data.

let api: TestApi;
let db: DataSource;

beforeAll(async () => {
  api = await startTestApi();
  db = api.dataSource;
  await db.transaction((manager) => seedDemoAlliance(manager, api.config));
}, 120_000);
afterAll(() => api.close());

const count = async (sql: string): Promise<number> => (await db.query(`SELECT count(*)::int AS n FROM (${sql}) AS rows`))[0].n;

async function tokenOf(email: string): Promise<string> {
  const [user]: { id: string; owner_org_id: string }[] = await db.query(`SELECT id, owner_org_id FROM app_user WHERE email = $1`, [email]);
  return (await api.tokens.sign({ userId: user.id, orgId: user.owner_org_id })).token;
}

describe("the seeded demo lifecycle", () => {
  it("gives every TAKEDOWN_REQUESTED case exactly one PENDING request, on a listing still up", async () => {
    const requested = await count(`SELECT 1 FROM suspected_infringement WHERE status = 'TAKEDOWN_REQUESTED'`);
    expect(requested).toBeGreaterThan(20);
    expect(
      await count(`SELECT 1 FROM suspected_infringement si
                    WHERE si.status = 'TAKEDOWN_REQUESTED'
                      AND (SELECT count(*) FROM takedown_request t WHERE t.infringement_id = si.id AND t.status = 'PENDING') <> 1`),
    ).toBe(0);
    expect(await count(`SELECT 1 FROM takedown_request WHERE status = 'PENDING'`)).toBe(requested);
    expect(await count(`SELECT 1 FROM takedown_request t JOIN listing l ON l.id = t.listing_id WHERE t.status = 'PENDING' AND l.status = 'REMOVED'`)).toBe(0);

    const platform = { token: await tokenOf("analyst@platform.example") };
    const queue = await api.gql<{ takedownRequests: { totalCount: number } }>(
      `{ takedownRequests(first: 1, filter: { statuses: [PENDING] }) { totalCount } }`,
      {},
      platform,
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data?.takedownRequests.totalCount).toBe(requested);
  });

  it("gives every REMOVED case its decided request: APPROVED, or SUPERSEDED when its store was closed", async () => {
    expect(await count(`SELECT 1 FROM suspected_infringement WHERE status = 'REMOVED'`)).toBeGreaterThan(20);
    expect(
      await count(`SELECT 1 FROM suspected_infringement si
                    WHERE si.status = 'REMOVED'
                      AND NOT EXISTS (SELECT 1 FROM takedown_request t
                                        JOIN seller s ON s.id = t.seller_id
                                       WHERE t.infringement_id = si.id AND t.decided_at IS NOT NULL AND t.decided_by_user_id IS NOT NULL
                                         AND (t.status = 'APPROVED' OR (t.status = 'SUPERSEDED' AND s.status = 'CLOSED')))`),
    ).toBe(0);
    expect(await count(`SELECT 1 FROM takedown_request WHERE status = 'APPROVED'`)).toBeGreaterThan(20);
    // Each approval is a strike on the store, as decideTakedown adds it.
    expect(
      await count(`SELECT 1 FROM seller s
                    WHERE s.strike_count < (SELECT count(*) FROM takedown_request t WHERE t.seller_id = s.id AND t.status = 'APPROVED')
                       OR (s.status <> 'ACTIVE' AND s.status_reason IS NULL)`),
    ).toBe(0);
    // And the store's score takes its strikes in, as addStrike does: its record's reason counts them.
    expect(await count(`SELECT 1 FROM seller WHERE strike_count > 0`)).toBeGreaterThan(10);
    expect(
      await count(`SELECT 1 FROM seller s
                    WHERE s.strike_count > 0
                      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(s.risk_signals) signal
                                       WHERE signal->>'kind' = 'SELLER_HISTORY'
                                         AND signal->>'reason' LIKE 'seller has ' || s.strike_count || ' strike%')`),
    ).toBe(0);
  });

  it("dates every case on a removed listing as updated no earlier than the removal, as removeListings does", async () => {
    const onRemovedListings = `SELECT si.updated_at,
        GREATEST((SELECT max(r.updated_at) FROM suspected_infringement r WHERE r.listing_id = l.id AND r.status = 'REMOVED'),
                 (SELECT s.status_changed_at FROM seller s WHERE s.id = l.seller_id AND s.status = 'CLOSED')) AS removed_at
      FROM suspected_infringement si JOIN listing l ON l.id = si.listing_id WHERE l.status = 'REMOVED'`;
    expect(await count(`SELECT 1 FROM (${onRemovedListings}) c WHERE c.removed_at IS NOT NULL AND c.updated_at >= c.removed_at`)).toBeGreaterThan(20);
    expect(await count(`SELECT 1 FROM (${onRemovedListings}) c WHERE c.updated_at < c.removed_at`)).toBe(0);
  });

  it("gives every case that left FLAGGED a note per move, the last one to its status when it got there", async () => {
    expect(
      await count(`SELECT 1 FROM suspected_infringement si
                    WHERE si.status <> 'FLAGGED'
                      AND NOT EXISTS (SELECT 1 FROM infringement_note n
                                       WHERE n.infringement_id = si.id AND n.to_status = si.status AND n.author_user_id IS NOT NULL AND n.body <> ''
                                         -- updated with its last move, or later by its listing's removal (which writes no note on it)
                                         AND (n.created_at = si.updated_at
                                              OR (n.created_at < si.updated_at AND EXISTS (SELECT 1 FROM listing l WHERE l.id = si.listing_id AND l.status = 'REMOVED'))))`),
    ).toBe(0);
    // Every move starts where the one before ended, after the case was detected.
    expect(
      await count(`SELECT 1 FROM infringement_note n JOIN suspected_infringement si ON si.id = n.infringement_id
                    WHERE n.created_at <= si.detected_at OR n.created_at > si.updated_at
                       OR (n.from_status <> 'FLAGGED' AND NOT EXISTS (
                             SELECT 1 FROM infringement_note p
                              WHERE p.infringement_id = n.infringement_id AND p.to_status = n.from_status AND p.created_at < n.created_at))`),
    ).toBe(0);
    expect(await count(`SELECT 1 FROM infringement_note n JOIN suspected_infringement si ON si.id = n.infringement_id WHERE si.status = 'FLAGGED'`)).toBe(0);
  });

  it("keeps what each confirmed case was confirmed on, at its latest confirmation", async () => {
    const confirmedStatuses = `('CONFIRMED', 'TAKEDOWN_REQUESTED', 'REMOVED')`;
    expect(await count(`SELECT 1 FROM suspected_infringement WHERE status IN ${confirmedStatuses}`)).toBeGreaterThan(20);
    expect(
      await count(`SELECT 1 FROM suspected_infringement si
                    WHERE si.status IN ${confirmedStatuses}
                      AND (si.confirmed_risk_score IS DISTINCT FROM si.risk_score OR si.confirmed_risk_signals IS DISTINCT FROM si.risk_signals
                           OR si.confirmed_at IS DISTINCT FROM (SELECT max(n.created_at) FROM infringement_note n
                                                                 WHERE n.infringement_id = si.id AND n.to_status = 'CONFIRMED' AND n.from_status = 'UNDER_REVIEW'))`),
    ).toBe(0);
    expect(await count(`SELECT 1 FROM suspected_infringement WHERE status IN ('FLAGGED', 'UNDER_REVIEW', 'DISMISSED') AND confirmed_at IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM infringement_note n WHERE n.infringement_id = suspected_infringement.id AND n.to_status = 'CONFIRMED')`)).toBe(0);
  });

  it("refers confirmed cases to the demo agency, which its investigator reads", async () => {
    const investigator = { token: await tokenOf("investigator@sh-psb.example") };
    const response = await api.gql<{ referrals: { totalCount: number; edges: { node: { status: string; infringements: { status: string }[] } }[] } }>(
      `{ referrals(first: 10) { totalCount edges { node { status infringements { status } } } } }`,
      {},
      investigator,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.referrals.totalCount).toBeGreaterThanOrEqual(1);
    for (const { node } of response.data!.referrals.edges) {
      expect(node.infringements.length).toBeGreaterThan(0);
      for (const infringement of node.infringements) expect(["CONFIRMED", "TAKEDOWN_REQUESTED", "REMOVED"]).toContain(infringement.status);
    }
  });

  it("publishes governance rules, a member's feedback on them read by others without its author, and none of another's private feedback", async () => {
    const mars = await tokenOf("analyst@mars.example");
    const rules = await api.gql<{ rules: { code: string; version: number; versions: { version: number }[] }[] }>(
      `{ rules { code version versions { version } } }`, {}, { token: mars });
    expect(rules.errors).toBeUndefined();
    expect(rules.data?.rules.find((rule) => rule.code === "TAKEDOWN-SLA")).toEqual({ code: "TAKEDOWN-SLA", version: 2, versions: [{ version: 2 }, { version: 1 }] });
    const FEEDBACK = `{ policyFeedback(first: 20) { edges { node { kind body visibility endorsementCount isOwn author { name } rule { code version } } } } }`;
    type Feedback = { kind: string; body: string; visibility: string; endorsementCount: number; isOwn: boolean; author: { name: string } | null; rule: { code: string; version: number } };
    const asMars = await api.gql<{ policyFeedback: { edges: { node: Feedback }[] } }>(FEEDBACK, {}, { token: mars });
    const seen = asMars.data!.policyFeedback.edges.map((edge) => edge.node);
    expect(seen.map((f) => f.visibility)).toEqual(seen.map(() => "ALLIANCE"));
    expect(seen.find((f) => f.kind === "AMENDMENT_PROPOSAL")).toMatchObject({ endorsementCount: 3, isOwn: false, author: null, rule: { code: "TAKEDOWN-SLA", version: 2 } });
    const asSony = await api.gql<{ policyFeedback: { edges: { node: Feedback }[] } }>(FEEDBACK, {}, { token: await tokenOf("admin@sony.example") });
    expect(asSony.data!.policyFeedback.edges.map((edge) => edge.node).find((f) => f.kind === "COMPLAINT")).toMatchObject({
      visibility: "PRIVATE",
      isOwn: true,
      author: { name: "Sony Admin" },
    });
  });

  it("shares intelligence a third member's blind match finds, and a holder's does not", async () => {
    const MATCH = `{ matchIndicators(queries: [{ kind: PHONE, value: "0086 138 0013 8000" }]) { matched memberCount } }`;
    const asThird = await api.gql<{ matchIndicators: { matched: boolean; memberCount: number | null }[] }>(MATCH, {}, { token: await tokenOf("analyst@mars.example") });
    expect(asThird.data?.matchIndicators).toEqual([{ matched: true, memberCount: 2 }]);
    const asHolder = await api.gql<{ matchIndicators: { matched: boolean }[] }>(MATCH, {}, { token: await tokenOf("analyst@louis-vuitton.example") });
    expect(asHolder.data?.matchIndicators.map((m) => m.matched)).toEqual([false]);
    const listed = await api.gql<{ indicators: { totalCount: number } }>(`{ indicators(first: 50) { totalCount } }`, {}, { token: await tokenOf("analyst@mars.example") });
    // What another member may list: ALLIANCE and ALLIANCE_ANONYMOUS rows only.
    expect(listed.data?.indicators.totalCount).toBe(6);
  });

  it("shares it before the listings are scored, so that a member's case on a store two others reported shows the match", async () => {
    const [intelCase]: { id: string; email: string }[] = await db.query(
      `SELECT si.id, (SELECT u.email FROM app_user u WHERE u.owner_org_id = si.owner_org_id AND u.role = 'ANALYST' ORDER BY u.email LIMIT 1) AS email
         FROM suspected_infringement si JOIN organization o ON o.id = si.owner_org_id
        WHERE o.slug NOT IN ('louis-vuitton', 'sony') AND si.risk_signals @> '[{"kind": "INTEL_MATCH"}]'
        ORDER BY si.id LIMIT 1`,
    );
    expect(intelCase).toBeDefined();
    const read = await api.gql<{ infringement: { riskSignals: { kind: string; contribution: number; reason: string }[] } }>(
      `query ($id: ID!) { infringement(id: $id) { riskSignals { kind contribution reason } } }`,
      { id: gid("Infringement", intelCase.id) },
      { token: await tokenOf(intelCase.email) },
    );
    expect(read.errors).toBeUndefined();
    const intel = read.data?.infringement.riskSignals.find((signal) => signal.kind === "INTEL_MATCH");
    expect(intel?.contribution).toBeGreaterThan(0);
    expect(intel?.reason).toMatch(/matches alliance intelligence \(2 members\)/);
  });
});
