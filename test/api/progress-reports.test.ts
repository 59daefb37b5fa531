import { Scope } from "../../src/auth/scopes";
import { Brand, Listing, Organization, SuspectedInfringement } from "../../src/entities";
import { Marketplace, OrgKind, UserRole } from "../../src/entities/enums";
import { primarySuppression, protectMemberTables } from "../../src/domain/reports/disclosure-control";
import type { Contribution } from "../../src/domain/reports/figure-sources";
import { ReportMetric } from "../../src/entities/report-table";
import { createBrand, createOrganization, createProduct, createSeller } from "../support/factories";
import { castJoinedAfterReportedPeriods, createCast, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";
import { inOneUtcWindow } from "../support/utc-window";

// Synthetic figures: four members selling watches and bags. In January brand D dominates watches
// on TAOBAO (20 of 22 flagged listings): that cell must be withheld, and neither the January
// totals nor the first quarter's report may let a member compute it.
let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
const members: { org: Organization; brand: Brand; persona: Persona }[] = [];

interface Cell { category: string | null; marketplace: string | null; value: number | null; suppression: string | null; ownValue: number | null }
interface Report { id: string; period: string; status: string; tables: { metric: string; categories: string[]; marketplaces: string[]; cells: Cell[] }[] }

const REPORT_FIELDS = `id period status tables { metric categories marketplaces cells { category marketplace value suppression ownValue } }`;

async function flag(member: number, month: number, category: "Watches" | "Bags", marketplace: Marketplace, count: number) {
  const db = api.dataSource;
  const seller = await createSeller(db, { marketplace });
  const brand = members[member].brand;
  const product = category === "Watches" ? watchBrands.get(brand.id) : bagBrands.get(brand.id);
  if (!product) throw new Error("setup");
  const listings = await db.manager.save(
    Array.from({ length: count }, (_, n) =>
      db.manager.create(Listing, {
        marketplace, externalId: `m${member}-${month}-${category}-${marketplace}-${n}-${Math.random()}`, sellerId: seller.id,
        title: "fake", priceMinor: 100, currency: "CNY", riskScore: 90, modelVersion: "t", riskSignals: [],
        firstSeenAt: new Date(Date.UTC(2025, month - 1, 10)),
      }),
    ),
  );
  await db.manager.insert(
    SuspectedInfringement,
    listings.map((listing) => ({
      ownerOrgId: brand.ownerOrgId, brandId: product, listingId: listing.id, sellerId: seller.id, marketplace,
      riskScore: 90, riskSignals: [], modelVersion: "t", detectedAt: new Date(Date.UTC(2025, month - 1, 10)),
    })),
  );
}
// brand id -> the brand used for that category (each member has a watch brand and a bag brand).
const watchBrands = new Map<string, string>();
const bagBrands = new Map<string, string>();

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  await castJoinedAfterReportedPeriods(api, cast);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  for (const name of ["A", "B", "C", "D"]) {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, `Member ${name}`);
    const watch = await createBrand(api.dataSource, org);
    const bag = await createBrand(api.dataSource, org);
    await createProduct(api.dataSource, watch, { category: "Watches" });
    await createProduct(api.dataSource, bag, { category: "Bags" });
    watchBrands.set(watch.id, watch.id);
    bagBrands.set(watch.id, bag.id);
    members.push({ org, brand: watch, persona: await userPersona(api, org, UserRole.ANALYST) });
  }
  // January: watches/TAOBAO A=1 C=1 D=20 (D dominates); bags/TAOBAO everyone 2; watches/TMALL A,B,C 3 each.
  await flag(0, 1, "Watches", Marketplace.TAOBAO, 1);
  await flag(2, 1, "Watches", Marketplace.TAOBAO, 1);
  await flag(3, 1, "Watches", Marketplace.TAOBAO, 20);
  for (const m of [0, 1, 2, 3]) await flag(m, 1, "Bags", Marketplace.TAOBAO, 2);
  for (const m of [0, 1, 2]) await flag(m, 1, "Watches", Marketplace.TMALL, 3);
  // February and March: watches/TAOBAO A, C, D 3 each (publishable), bags/TAOBAO everyone 2.
  for (const month of [2, 3]) {
    for (const m of [0, 2, 3]) await flag(m, month, "Watches", Marketplace.TAOBAO, 3);
    for (const m of [0, 1, 2, 3]) await flag(m, month, "Bags", Marketplace.TAOBAO, 2);
  }
  for (const period of ["2025-01", "2025-02", "2025-03"]) await publish(period);
});
afterAll(() => api.close());

