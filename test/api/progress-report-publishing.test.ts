import { Client } from "pg";
import type { Brand, Organization } from "../../src/entities";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { createBrand, createInfringement, createListing, createOrganization, createProduct, createSeller } from "../support/factories";
import { CREATE_REFERRAL, UPDATE_REFERRAL, dataOf } from "../support/enforcement";
import { castJoinedAfterReportedPeriods, createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { databaseUrl, serverUrl } from "../support/test-env";
import { startTestApi, type GraphQLResponse, type TestApi } from "../support/test-api";

// A month's report is published with the figures it was generated with, and publishing pins the
// referrals it dated in the month (their raid and outcome stay there for good). The agency may move
// or record a raid in between: publishing must then refuse, or a raid is counted in two published
// months, or in none. Each test has months and a referral of its own (a published month is final).
let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
let member: { org: Organization; brand: Brand };

const GENERATE = `mutation($period: String!) { generateProgressReport(period: $period) { id status generatedAt } }`;
const REVIEW = `mutation($id: ID!, $generatedAt: DateTime) {
  reviewProgressReport(input: { id: $id, note: "checked", generatedAt: $generatedAt }) { status generatedAt reviewNote }
}`;
const PUBLISH = `mutation($id: ID!) { publishProgressReport(id: $id) { status } }`;

interface Generated { id: string; status: string; generatedAt: string }

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  await castJoinedAfterReportedPeriods(api, cast);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Raided member");
  const brand = await createBrand(api.dataSource, org);
  await createProduct(api.dataSource, brand, { category: "Watches" });
  member = { org, brand };
});
afterAll(() => api.close());

// A referral of two of the member's cases to the cast's agency, made on `createdOn` (a referral
// cannot be made in the past, so it is dated back once made).
async function referral(createdOn: string): Promise<string> {
  const seller = await createSeller(api.dataSource);
  const ids = [];
  for (let n = 0; n < 2; n++) {
    const infringement = await createInfringement(api.dataSource, member.brand, await createListing(api.dataSource, seller), {
      status: InfringementStatus.CONFIRMED,
    });
    ids.push(gid("Infringement", infringement.id));
  }
  const { id } = dataOf(
    await api.gql<{ createReferral: { id: string } }>(CREATE_REFERRAL, { agencyId: gid("Organization", cast.investigator.org.id), ids }, platformAdmin.as),
  ).createReferral;
  await api.dataSource.query(`UPDATE referral SET created_at = $2 WHERE id = $1`, [fromGlobalId(id, "Referral"), `${createdOn}T10:00:00Z`]);
  return id;
}

// As the agency records it.
const update = async (id: string, input: Record<string, unknown>) =>
  dataOf(await api.gql(UPDATE_REFERRAL, { input: { id, ...input } }, cast.investigator.as));

async function raided(id: string, raidDate: string, figures: Record<string, unknown>) {
  await update(id, { status: "INVESTIGATING" });
  await update(id, { status: "RAIDED", raidDate, ...figures });
}

const generate = async (period: string) => dataOf(await api.gql<{ generateProgressReport: Generated }>(GENERATE, { period }, platformAdmin.as)).generateProgressReport;
const review = (id: string, generatedAt?: string) =>
  api.gql<{ reviewProgressReport: { status: string; generatedAt: string; reviewNote: string | null } }>(REVIEW, { id, generatedAt }, platformAdmin.as);
const publish = (id: string) => api.gql<{ publishProgressReport: { status: string } }>(PUBLISH, { id }, platformAdmin.as);

async function generateReviewPublish(period: string) {
  const { id } = await generate(period);
  dataOf(await review(id));
  expect(dataOf(await publish(id))).toEqual({ publishProgressReport: { status: "PUBLISHED" } });
}

// The member's own total of a metric in a month's stored figures (what the platform keeps and
// disclosure control works from; the published cell is withheld, one member's figure alone).
async function counted(period: string, metric: string): Promise<number> {
  const [row]: { figures: { metric: string; category: string | null; marketplace: string | null; value: number }[] }[] = await api.dataSource.query(
    `SELECT f.figures FROM progress_report_member_figures f JOIN progress_report r ON r.id = f.report_id
      WHERE r.period = $1 AND f.owner_org_id = $2`,
    [period, member.org.id],
  );
  return row?.figures.find((f) => f.metric === metric && f.category === null && f.marketplace === null)?.value ?? 0;
}

const pinsOf = async (id: string) =>
  ((await api.dataSource.query(`SELECT raid_reported_in, outcome_reported_in FROM referral WHERE id = $1`, [fromGlobalId(id, "Referral")])) as
    { raid_reported_in: Date | null; outcome_reported_in: Date | null }[])[0];

