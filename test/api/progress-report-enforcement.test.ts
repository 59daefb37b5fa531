import type { Brand, Organization } from "../../src/entities";
import { InfringementStatus, Marketplace, OrgKind, SellerStatus, UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { createBrand, createInfringement, createListing, createOrganization, createProduct, createSeller } from "../support/factories";
import { CREATE_REFERRAL, UPDATE_REFERRAL, dataOf } from "../support/enforcement";
import { castJoinedAfterReportedPeriods, createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Hand-made enforcement data, four members (A, B, C, D) with a watch brand each, in 2024:
// January
// (Figures of 1 each are withheld, EXACT_ESTIMATE: each member would know the others' are 1.)
//   takedowns requested watches/TAOBAO A 3, B 3, C 3; approved in January A 2, B 2, C 2; the third
//     of each withdrawn in January (requested, never executed). Its case was confirmed by a review
//     in January and returned to CONFIRMED by the withdrawal: one confirmation, not two.
//   test buys COUNTERFEIT watches/TAOBAO A, B, C, D 2 each; GENUINE A 1 (alone: withheld).
//   referral R1 (created and raided in January): cases A 4, B 2, C 2 on watches/TAOBAO; 8 arrests,
//     1,000 units, 1,000.01 CNY seized. Largest remainder: arrests A 4 B 2 C 2, units 500/250/250,
//     value 50,001/25,000/25,000 fen, and its one raid to A (the largest share): withheld.
// February: referral R3 with two cases of each member, no raid, 8 arrests recorded on 5 February.
//   Test buys GENUINE B, C, D 2 each (publishable), as in March.
// March: referral R2, D's 3 cases alone on watches/TMALL, raided, 2 arrests, 50.00 USD seized: withheld.
//   Takedowns approved watches/TMALL D 2 (alone: withheld); listings removed there A 2, B 2, D 2.
// Stores: one penalized in January, one closed in February (dated by status_changed_at).
let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
let agencyId: string;
const members: { org: Organization; brand: Brand; persona: Persona }[] = [];

interface Cell { category: string | null; marketplace: string | null; value: number | null; suppression: string | null; ownValue: number | null }
interface Table { metric: string; currency: string | null; categories: string[]; marketplaces: string[]; cells: Cell[] }
interface Report { period: string; tables: Table[] }

const at = (month: number, day: number) => new Date(Date.UTC(2024, month - 1, day, 12));

// `count` CONFIRMED cases of a member on a marketplace, detected in December 2023 (so that
// LISTINGS_FLAGGED stays out of the way).
async function cases(member: number, marketplace: Marketplace, count: number): Promise<{ id: string; listingId: string; sellerId: string }[]> {
  const seller = await createSeller(api.dataSource, { marketplace });
  const made = [];
  for (let n = 0; n < count; n++) {
    const listing = await createListing(api.dataSource, seller, { firstSeenAt: at(0, 1) });
    made.push(await createInfringement(api.dataSource, members[member].brand, listing, { status: InfringementStatus.CONFIRMED, detectedAt: at(0, 1) }));
  }
  return made;
}

// An approved takedown removes its listing, and with it the requester's case.
async function takedown(member: number, requested: Date, approved: Date, marketplace = Marketplace.TAOBAO) {
  const [infringement] = await cases(member, marketplace, 1);
  await takedownRequest(member, infringement, marketplace, "APPROVED", requested, approved);
  await removed(infringement.id, approved);
}

// A takedown withdrawn by the brand: its case, confirmed by a review before the request, is
// CONFIRMED again, with both moves in its notes.
async function withdrawnTakedown(member: number, confirmed: Date, requested: Date, withdrawn: Date) {
  const [infringement] = await cases(member, Marketplace.TAOBAO, 1);
  await takedownRequest(member, infringement, Marketplace.TAOBAO, "WITHDRAWN", requested, withdrawn);
  for (const [from, note, createdAt] of [["UNDER_REVIEW", "confirmed", confirmed], ["TAKEDOWN_REQUESTED", "Takedown withdrawn: test", withdrawn]] as const) {
    await api.dataSource.query(
      `INSERT INTO infringement_note (owner_org_id, infringement_id, body, from_status, to_status, created_at)
       VALUES ($1, $2, $3, $4, 'CONFIRMED', $5)`,
      [members[member].org.id, infringement.id, note, from, createdAt],
    );
  }
}

async function takedownRequest(
  member: number,
  infringement: { id: string; listingId: string; sellerId: string },
  marketplace: Marketplace,
  status: "APPROVED" | "WITHDRAWN",
  requested: Date,
  decided: Date,
) {
  await api.dataSource.query(
    `INSERT INTO takedown_request (owner_org_id, infringement_id, brand_id, listing_id, seller_id, marketplace, status, reason, requested_at, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'test', $8, $9)`,
    [members[member].org.id, infringement.id, members[member].brand.id, infringement.listingId, infringement.sellerId, marketplace,
      status, requested, decided],
  );
}

// As removeListings does: the case moves to REMOVED with a note dating the move.
async function removed(infringementId: string, at: Date) {
  await api.dataSource.query(`UPDATE suspected_infringement SET status = 'REMOVED', updated_at = $2 WHERE id = $1`, [infringementId, at]);
  await api.dataSource.query(
    `INSERT INTO infringement_note (owner_org_id, infringement_id, body, from_status, to_status, created_at)
     SELECT owner_org_id, id, 'Listing removed (test)', 'TAKEDOWN_REQUESTED', 'REMOVED', $2 FROM suspected_infringement WHERE id = $1`,
    [infringementId, at],
  );
}

async function testBuy(member: number, outcome: string, recorded: Date) {
  const [infringement] = await cases(member, Marketplace.TAOBAO, 1);
  await api.dataSource.query(
    `INSERT INTO test_buy (owner_org_id, infringement_id, ordered_at, cost_minor, currency, order_reference, outcome, outcome_recorded_at)
     VALUES ($1, $2, $3, 1000, 'CNY', 'order', $4, $3)`,
    [members[member].org.id, infringement.id, recorded, outcome],
  );
}

async function referral(
  caseList: { member: number; marketplace: Marketplace; count: number }[],
  outcome: { created: Date; raidDate?: string; arrests?: number; seizedUnits?: number; seized?: [number, string]; recorded?: Date },
) {
  const [{ id }] = (await api.dataSource.query(
    `INSERT INTO referral (agency_org_id, summary, status, raid_date, arrests, seized_units, seized_value_minor, seized_value_currency, created_at, outcome_recorded_at)
     VALUES ($1, 'test', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [agencyId, outcome.raidDate ? "RAIDED" : "INVESTIGATING", outcome.raidDate ?? null, outcome.arrests ?? 0, outcome.seizedUnits ?? 0,
      outcome.seized?.[0] ?? null, outcome.seized?.[1] ?? null, outcome.created, outcome.recorded ?? outcome.created],
  )) as { id: string }[];
  for (const { member, marketplace, count } of caseList) {
    for (const infringement of await cases(member, marketplace, count)) {
      await api.dataSource.query(
        `INSERT INTO referral_infringement (referral_id, infringement_id, agency_org_id, owner_org_id, brand_id, listing_id, seller_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, infringement.id, agencyId, members[member].org.id, members[member].brand.id, infringement.listingId, infringement.sellerId],
      );
    }
  }
}

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  await castJoinedAfterReportedPeriods(api, cast);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  agencyId = cast.investigator.org.id;
  for (const name of ["A", "B", "C", "D"]) {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, `Enforcing member ${name}`);
    const brand = await createBrand(api.dataSource, org);
    await createProduct(api.dataSource, brand, { category: "Watches" });
    // A second category, so that every table has rows to protect each other with.
    await createProduct(api.dataSource, await createBrand(api.dataSource, org), { category: "Bags" });
    members.push({ org, brand, persona: await userPersona(api, org, UserRole.ANALYST) });
  }
  for (const m of [0, 1, 2]) {
    await takedown(m, at(1, 5), at(1, 9));
    await takedown(m, at(1, 5), at(1, 10));
    await withdrawnTakedown(m, at(1, 4), at(1, 6), at(1, 8));
  }
  // March: D's two takedowns on watches/TMALL, and A's and B's two cases each there removed too
  // (their listings went with another brand's takedown): removals 2, 2 and 2, takedowns D's alone.
  for (const day of [10, 11]) await takedown(3, at(3, 9), at(3, day), Marketplace.TMALL);
  for (const m of [0, 1]) for (const { id } of await cases(m, Marketplace.TMALL, 2)) await removed(id, at(3, 12));
  for (const m of [0, 1, 2, 3]) for (const day of [12, 14]) await testBuy(m, "COUNTERFEIT", at(1, day));
  await testBuy(0, "GENUINE", at(1, 13));
  for (const month of [2, 3]) for (const m of [1, 2, 3]) for (const day of [13, 14]) await testBuy(m, "GENUINE", at(month, day));
  await referral(
    [{ member: 0, marketplace: Marketplace.TAOBAO, count: 4 }, { member: 1, marketplace: Marketplace.TAOBAO, count: 2 }, { member: 2, marketplace: Marketplace.TAOBAO, count: 2 }],
    { created: at(1, 3), raidDate: "2024-01-15", arrests: 8, seizedUnits: 1000, seized: [100_001, "CNY"] },
  );
  await referral([{ member: 3, marketplace: Marketplace.TMALL, count: 3 }], { created: at(3, 4), raidDate: "2024-03-20", arrests: 2, seized: [5000, "USD"] });
  await referral([0, 1, 2, 3].map((member) => ({ member, marketplace: Marketplace.TAOBAO, count: 2 })), {
    created: at(2, 1), arrests: 8, recorded: at(2, 5),
  });
  await createSeller(api.dataSource, { status: SellerStatus.PENALIZED, statusChangedAt: at(1, 20) });
  await createSeller(api.dataSource, { marketplace: Marketplace.TMALL, status: SellerStatus.CLOSED, statusChangedAt: at(2, 20) });
  for (const period of ["2024-01", "2024-02", "2024-03", "2024-Q1"]) await publish(period);
});
afterAll(() => api.close());