async function publish(period: string): Promise<string> {
  const generated = await api.gql<{ generateProgressReport: { id: string } }>(
    `mutation($period: String!) { generateProgressReport(period: $period) { id status } }`, { period }, platformAdmin.as);
  expect(generated.errors).toBeUndefined();
  const id = generated.data!.generateProgressReport.id;
  const reviewed = await api.gql(`mutation($id: ID!) { reviewProgressReport(input: { id: $id, note: "checked" }) { status } }`, { id }, platformAdmin.as);
  expect(reviewed.errors).toBeUndefined();
  const published = await api.gql(`mutation($id: ID!) { publishProgressReport(id: $id) { status } }`, { id }, platformAdmin.as);
  expect(published.data).toEqual({ publishProgressReport: { status: "PUBLISHED" } });
  return id;
}

async function readReport(period: string, persona: Persona): Promise<Report> {
  const response = await api.gql<{ progressReports: { edges: { node: Report }[] } }>(
    `{ progressReports(first: 20) { edges { node { ${REPORT_FIELDS} } } } }`, {}, persona.as);
  expect(response.errors).toBeUndefined();
  const report = response.data!.progressReports.edges.map((edge) => edge.node).find((node) => node.period === period);
  if (!report) throw new Error(`no published report ${period}`);
  return report;
}

const flagged = (report: Report) => report.tables.find((table) => table.metric === "LISTINGS_FLAGGED")!;
const cellOf = (report: Report, category: string | null, marketplace: string | null) =>
  flagged(report).cells.find((cell) => cell.category === category && cell.marketplace === marketplace)!;

// What a member can compute from one table: every withheld cell that is the only unknown of a
// row or a column (with its total). Returns the cells it recovered.
function recoverFromTotals(report: Report): Cell[] {
  const table = flagged(report);
  const rows = [...table.categories, null];
  const columns = [...table.marketplaces, null];
  const get = (c: string | null, m: string | null) => table.cells.find((cell) => cell.category === c && cell.marketplace === m)!;
  const lines = [
    ...rows.map((c) => columns.map((m) => get(c, m))),
    ...columns.map((m) => rows.map((c) => get(c, m))),
  ];
  return lines.filter((line) => line.filter((cell) => cell.value === null).length === 1).map((line) => line.find((cell) => cell.value === null)!);
}