const reportRow = async (id: string) =>
  ((await api.dataSource.query(
    `SELECT status, reviewed_at, review_note, published_at,
            (SELECT count(*)::int FROM audit_event a WHERE a.target_id = r.id AND a.action IN ('progressReport.review', 'progressReport.publish')) AS advances
       FROM progress_report r WHERE id = $1`,
    [fromGlobalId(id, "ProgressReport")],
  )) as Record<string, unknown>[])[0];

function expectReferralsChanged(response: GraphQLResponse, period: string, generatedAt: string) {
  expect(response.data).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]).toMatchObject({
    message:
      `The referrals' raids or outcomes in ${period} changed since this report was generated (${generatedAt}), so publishing would not pin ` +
      "the ones its figures count: generate it again, then review and publish it",
    extensions: { code: "CONFLICT" },
  });
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);

describe("publishing a month's progress report", () => {
  it("is refused when a raid it counted was moved to the next month since, which then counts it once", async () => {
    const referralId = await referral("2024-05-03");
    await raided(referralId, "2024-05-20", { arrests: 3, seizedUnits: 500 });
    const may = await generate("2024-05");
    expect(await counted("2024-05", "SEIZED_UNITS")).toBe(500);
    await update(referralId, { raidDate: "2024-06-04" });
    dataOf(await review(may.id));
    const before = await reportRow(may.id);
    expectReferralsChanged(await publish(may.id), "2024-05", may.generatedAt);
    // Nothing changed: the report is still reviewed, unpublished, and the referral unpinned.
    expect(await reportRow(may.id)).toEqual(before);
    expect(before).toMatchObject({ status: "REVIEWED", published_at: null, advances: 1 });
    expect(await pinsOf(referralId)).toEqual({ raid_reported_in: null, outcome_reported_in: null });
    // Generated again, May no longer counts the raid, and June does: once across the two months.
    await generateReviewPublish("2024-05");
    await generateReviewPublish("2024-06");
    for (const [metric, figure] of [["RAIDS", 1], ["ARRESTS", 3], ["SEIZED_UNITS", 500]] as const) {
      expect({ metric, may: await counted("2024-05", metric), june: await counted("2024-06", metric) }).toEqual({ metric, may: 0, june: figure });
    }
    expect(await pinsOf(referralId)).toEqual({ raid_reported_in: monthStart("2024-06"), outcome_reported_in: monthStart("2024-06") });
  });

  it("is refused when a raid in the month was recorded after it was generated, which it then counts", async () => {
    const referralId = await referral("2024-07-02");
    const july = await generate("2024-07");
    expect(await counted("2024-07", "RAIDS")).toBe(0);
    await raided(referralId, "2024-07-10", { seizedUnits: 777 });
    dataOf(await review(july.id));
    expectReferralsChanged(await publish(july.id), "2024-07", july.generatedAt);
    expect(await reportRow(july.id)).toMatchObject({ status: "REVIEWED", published_at: null });
    expect(await pinsOf(referralId)).toEqual({ raid_reported_in: null, outcome_reported_in: null });
    // Published as it was, the month would have pinned the raid and counted none of its 777 units.
    await generateReviewPublish("2024-07");
    expect([await counted("2024-07", "RAIDS"), await counted("2024-07", "SEIZED_UNITS")]).toEqual([1, 777]);
    expect(await pinsOf(referralId)).toEqual({ raid_reported_in: monthStart("2024-07"), outcome_reported_in: monthStart("2024-07") });
  });

  it("pins the month's referrals when their raids and figures are as generated, whatever else changed on them", async () => {
    const referralId = await referral("2024-08-02");
    await raided(referralId, "2024-08-12", { arrests: 4 });
    const august = await generate("2024-08");
    // The case goes to court: a change of status, not of the raid or its figures.
    await update(referralId, { status: "PROSECUTED" });
    dataOf(await review(august.id));
    expect(dataOf(await publish(august.id))).toEqual({ publishProgressReport: { status: "PUBLISHED" } });
    expect(await counted("2024-08", "ARRESTS")).toBe(4);
    expect(await pinsOf(referralId)).toEqual({ raid_reported_in: monthStart("2024-08"), outcome_reported_in: monthStart("2024-08") });
  });
});

describe("reviewing a progress report", () => {
  it("is refused when the report was generated again since the figures the reviewer names", async () => {
    const first = await generate("2024-09");
    const again = await generate("2024-09");
    expect(again.id).toBe(first.id);
    expect(again.generatedAt).not.toBe(first.generatedAt);
    const refused = await review(first.id, first.generatedAt);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message: `The report was regenerated since: review the figures generated at ${again.generatedAt}`,
      extensions: { code: "CONFLICT" },
    });
    expect(await reportRow(first.id)).toEqual({ status: "DRAFT", reviewed_at: null, review_note: null, published_at: null, advances: 0 });
    // The figures generated last, named as the API gave them, are the report's.
    expect(dataOf(await review(first.id, again.generatedAt))).toEqual({
      reviewProgressReport: { status: "REVIEWED", generatedAt: again.generatedAt, reviewNote: "checked" },
    });
  });
});