async function publish(period: string) {
  const generated = await api.gql<{ generateProgressReport: { id: string } }>(
    `mutation($period: String!) { generateProgressReport(period: $period) { id } }`, { period }, platformAdmin.as);
  expect(generated.errors).toBeUndefined();
  const id = generated.data!.generateProgressReport.id;
  await api.gql(`mutation($id: ID!) { reviewProgressReport(input: { id: $id }) { status } }`, { id }, platformAdmin.as);
  const published = await api.gql(`mutation($id: ID!) { publishProgressReport(id: $id) { status } }`, { id }, platformAdmin.as);
  expect(published.data).toEqual({ publishProgressReport: { status: "PUBLISHED" } });
}

// One request at a time: each report is large, and the suite runs beside others.
async function readReports(periods: string[], persona: Persona): Promise<Report[]> {
  const reports = [];
  for (const period of periods) reports.push(await readReport(period, persona));
  return reports;
}

async function readReport(period: string, persona: Persona): Promise<Report> {
  const response = await api.gql<{ progressReports: { edges: { node: Report }[] } }>(
    `{ progressReports(first: 20) { edges { node { period tables { metric currency categories marketplaces
       cells { category marketplace value suppression ownValue } } } } } }`, {}, persona.as);
  expect(response.errors).toBeUndefined();
  const report = response.data!.progressReports.edges.map((edge) => edge.node).find((node) => node.period === period);
  if (!report) throw new Error(`no published report ${period}`);
  return report;
}