describe("progress reports", () => {
  it("withhold a cell one member dominates, and enough others that totals do not give it away", async () => {
    const asPlatform = await readReport("2025-01", platformAdmin);
    expect(cellOf(asPlatform, "Watches", "TAOBAO")).toMatchObject({ value: null, suppression: "DOMINANT_CONTRIBUTOR" });
    // Alone in its TAOBAO column with the total, it would be the total minus bags: bags go too.
    expect(cellOf(asPlatform, "Bags", "TAOBAO")).toMatchObject({ value: null, suppression: "COMPLEMENTARY" });
    const january = await readReport("2025-01", members[0].persona);
    expect(cellOf(january, "Watches", "TAOBAO").value).toBeNull();
    expect(cellOf(january, "Bags", "TAOBAO").value).toBeNull();
    const february = await readReport("2025-02", members[0].persona);
    expect(cellOf(february, "Bags", "TAOBAO")).toMatchObject({ value: 8, suppression: null });
    expect(recoverFromTotals(january)).toEqual([]);
  });

  it("tell members and agencies only that a cell is withheld: the reason would narrow the figure", async () => {
    // COMPLEMENTARY says the cell is its line's smallest non-zero one and not sensitive itself;
    // DOMINANT_CONTRIBUTOR that one member has most of it. Only the platform reads either.
    for (const persona of [members[0].persona, members[3].persona, cast.investigator]) {
      const january = await readReport("2025-01", persona);
      expect(cellOf(january, "Watches", "TAOBAO")).toMatchObject({ value: null, suppression: "WITHHELD" });
      expect(cellOf(january, "Bags", "TAOBAO")).toMatchObject({ value: null, suppression: "WITHHELD" });
      const reasons = new Set(january.tables.flatMap((table) => table.cells.map((cell) => cell.suppression)));
      expect([...reasons].sort()).toEqual(["WITHHELD", null].sort());
    }
  });

  it("show each member its own figures beside the alliance's, never withheld from it", async () => {
    const asD = await readReport("2025-01", members[3].persona);
    expect(cellOf(asD, "Watches", "TAOBAO")).toMatchObject({ value: null, ownValue: 20 });
    const asA = await readReport("2025-01", members[0].persona);
    expect(cellOf(asA, "Watches", "TAOBAO")).toMatchObject({ value: null, ownValue: 1 });
    expect(cellOf(asA, "Bags", "TAOBAO").ownValue).toBe(2);
  });

  it("give an API key its organization's own figures only with infringements:read; the published figures to any key", async () => {
    const read = (as: Persona["as"]) =>
      api.gql<{ progressReports: { edges: { node: Report }[] } }>(`{ progressReports(first: 5) { edges { node { period tables { metric cells { value ownValue } } } } } }`, {}, as);
    const narrow = await read((await cast.keyFor(members[0].org, [Scope.CATALOGUE_READ])).as);
    expect(narrow.errors?.map((e) => [e.message, e.extensions?.code])).toContainEqual(["Your organization's own figures need the infringements:read scope", "FORBIDDEN"]);
    expect(JSON.stringify(narrow.data)).not.toMatch(/"ownValue":\d/);
    // The published figures it reads.
    const asKey = narrow.data!.progressReports.edges.map((e) => e.node).find((r) => r.period === "2025-02")!;
    expect(flagged(asKey).cells.map((c) => c.value)).toEqual(flagged(await readReport("2025-02", members[0].persona)).cells.map((c) => c.value));
    const withScope = await read((await cast.keyFor(members[0].org, [Scope.INFRINGEMENTS_READ])).as);
    expect(withScope.errors).toBeUndefined();
    const january = withScope.data!.progressReports.edges.map((e) => e.node).find((r) => r.period === "2025-01")!;
    expect(flagged(january).cells.map((c) => c.ownValue)).toEqual(flagged(await readReport("2025-01", members[0].persona)).cells.map((c) => c.ownValue));
  });

  it("resist the differencing attack: member A cannot compute D's January figure from the quarter and the months", async () => {
    // The attack needs the quarter to publish watches/TAOBAO: on raw data it would, since over the
    // quarter 4 members contribute and D has 26 of 40.
    expect(primarySuppression([1 + 3 + 3, 3 + 3, 20 + 3 + 3], { minContributors: 3, dominanceShare: 0.8 })).toBeNull();
    await publish("2025-Q1");
    const a = members[0].persona;
    const [q1, jan, feb, mar] = await Promise.all(["2025-Q1", "2025-01", "2025-02", "2025-03"].map((p) => readReport(p, a)));
    const quarterCell = cellOf(q1, "Watches", "TAOBAO");
    expect(quarterCell).toMatchObject({ value: null, suppression: "SUPPRESSED_IN_A_MONTH", ownValue: 7 });

    // A's attempt (the quarter minus February and March, then minus its own and C's share) needs the
    // quarter's value, withheld above, while February and March are published.
    expect([cellOf(feb, "Watches", "TAOBAO").value, cellOf(mar, "Watches", "TAOBAO").value]).not.toContain(null);
    // Every published quarter cell is the sum of the same published month cells, none of them
    // withheld (a month with no such cell had none): nothing new.
    for (const cell of flagged(q1).cells.filter((c) => c.value !== null)) {
      const months = [jan, feb, mar].map((m) => {
        const value = cellOf(m, cell.category, cell.marketplace)?.value;
        return value === undefined ? 0 : value;
      });
      expect(months).not.toContain(null);
      expect(cell.value).toBe(months.reduce((sum: number, v) => sum + v!, 0));
    }
    expect(recoverFromTotals(q1)).toEqual([]);
  });

  it("build a quarter only from published months", async () => {
    const response = await api.gql(`mutation { generateProgressReport(period: "2025-Q2") { id } }`, {}, platformAdmin.as);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT" } });
    expect(response.errors?.[0].message).toContain("publish 2025-04, 2025-05, 2025-06 first");
    const bad = await api.gql(`mutation { generateProgressReport(period: "2025-13") { id } }`, {}, platformAdmin.as);
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    // A published month never changes: regenerating it is a step its state does not allow.
    const published = await api.dataSource.query(`SELECT id, tables FROM progress_report WHERE period = '2025-01'`);
    expect(published).toHaveLength(1);
    const again = await api.gql(`mutation { generateProgressReport(period: "2025-01") { id } }`, {}, platformAdmin.as);
    expect(again.errors?.[0]).toMatchObject({
      message: "The report for 2025-01 is published and cannot be regenerated",
      extensions: { code: "BAD_USER_INPUT", status: "PUBLISHED" },
    });
    expect(await api.dataSource.query(`SELECT id, tables FROM progress_report WHERE period = '2025-01'`)).toEqual(published);
  });

  it("refuse a period before 2000 (a two-digit year is not 19xx) and one that has not ended", async () => {
    const generate = (period: string) => api.gql(`mutation($p: String!) { generateProgressReport(period: $p) { id } }`, { p: period }, platformAdmin.as);
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM progress_report`);
    expect((await generate("0026-10")).errors?.[0]).toMatchObject({ message: '"0026-10" is not a report period: its year must be 2000 or later', extensions: { code: "BAD_USER_INPUT" } });
    // This month by the test's clock must still be the running month by the API's.
    await inOneUtcWindow("month");
    const now = new Date();
    const thisMonth = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    const running = await generate(thisMonth);
    expect(running.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(running.errors?.[0].message).toMatch(new RegExp(`^${thisMonth} has not ended`));
    expect((await generate("2999-Q1")).errors?.[0].message).toMatch(/^2999-Q1 has not ended/);
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM progress_report`)).toEqual(before);
  });

  it("keep drafts from members and agencies, and let only platform admins generate them", async () => {
    const draft = await api.gql<{ generateProgressReport: { id: string } }>(`mutation { generateProgressReport(period: "2025-04") { id } }`, {}, platformAdmin.as);
    const id = draft.data!.generateProgressReport.id;
    const missing = "UHJvZ3Jlc3NSZXBvcnQ6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw";
    for (const persona of [members[0].persona, cast.investigator]) {
      const read = await api.gql(`query($id: ID!) { progressReport(id: $id) { id } }`, { id }, persona.as);
      const readMissing = await api.gql(`query($id: ID!) { progressReport(id: $id) { id } }`, { id: missing }, persona.as);
      expect(read.errors?.[0].extensions?.code).toBe("NOT_FOUND");
      expect(read).toEqual(readMissing);
      const list = await api.gql(`{ progressReports(first: 50) { edges { node { period status } } } }`, {}, persona.as);
      expect(JSON.stringify(list)).not.toContain("DRAFT");
      const publish = await api.gql(`mutation($id: ID!) { publishProgressReport(id: $id) { id } }`, { id }, persona.as);
      expect(publish.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const early = await api.gql(`mutation($id: ID!) { publishProgressReport(id: $id) { id } }`, { id }, platformAdmin.as);
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", allowedStatuses: ["REVIEWED"] } });
    const agencyReads = await readReport("2025-02", cast.investigator);
    expect(cellOf(agencyReads, "Bags", "TAOBAO")).toMatchObject({ value: 8, ownValue: null });
  });
});

