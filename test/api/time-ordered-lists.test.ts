import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createInfringement, createListing, createOrganization, createSeller } from "../support/factories";
import { gid, userPersona, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// The lists in time order that read newest first unless `direction: ASC`: seven rows each, on
// three times (or days) that four and then three of them share, so that only the id orders those.
let api: TestApi;
let platform: Persona;
let brandAdmin: Persona;
const TIMES = ["2026-10-01T12:00:00.250Z", "2026-10-02T12:00:00.250Z", "2026-10-03T12:00:00.250Z"];
// Written with microseconds, as a row stored by anything but the API could be: a paged time column
// keeps milliseconds, which a cursor carries whole, so these tie as the times above.
const timeOf = (i: number) => TIMES[[0, 0, 0, 1, 1, 2, 2][i]].replace(".250Z", `.2500${i}0Z`);

beforeAll(async () => {
  api = await startTestApi();
  const db = api.dataSource;
  const platformOrg = await createOrganization(db, OrgKind.PLATFORM, "Platform");
  const brandOrg = await createOrganization(db, OrgKind.BRAND);
  const agency = await createOrganization(db, OrgKind.AGENCY);
  platform = await userPersona(api, platformOrg, UserRole.ADMIN);
  brandAdmin = await userPersona(api, brandOrg, UserRole.ADMIN);
  const brand = await createBrand(db, brandOrg);
  const [{ id: rule }] = await db.query(
    `INSERT INTO governance_rule (code, version, title, body, effective_at, published_by_user_id) VALUES ('TAKEDOWN-SLA', 1, 't', 'b', '2026-01-01', gen_random_uuid()) RETURNING id`,
  );
  for (let i = 0; i < 7; i += 1) {
    const seller = await createSeller(db);
    const listing = await createListing(db, seller);
    const infringement = await createInfringement(db, brand, listing, { status: InfringementStatus.CONFIRMED });
    const at = timeOf(i);
    await db.query(`INSERT INTO test_buy (owner_org_id, infringement_id, ordered_at, cost_minor, currency, order_reference) VALUES ($1, $2, $3, 100, 'CNY', $4)`, [
      brandOrg.id, infringement.id, at, `order-${i}`,
    ]);
    await db.query(`INSERT INTO legal_action (owner_org_id, seller_id, court, claim_minor, currency, filed_on) VALUES ($1, $2, 'court', 100, 'CNY', $3)`, [
      brandOrg.id, seller.id, at.slice(0, 10),
    ]);
    const [{ id: referral }] = await db.query(`INSERT INTO referral (agency_org_id, summary, created_at) VALUES ($1, 's', $2) RETURNING id`, [agency.id, at]);
    await db.query(
      `INSERT INTO referral_infringement (referral_id, infringement_id, agency_org_id, owner_org_id, brand_id, listing_id, seller_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [referral, infringement.id, agency.id, brandOrg.id, brand.id, listing.id, seller.id],
    );
    // An action no call of this file records, so that these seven are the only ones.
    await db.query(`INSERT INTO audit_event (owner_org_id, action, target_type, created_at) VALUES ($1, 'seller.strike', 'Seller', $2)`, [brandOrg.id, at]);
    await db.query(`INSERT INTO api_key (owner_org_id, name, prefix, key_hash, scopes, created_at) VALUES ($1, $2, 'ak_test', $2, '{catalogue:read}', $3)`, [
      brandOrg.id, `key-${i}`, at,
    ]);
    await db.query(`INSERT INTO policy_feedback (owner_org_id, rule_id, kind, body, visibility, created_at) VALUES ($1, $2, 'SUGGESTION', 'b', 'ALLIANCE', $3)`, [
      brandOrg.id, rule, at,
    ]);
  }
});
afterAll(() => api.close());

// Each list: its type, its table and time column, and the filter that keeps other rows out.
const LISTS = [
  { list: "testBuys", type: "TestBuy", table: "test_buy", column: "ordered_at", filter: "" },
  { list: "legalActions", type: "LegalAction", table: "legal_action", column: "filed_on", filter: "" },
  { list: "referrals", type: "Referral", table: "referral", column: "created_at", filter: "" },
  { list: "auditEvents", type: "AuditEvent", table: "audit_event", column: "created_at", filter: `filter: { actions: ["seller.strike"] }` },
  { list: "policyFeedback", type: "PolicyFeedback", table: "policy_feedback", column: "created_at", filter: "" },
  { list: "apiKeys", type: "ApiKey", table: "api_key", column: "created_at", filter: "" },
] as const;

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] };

async function walk(list: string, args: string, as: Persona) {
  const seen: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let guard = 0; guard < 10; guard += 1) {
    const response: { data?: Record<string, Page> | null; errors?: unknown[] } = await api.gql<Record<string, Page>>(
      `query($after: String) { ${list}(first: 2, after: $after, ${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      { after },
      as.as,
    );
    expect(response.errors).toBeUndefined();
    const page = response.data![list];
    totals.add(page.totalCount);
    seen.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return { seen, totals: [...totals] };
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${list} did not end`);
}

describe.each(LISTS)("$list", ({ list, type, table, column, filter }) => {
  const expected = async (direction: "ASC" | "DESC") => {
    const where = table === "audit_event" ? `WHERE action = 'seller.strike'` : "";
    const rows: { id: string }[] = await api.dataSource.query(`SELECT id FROM ${table} ${where} ORDER BY ${column} ${direction}, id ${direction}`);
    return rows.map((row) => gid(type, row.id));
  };

  it.each(["the platform", "the brand"])("reads newest first by default and oldest first with direction: ASC, ties broken by id, every row once, for %s", async (who) => {
    const as = who === "the platform" ? platform : brandAdmin;
    const newest = await walk(list, filter, as);
    expect(newest).toEqual({ seen: await expected("DESC"), totals: [7] });
    expect(await walk(list, [filter, "direction: DESC"].filter(Boolean).join(", "), as)).toEqual(newest);
    expect(await walk(list, [filter, "direction: ASC"].filter(Boolean).join(", "), as)).toEqual({ seen: await expected("ASC"), totals: [7] });
  });

  it("refuses a cursor of one direction in the other", async () => {
    const first = await api.gql<Record<string, Page>>(`{ ${list}(first: 2, ${filter}) { pageInfo { endCursor } } }`, {}, platform.as);
    const after = first.data![list].pageInfo.endCursor;
    const response = await api.gql(`query($after: String) { ${list}(first: 2, after: $after, ${[filter, "direction: ASC"].filter(Boolean).join(", ")}) { totalCount } }`, { after }, platform.as);
    expect(response.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^`after` is not a cursor of this list/), extensions: { code: "BAD_USER_INPUT" } });
  });
});

// Test buys by when they were ordered, feedback by when it was submitted, lawsuits by the day they
// were filed, as the other lists in time order have their windows: from the start (included) to
// the end (excluded).
const instants = { scalar: "DateTime", bounds: [TIMES[1], TIMES[2]] };
const days = { scalar: "LocalDate", bounds: [TIMES[1].slice(0, 10), TIMES[2].slice(0, 10)] };
describe.each([
  { list: "testBuys", type: "TestBuy", table: "test_buy", column: "ordered_at", from: "orderedFrom", to: "orderedTo", ...instants },
  { list: "policyFeedback", type: "PolicyFeedback", table: "policy_feedback", column: "created_at", from: "createdFrom", to: "createdTo", ...instants },
  { list: "legalActions", type: "LegalAction", table: "legal_action", column: "filed_on", from: "filedFrom", to: "filedTo", ...days },
])("$list between $from and $to", ({ list, type, table, column, from, to, scalar, bounds: [start, end] }) => {
  const LIST = (direction: string) => `query($after: String, $from: ${scalar}, $to: ${scalar}) {
    ${list}(first: 1, after: $after, direction: ${direction}, filter: { ${from}: $from, ${to}: $to }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;

  it.each(["ASC", "DESC"])("holds the window's rows only, page by page, %s", async (direction) => {
    const rows: { id: string }[] = await api.dataSource.query(
      `SELECT id FROM ${table} WHERE ${column} >= $1 AND ${column} < $2 ORDER BY ${column} ${direction}, id ${direction}`,
      [start, end],
    );
    expect(rows).toHaveLength(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 5; guard += 1) {
      const response: { data?: Record<string, Page> | null; errors?: unknown[] } = await api.gql<Record<string, Page>>(
        LIST(direction),
        { after, from: start, to: end },
        brandAdmin.as,
      );
      expect(response.errors).toBeUndefined();
      const page = response.data![list];
      expect(page.totalCount).toBe(2);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map((row) => gid(type, row.id)));
  });

  it("refuses a window that ends where or before it starts", async () => {
    for (const window of [{ from: start, to: start }, { from: end, to: start }]) {
      const response = await api.gql(LIST("DESC"), window, brandAdmin.as);
      expect(response.errors?.[0]).toMatchObject({ message: `\`${from}\` must be before \`${to}\` (a window holds its start, not its end)`, extensions: { code: "BAD_USER_INPUT" } });
    }
  });
});