// Two transactions at once, one held mid-way by a lock another connection takes, which the embedded
// database, with its one connection, cannot do.
const onServer = serverUrl ? describe : describe.skip;

onServer("generating and publishing a progress report while the referrals change", () => {
  // The holder's transaction keeps its first view of pg_stat_activity unless told to drop it.
  async function waitForLockWaits(holder: Client, database: string, count: number) {
    for (let tries = 0; ; tries++) {
      await holder.query(`SELECT pg_stat_clear_snapshot()`);
      const { rows } = await holder.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [database]);
      if (rows[0].waiting === count) return;
      if (tries > 500) throw new Error("timed out waiting");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // `lock` is taken in another connection's transaction; `meanwhile` runs once `count` requests wait for it.
  async function heldAt<T>(lock: [string, unknown[]?], requests: () => Promise<T>, count: number, meanwhile: () => Promise<void> = async () => {}) {
    const [{ current_database: database }] = await api.dataSource.query(`SELECT current_database()`);
    const holder = new Client({ connectionString: databaseUrl(serverUrl!, database) });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(...lock);
      const answered = requests();
      await waitForLockWaits(holder, database, count);
      await meanwhile();
      await holder.query("ROLLBACK");
      return await answered;
    } finally {
      await holder.end();
    }
  }

  it("reads one state of the referrals: a raid moved out of the month while it ran stays counted, and publishing is refused", async () => {
    const referralId = await referral("2024-10-02");
    await raided(referralId, "2024-10-15", { seizedUnits: 250 });
    // The generation is held after the referral figures, at the shared-intelligence ones, while the
    // agency moves the raid to November. Read at READ COMMITTED, the referral fingerprint (taken
    // after the figures) would see the move, and the month publish a raid it no longer pins.
    const october = await heldAt([`LOCK TABLE indicator IN ACCESS EXCLUSIVE MODE`], () => generate("2024-10"), 1, () =>
      update(referralId, { raidDate: "2024-11-05" }).then(() => undefined),
    );
    expect([await counted("2024-10", "RAIDS"), await counted("2024-10", "SEIZED_UNITS")]).toEqual([1, 250]);
    dataOf(await review(october.id));
    expectReferralsChanged(await publish(october.id), "2024-10", october.generatedAt);
    await generateReviewPublish("2024-10");
    await generateReviewPublish("2024-11");
    expect([await counted("2024-10", "SEIZED_UNITS"), await counted("2024-11", "SEIZED_UNITS")]).toEqual([0, 250]);
  });

  it("publishes against one state of the referrals: a raid moved out of the month while it is published refuses it", async () => {
    const referralId = await referral("2025-01-02");
    await raided(referralId, "2025-01-20", { seizedUnits: 90 });
    const january = await generate("2025-01");
    dataOf(await review(january.id));
    // The publication is held after its check of the referrals, before it marks the report (and
    // then pins them), while the agency moves the raid to February. Read at READ COMMITTED, the pin
    // would miss the moved raid, which the published figures count, and February count it again.
    const published = await heldAt([`LOCK TABLE progress_report IN SHARE MODE`], () => publish(january.id), 1, () =>
      update(referralId, { raidDate: "2025-02-03" }).then(() => undefined),
    );
    expectReferralsChanged(published, "2025-01", january.generatedAt);
    expect(await pinsOf(referralId)).toEqual({ raid_reported_in: null, outcome_reported_in: null });
  });

  it("generates a new period's report once when two generations of it meet", async () => {
    // Both wait for the period's lock, their snapshots taken; the second then finds the report the
    // first inserted, which its snapshot does not show.
    const [first, second] = await heldAt(
      [`SELECT pg_advisory_xact_lock(hashtext($1))`, ["progress_report:2024-12"]],
      () => Promise.all([api.gql<{ generateProgressReport: Generated }>(GENERATE, { period: "2024-12" }, platformAdmin.as),
        api.gql<{ generateProgressReport: Generated }>(GENERATE, { period: "2024-12" }, platformAdmin.as)]),
      2,
    );
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    expect(first.data!.generateProgressReport.id).toBe(second.data!.generateProgressReport.id);
    const [{ reports }] = await api.dataSource.query(`SELECT count(*)::int AS reports FROM progress_report WHERE period = '2024-12'`);
    expect(reports).toBe(1);
  });
});