describe("a category with fewer than 3 members", () => {
  it("has its whole row withheld, zeros too: a zero would be its member's exact figure, a withheld cell where it was active", () => {
    const rules = { minContributors: 3, dominanceShare: 0.8 };
    const shape = { categories: ["Toys", "Watches"], marketplaces: ["TAOBAO", "TMALL"], membersOf: new Map([["Toys", 1], ["Watches", 3]]) };
    const contributions = [
      { orgId: "toy-maker", category: "Toys", marketplace: "TAOBAO", value: 5 },
      ...["w1", "w2", "w3"].flatMap((orgId) => [
        { orgId, category: "Watches", marketplace: "TAOBAO", value: 4 },
        { orgId, category: "Watches", marketplace: "TMALL", value: 4 },
      ]),
    ];
    const [table] = protectMemberTables([{ metric: ReportMetric.LISTINGS_FLAGGED, currency: null, contributions }], shape, rules);
    const cell = (category: string | null, marketplace: string | null) => table.cells.find((c) => c.category === category && c.marketplace === marketplace)!;
    for (const marketplace of ["TAOBAO", "TMALL", null]) {
      expect(cell("Toys", marketplace)).toMatchObject({ value: null, suppression: "FEW_CONTRIBUTORS" });
    }
    // The Toys TMALL zero is withheld like the rest, so no column pins the Toys cells from its total.
    expect(cell("Watches", "TAOBAO").value === null || cell(null, "TAOBAO").value === null).toBe(true);
    expect(cell("Watches", "TMALL").value === null || cell(null, "TMALL").value === null).toBe(true);
  });
});