const tableOf = (report: Report, metric: string, currency: string | null = null) => {
  const table = report.tables.find((t) => t.metric === metric && t.currency === currency);
  if (!table) throw new Error(`no ${metric} ${currency ?? ""} table in ${report.period}`);
  return table;
};
const cellOf = (report: Report, metric: string, category: string | null, marketplace: string | null, currency: string | null = null) =>
  tableOf(report, metric, currency).cells.find((cell) => cell.category === category && cell.marketplace === marketplace)!;

// Each member's (A, B, C, D) stored own figure in a Watches cell of a published month, which the
// platform keeps for disclosure control.
async function storedShares(period: string, metric: string, currency: string | null = null, marketplace = "TAOBAO"): Promise<number[]> {
  const rows: { owner_org_id: string; figures: { metric: string; currency?: string | null; category: string | null; marketplace: string | null; value: number }[] }[] =
    await api.dataSource.query(
      `SELECT f.owner_org_id, f.figures FROM progress_report_member_figures f JOIN progress_report r ON r.id = f.report_id WHERE r.period = $1`,
      [period],
    );
  return members.map(({ org }) => {
    const figures = rows.find((row) => row.owner_org_id === org.id)?.figures ?? [];
    const figure = figures.find((f) => f.metric === metric && (f.currency ?? null) === currency && f.category === "Watches" && f.marketplace === marketplace);
    return figure?.value ?? 0;
  });
}