describe("a cell in which one contributor would know another's figure too well", () => {
  const rules = { minContributors: 3, dominanceShare: 0.8 };
  it("is withheld when the largest would know every other's exactly (EXACT_ESTIMATE): 1, 1 and 1, or 3, 1 and 1", () => {
    expect(primarySuppression([1, 1, 1], rules)).toBe("EXACT_ESTIMATE");
    expect(primarySuppression([3, 1, 1], rules)).toBe("EXACT_ESTIMATE");
    expect(primarySuppression([2, 1, 1, 0], rules)).toBe("EXACT_ESTIMATE");
  });

  it("is withheld when the second largest would know the largest's within 10% (NARROW_ESTIMATE): 5, 2 and 1; 100, 95 and 3", () => {
    // The second knows the largest is the others' sum less the rest, and the rest is at least 1 each.
    expect(primarySuppression([5, 2, 1], rules)).toBe("NARROW_ESTIMATE");
    expect(primarySuppression([100, 95, 3], rules)).toBe("NARROW_ESTIMATE");
    expect(primarySuppression([2, 2, 2], rules)).toBeNull();
    expect(primarySuppression([5, 3, 2], rules)).toBeNull();
    expect(primarySuppression([100, 80, 30], rules)).toBeNull();
  });
});


// What a reader can pin from a protected table: for each row and column with its total, the
// withheld cells add up to the total less the published ones, and the reader knows its own parts
// of them (and those `knownBy` it). A line with exactly one withheld cell holding more than that
// gives the rest of that cell away.
function pinnedBy(table: { cells: { category: string | null; marketplace: string | null; value: number | null }[] }, contributions: Contribution[], reader: string) {
  const unknown = (category: string | null, marketplace: string | null) =>
    contributions
      .filter((c) => (category === null || c.category === category) && (marketplace === null || c.marketplace === marketplace))
      .filter((c) => c.orgId !== reader && !(c.knownBy ?? []).includes(reader))
      .reduce((sum, c) => sum + c.value, 0);
  const categories = [...new Set(table.cells.map((cell) => cell.category))];
  const marketplaces = [...new Set(table.cells.map((cell) => cell.marketplace))];
  const lines = [
    ...categories.map((category) => table.cells.filter((cell) => cell.category === category)),
    ...marketplaces.map((marketplace) => table.cells.filter((cell) => cell.marketplace === marketplace)),
  ];
  return lines.flatMap((line) => {
    const hiding = line.filter((cell) => cell.value === null && unknown(cell.category, cell.marketplace) > 0);
    return hiding.length === 1 ? [`${hiding[0].category}/${hiding[0].marketplace}`] : [];
  });
}

describe("a row that one member alone could contribute to", () => {
  it("does not count, to that member, as hiding anything: the totals beside its own cells stay withheld", () => {
    const rules = { minContributors: 3, dominanceShare: 0.6 };
    const shape = {
      categories: ["Bags", "Uncategorized"],
      marketplaces: ["TAOBAO", "TMALL"],
      membersOf: new Map([["Bags", 4], ["Uncategorized", 1]]),
      soleMemberOf: new Map([["Uncategorized", "R"]]),
    };
    // Bags on TAOBAO is A's and B's alone (withheld); R, Uncategorized's only member, knows its own 3.
    const contributions: Contribution[] = [
      { orgId: "A", category: "Bags", marketplace: "TAOBAO", value: 5 },
      { orgId: "B", category: "Bags", marketplace: "TAOBAO", value: 4 },
      { orgId: "A", category: "Bags", marketplace: "TMALL", value: 6 },
      { orgId: "B", category: "Bags", marketplace: "TMALL", value: 5 },
      { orgId: "C", category: "Bags", marketplace: "TMALL", value: 7 },
      { orgId: "R", category: "Uncategorized", marketplace: "TAOBAO", value: 3 },
    ];
    const [table] = protectMemberTables([{ metric: ReportMetric.LISTINGS_FLAGGED, currency: null, contributions }], shape, rules);
    for (const reader of ["A", "B", "C", "D", "R", "someone else"]) expect([reader, pinnedBy(table, contributions, reader)]).toEqual([reader, []]);
    expect(table.cells.find((cell) => cell.category === "Bags" && cell.marketplace === "TAOBAO")).toMatchObject({ value: null });
    // Nothing but the cell's own fields is stored with the report.
    expect(Object.keys(table.cells[0]).sort()).toEqual(["category", "marketplace", "suppression", "value"]);
  });
});

describe("a reader who knows more than one figure of a line", () => {
  const rules = { minContributors: 3, dominanceShare: 0.8 };
  const shape = { categories: ["Bags", "Shoes", "Watches"], marketplaces: ["TAOBAO", "TMALL"], membersOf: new Map([["Bags", 5], ["Shoes", 5], ["Watches", 5]]) };
  const protect = (contributions: Contribution[]) =>
    protectMemberTables([{ metric: ReportMetric.TAKEDOWNS_REQUESTED, currency: null, contributions }], shape, rules)[0];

  it("cannot take its own withheld cell out of a line to pin another member's (complementary suppression holds against each member)", () => {
    const contributions: Contribution[] = [
      { orgId: "B", category: "Watches", marketplace: "TMALL", value: 5 },
      { orgId: "A", category: "Bags", marketplace: "TMALL", value: 2 },
      { orgId: "C", category: "Shoes", marketplace: "TMALL", value: 3 },
      { orgId: "D", category: "Shoes", marketplace: "TMALL", value: 4 },
      { orgId: "E", category: "Shoes", marketplace: "TMALL", value: 5 },
      ...["A", "B", "C", "D", "E"].flatMap((orgId) => ["Bags", "Shoes", "Watches"].map((category) => ({ orgId, category, marketplace: "TAOBAO", value: 4 }))),
    ];
    const table = protect(contributions);
    for (const reader of ["A", "B", "C", "D", "E", "someone else"]) expect([reader, pinnedBy(table, contributions, reader)]).toEqual([reader, []]);
  });

  it("withholds what is left of a cell once an agency takes out the referrals it received, or a member the referral it is in", () => {
    // Agency 1's referral holds A's and C's cases; agency 2's B's alone. Three members in the
    // cell, but to agency 1 (and to A and C, who read their referral's figures) the rest is B's.
    const ofR1 = ["agency-1", "A", "C"];
    const contributions: Contribution[] = [
      { orgId: "A", category: "Watches", marketplace: "TAOBAO", value: 3, knownBy: ofR1 },
      { orgId: "C", category: "Watches", marketplace: "TAOBAO", value: 3, knownBy: ofR1 },
      { orgId: "B", category: "Watches", marketplace: "TAOBAO", value: 2, knownBy: ["agency-2"] },
      ...["A", "B", "C", "D"].flatMap((orgId) => ["Bags", "Shoes"].map((category) => ({ orgId, category, marketplace: "TMALL", value: 3, knownBy: ["agency-3"] }))),
    ];
    const table = protect(contributions);
    expect(table.cells.find((cell) => cell.category === "Watches" && cell.marketplace === "TAOBAO")).toMatchObject({ value: null });
    for (const reader of ["agency-1", "agency-2", "agency-3", "A", "B", "C", "D", "someone else"]) {
      expect([reader, pinnedBy(table, contributions, reader)]).toEqual([reader, []]);
    }
  });
});