// Every withheld cell that is the only unknown of a row or a column with its total.
function recoverFromTotals(table: Table): Cell[] {
  const get = (c: string | null, m: string | null) => table.cells.find((cell) => cell.category === c && cell.marketplace === m)!;
  const rows = [...table.categories, null];
  const columns = [...table.marketplaces, null];
  const lines = [...rows.map((c) => columns.map((m) => get(c, m))), ...columns.map((m) => rows.map((c) => get(c, m)))];
  return lines.filter((line) => line.filter((cell) => cell.value === null).length === 1).map((line) => line.find((cell) => cell.value === null)!);
}

const ENFORCEMENT = ["TAKEDOWNS_REQUESTED", "TAKEDOWNS_EXECUTED", "TEST_BUYS_COUNTERFEIT", "TEST_BUYS_GENUINE", "TEST_BUYS_INCONCLUSIVE",
  "CASES_REFERRED", "RAIDS", "ARRESTS", "SEIZED_UNITS", "SEIZED_VALUE"];

describe("progress reports: enforcement figures", () => {
  it("count takedowns, test buys and referred cases per member cell, dated in the period", async () => {
    const jan = await readReport("2024-01", members[0].persona);
    expect(cellOf(jan, "TAKEDOWNS_REQUESTED", "Watches", "TAOBAO")).toMatchObject({ value: 9, suppression: null, ownValue: 3 });
    expect(cellOf(jan, "TAKEDOWNS_EXECUTED", "Watches", "TAOBAO")).toMatchObject({ value: 6, suppression: null, ownValue: 2 });
    // A withdrawn takedown's case was confirmed once, by its review; the withdrawal is no new confirmation.
    expect(cellOf(jan, "INFRINGEMENTS_CONFIRMED", "Watches", "TAOBAO").ownValue).toBe(1);
    expect(cellOf(jan, "TEST_BUYS_COUNTERFEIT", "Watches", "TAOBAO")).toMatchObject({ value: 8, suppression: null, ownValue: 2 });
    expect(cellOf(jan, "TEST_BUYS_INCONCLUSIVE", null, null)).toMatchObject({ value: 0, suppression: null });
    // R1's eight cases (A 4, B 2, C 2) are publishable; R2's three in March are D's alone.
    expect(cellOf(jan, "CASES_REFERRED", "Watches", "TAOBAO")).toMatchObject({ value: 8, suppression: null, ownValue: 4 });
    const mar = await readReport("2024-03", members[0].persona);
    expect(cellOf(mar, "CASES_REFERRED", "Watches", "TMALL")).toMatchObject({ value: null, suppression: "WITHHELD", ownValue: 0 });
    const feb = await readReport("2024-02", members[1].persona);
    expect(cellOf(feb, "CASES_REFERRED", "Watches", "TAOBAO")).toMatchObject({ value: 8, ownValue: 2 });
    expect(cellOf(feb, "TAKEDOWNS_REQUESTED", null, null).value).toBe(0);
    expect(cellOf(feb, "TEST_BUYS_GENUINE", "Watches", "TAOBAO")).toMatchObject({ value: 6, suppression: null, ownValue: 2 });
    // Every enforcement figure has its table; seized value one per currency, the others none.
    for (const metric of ENFORCEMENT) {
      const currencies = jan.tables.filter((t) => t.metric === metric).map((t) => t.currency);
      expect(currencies).toEqual(metric === "SEIZED_VALUE" ? ["CNY"] : [null]);
    }
  });

  it("apportion a referral's outcome between its members' cases, adding up exactly", async () => {
    const jan = await readReport("2024-01", members[0].persona);
    expect(cellOf(jan, "ARRESTS", "Watches", "TAOBAO")).toMatchObject({ value: 8, suppression: null });
    expect(cellOf(jan, "SEIZED_UNITS", "Watches", "TAOBAO")).toMatchObject({ value: 1000, suppression: null });
    expect(cellOf(jan, "SEIZED_VALUE", "Watches", "TAOBAO", "CNY")).toMatchObject({ value: 100_001, suppression: null });
    expect(await storedShares("2024-01", "ARRESTS")).toEqual([4, 2, 2, 0]);
    expect(await storedShares("2024-01", "SEIZED_UNITS")).toEqual([500, 250, 250, 0]);
    expect(await storedShares("2024-01", "SEIZED_VALUE", "CNY")).toEqual([50_001, 25_000, 25_000, 0]);
    // R1's one raid goes whole to A, the largest share: one member's figure, withheld.
    expect(await storedShares("2024-01", "RAIDS")).toEqual([1, 0, 0, 0]);
    expect(cellOf(jan, "RAIDS", "Watches", "TAOBAO")).toMatchObject({ value: null, suppression: "WITHHELD" });
    // R3 has no raid: its arrests are dated by when they were recorded (February), two per member.
    const feb = await readReport("2024-02", members[0].persona);
    expect(cellOf(feb, "ARRESTS", "Watches", "TAOBAO")).toMatchObject({ value: 8, suppression: null });
    expect(await storedShares("2024-02", "ARRESTS")).toEqual([2, 2, 2, 2]);
    expect(cellOf(feb, "RAIDS", null, null)).toMatchObject({ value: 0, suppression: null });
  });

  it("show a member no own figure of a referral's outcome, which beside the referral's totals would count others' cases", async () => {
    // A reads R1's 8 arrests and 1,000 units on the referral; its share of 4 and 500 would tell
    // that R1 holds as many cases of others as of its own.
    const referral = await api.gql<{ referrals: { edges: { node: { arrests: number; seizedUnits: number } }[] } }>(
      `{ referrals(first: 10) { edges { node { arrests seizedUnits } } } }`, {}, members[0].persona.as);
    expect(referral.data?.referrals.edges.map((e) => e.node)).toContainEqual({ arrests: 8, seizedUnits: 1000 });
    const jan = await readReport("2024-01", members[0].persona);
    for (const [metric, currency] of [["RAIDS", null], ["ARRESTS", null], ["SEIZED_UNITS", null], ["SEIZED_VALUE", "CNY"]] as const) {
      expect(tableOf(jan, metric, currency).cells.map((cell) => cell.ownValue)).toEqual(tableOf(jan, metric, currency).cells.map(() => null));
    }
    // Its own figures elsewhere stay: the cases it referred in January.
    expect(cellOf(jan, "CASES_REFERRED", "Watches", "TAOBAO").ownValue).toBe(4);
  });

  it("withhold a referral that holds one member's cases, and keep seized value per currency", async () => {
    const asA = await readReport("2024-03", members[0].persona);
    expect(cellOf(asA, "ARRESTS", "Watches", "TMALL")).toMatchObject({ value: null, suppression: "WITHHELD" });
    expect(cellOf(asA, "RAIDS", "Watches", "TMALL")).toMatchObject({ value: null, suppression: "WITHHELD" });
    expect(cellOf(asA, "SEIZED_VALUE", "Watches", "TMALL", "USD")).toMatchObject({ value: null, suppression: "WITHHELD" });
    // Its totals go with it: D's figure is the whole of them.
    expect(cellOf(asA, "ARRESTS", null, null).value).toBeNull();
    // Why is the platform's to know: "fewer than 3 contributed" would tell A that D's cases are few.
    const asPlatform = await readReport("2024-03", platformAdmin);
    for (const metric of ["ARRESTS", "RAIDS"]) expect(cellOf(asPlatform, metric, "Watches", "TMALL").suppression).toBe("FEW_CONTRIBUTORS");
    expect(await storedShares("2024-03", "ARRESTS", null, "TMALL")).toEqual([0, 0, 0, 2]);
    expect(await storedShares("2024-03", "SEIZED_VALUE", "USD", "TMALL")).toEqual([0, 0, 0, 5000]);
    // One table per currency present: CNY in January, USD in March, never one summing both.
    expect(asA.tables.filter((t) => t.metric === "SEIZED_VALUE").map((t) => t.currency)).toEqual(["USD"]);
    const jan = await readReport("2024-01", members[3].persona);
    expect(jan.tables.filter((t) => t.metric === "SEIZED_VALUE").map((t) => t.currency)).toEqual(["CNY"]);
    expect(cellOf(jan, "SEIZED_VALUE", null, null, "CNY")).toMatchObject({ value: 100_001 });
    // February has no seizure at all: no seized value table, and no table without a currency.
    const feb = await readReport("2024-02", members[0].persona);
    expect(feb.tables.filter((t) => t.metric === "SEIZED_VALUE")).toEqual([]);
  });

  it("withhold the same cells of listings removed and takedowns executed, which count nearly the same events", async () => {
    // On its own, March's removals on watches/TMALL (A 2, B 2, D 2) would be published: 6, beside
    // the withheld takedowns there, D's alone: A would learn D's takedowns were at most 4.
    const withheldKeys = (table: Table) => table.cells.filter((c) => c.value === null).map((c) => JSON.stringify([c.category, c.marketplace])).sort();
    for (const period of ["2024-01", "2024-02", "2024-03", "2024-Q1"]) {
      const report = await readReport(period, platformAdmin);
      const [removedTable, executedTable] = [tableOf(report, "LISTINGS_REMOVED"), tableOf(report, "TAKEDOWNS_EXECUTED")];
      expect(withheldKeys(removedTable)).toEqual(withheldKeys(executedTable));
      expect(recoverFromTotals(removedTable)).toEqual([]);
      expect(recoverFromTotals(executedTable)).toEqual([]);
    }
    const asPlatform = await readReport("2024-03", platformAdmin);
    expect(cellOf(asPlatform, "TAKEDOWNS_EXECUTED", "Watches", "TMALL").suppression).toBe("FEW_CONTRIBUTORS");
    expect(cellOf(asPlatform, "LISTINGS_REMOVED", "Watches", "TMALL")).toMatchObject({ value: null, suppression: "LINKED_TABLE" });
    const asA = await readReport("2024-03", members[0].persona);
    expect(cellOf(asA, "LISTINGS_REMOVED", "Watches", "TMALL")).toMatchObject({ value: null, suppression: "WITHHELD", ownValue: 2 });
    // January's takedowns (A, B, C 2 each) removed as many cases: both published alike.
    const jan = await readReport("2024-01", members[0].persona);
    expect(cellOf(jan, "LISTINGS_REMOVED", "Watches", "TAOBAO")).toMatchObject({ value: 6, ownValue: 2 });
  });

  it("date stores penalized and closed by their status change", async () => {
    const [jan, feb] = await readReports(["2024-01", "2024-02"], platformAdmin);
    expect(cellOf(jan, "STORES_PENALIZED", null, "TAOBAO").value).toBe(1);
    expect(cellOf(jan, "STORES_CLOSED", null, null).value).toBe(0);
    expect(cellOf(feb, "STORES_CLOSED", null, "TMALL").value).toBe(1);
    expect(cellOf(feb, "STORES_PENALIZED", null, null).value).toBe(0);
  });

  it("derive the quarter from the months, per currency, withholding what a month withheld", async () => {
    const a = members[0].persona;
    const [q1, jan, feb, mar] = await readReports(["2024-Q1", "2024-01", "2024-02", "2024-03"], a);
    expect(q1.tables.filter((t) => t.metric === "SEIZED_VALUE").map((t) => t.currency)).toEqual(["CNY", "USD"]);
    expect(cellOf(q1, "SEIZED_VALUE", "Watches", "TAOBAO", "CNY")).toMatchObject({ value: 100_001, ownValue: null });
    expect(cellOf(q1, "SEIZED_VALUE", "Watches", "TMALL", "USD")).toMatchObject({ value: null, suppression: "SUPPRESSED_IN_A_MONTH" });
    expect(cellOf(q1, "ARRESTS", "Watches", "TAOBAO")).toMatchObject({ value: 16, ownValue: null });
    expect(await storedShares("2024-Q1", "ARRESTS")).toEqual([6, 4, 4, 2]);
    expect(cellOf(q1, "ARRESTS", "Watches", "TMALL")).toMatchObject({ value: null, suppression: "SUPPRESSED_IN_A_MONTH" });
    expect(cellOf(q1, "RAIDS", "Watches", "TAOBAO")).toMatchObject({ value: null, suppression: "SUPPRESSED_IN_A_MONTH" });
    // Every published quarter cell is the sum of the same published month cells, in every table.
    for (const table of q1.tables.filter((t) => ENFORCEMENT.includes(t.metric))) {
      for (const cell of table.cells.filter((c) => c.value !== null)) {
        // A month with no such table or cell had none; a withheld one (null) must not be published over.
        const months = [jan, feb, mar].map((m) => {
          const value = m.tables
            .find((t) => t.metric === table.metric && t.currency === table.currency)
            ?.cells.find((c) => c.category === cell.category && c.marketplace === cell.marketplace)?.value;
          return value === undefined ? 0 : value;
        });
        expect(months).not.toContain(null);
        expect(cell.value).toBe(months.reduce((sum, v) => sum! + v!, 0));
      }
    }
  });

  it("resist differencing: B cannot compute A's January genuine test buy from the quarter, the months or their totals", async () => {
    const b = members[1].persona;
    const [q1, jan, feb, mar] = await readReports(["2024-Q1", "2024-01", "2024-02", "2024-03"], b);
    expect(cellOf(jan, "TEST_BUYS_GENUINE", "Watches", "TAOBAO")).toMatchObject({ value: null, suppression: "WITHHELD", ownValue: 0 });
    // On raw data the quarter would publish this cell: A 1, B 4, C 4, D 4.
    const quarterCell = cellOf(q1, "TEST_BUYS_GENUINE", "Watches", "TAOBAO");
    expect(quarterCell).toMatchObject({ value: null, suppression: "SUPPRESSED_IN_A_MONTH", ownValue: 4 });
    const months = [feb, mar].map((m) => cellOf(m, "TEST_BUYS_GENUINE", "Watches", "TAOBAO").value);
    expect(months).toEqual([6, 6]);
    // Nor from any total: the quarter's and the months' grand totals are withheld with it.
    expect(cellOf(q1, "TEST_BUYS_GENUINE", null, null).value).toBeNull();
    expect(cellOf(jan, "TEST_BUYS_GENUINE", null, null).value).toBeNull();
    for (const report of [q1, jan, feb, mar]) {
      for (const table of report.tables) expect({ table: `${report.period} ${table.metric} ${table.currency}`, recovered: recoverFromTotals(table) })
        .toEqual({ table: `${report.period} ${table.metric} ${table.currency}`, recovered: [] });
    }
  });

  it("keep a referral's raid and outcome in the published month that counted them, when the agency moves the raid date later", async () => {
    // R1 was raided on 15 January and counted in January's published report; the agency now says
    // the raid was in April.
    const [{ id }] = await api.dataSource.query(`SELECT id FROM referral WHERE raid_date = '2024-01-15'`);
    const moved = await api.gql(UPDATE_REFERRAL, { input: { id: gid("Referral", id), raidDate: "2024-04-10" } }, cast.investigator.as);
    expect(moved.errors).toBeUndefined();
    const [pinned] = await api.dataSource.query(`SELECT raid_reported_in, outcome_reported_in FROM referral WHERE id = $1`, [id]);
    expect(pinned).toEqual({ raid_reported_in: new Date("2024-01-01T00:00:00Z"), outcome_reported_in: new Date("2024-01-01T00:00:00Z") });
    // April counts none of it again: no member holds a raid, an arrest or a seizure there.
    const april = await api.gql(`mutation { generateProgressReport(period: "2024-04") { id } }`, {}, platformAdmin.as);
    expect(april.errors).toBeUndefined();
    for (const metric of ["RAIDS", "ARRESTS", "SEIZED_UNITS"]) expect(await storedShares("2024-04", metric)).toEqual([0, 0, 0, 0]);
    expect(await storedShares("2024-01", "ARRESTS")).toEqual([4, 2, 2, 0]);
  });

  it("date a referral's outcome without a raid by when the agency first recorded it, unmoved by later changes", async () => {
    const [infringement] = await cases(0, Marketplace.TAOBAO, 1);
    const created = dataOf(
      await api.gql<{ createReferral: { id: string } }>(
        CREATE_REFERRAL, { agencyId: gid("Organization", agencyId), ids: [gid("Infringement", infringement.id)] }, platformAdmin.as),
    ).createReferral;
    const recordedAt = async () =>
      ((await api.dataSource.query(`SELECT outcome_recorded_at FROM referral WHERE id = $1`, [fromGlobalId(created.id, "Referral")])) as
        { outcome_recorded_at: Date | null }[])[0].outcome_recorded_at;
    dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: created.id, status: "INVESTIGATING" } }, cast.investigator.as));
    expect(await recordedAt()).toBeNull();
    dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: created.id, arrests: 2 } }, cast.investigator.as));
    const first = await recordedAt();
    expect(first).toBeInstanceOf(Date);
    dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: created.id, status: "CLOSED", seizedUnits: 10 } }, cast.investigator.as));
    expect(await recordedAt()).toEqual(first);
  });
});
