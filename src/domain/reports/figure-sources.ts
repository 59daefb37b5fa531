import type { EntityManager } from "typeorm";
import { IndicatorDistribution, InfringementStatus, SellerStatus, TakedownStatus, TestBuyOutcome } from "../../entities/enums";
import { ReportMetric } from "../../entities/report-table";
import { apportion } from "../../apportion";
import type { ReportPeriod } from "./period";

// One member's (or, for PLATFORM figures, the platform's) figure for one category and marketplace;
// for a money figure, in minor units of `currency`.
export interface Contribution {
  orgId: string | null;
  category: string | null;
  marketplace: string;
  value: number;
  currency?: string;
  // Who else knows this figure (organization ids): the agency a referral went to, and, for its
  // outcomes, every member with a case in it. Disclosure control holds against their knowledge.
  knownBy?: readonly string[];
}

// A figure of the report and where it comes from. Each source is one small, set-based query over
// the period, dated by when the thing it counts happened.
export interface FigureSource {
  metric: ReportMetric;
  // MEMBERS figures are attributed to the member whose brand they concern and pass through
  // disclosure control; PLATFORM figures are the platform's own operations and have no category.
  attribution: "MEMBERS" | "PLATFORM";
  // A money figure: its contributions carry a currency, and it gets one table per currency.
  money?: boolean;
  // A figure with no marketplace (shared intelligence): its contributions name ALL_MARKETPLACES and
  // its table has no marketplace columns, only each category's total.
  withoutMarketplace?: boolean;
  // A figure that may concern no brand (an indicator contributed without one, a lookup): counted
  // under UNCATEGORIZED, to which any member could then contribute.
  concernsNoBrand?: boolean;
  collect(manager: EntityManager, period: ReportPeriod): Promise<Contribution[]>;
}

// A brand's category is the one most of its catalogue is in, as the catalogue stood at the end of
// the period (`periodEnd`, a parameter): each product under the category of its spell that covered
// that instant (product_spell), if any. Products added, removed, sent again or moved to another
// category since (a member joining a small category just before a report is generated, to read
// its zeros) do not move the period's figures.
const brandCategory = (periodEnd: string) => `brand_category AS (
  SELECT DISTINCT ON (brand_id) brand_id, category
    FROM (SELECT p.brand_id, s.category, count(*) AS n
            FROM product_spell s JOIN product p ON p.id = s.product_id
           WHERE s.started_at < ${periodEnd} AND (s.ended_at IS NULL OR s.ended_at >= ${periodEnd})
           GROUP BY p.brand_id, s.category) counted
   ORDER BY brand_id, n DESC, category)`;
// For the queries below, whose $1 and $2 are the period's start and end.
const BRAND_CATEGORY = brandCategory("$2");

export const UNCATEGORIZED = "Uncategorized";
const ALL_MARKETPLACES = "ALL";

// Who could contribute to each category's cells, whatever they did in the period: the owners of the
// brands in it (UNCATEGORIZED: of those without a catalogue), and how many members there are. Only
// members and brands there were by the period's end: one that joined later could have contributed
// nothing, and counted, it would let a row of two members' zeros pass for one of more.
export interface CategoryOwners {
  ownersOf: Map<string, Set<string>>;
  members: number;
}

export async function ownersByCategory(manager: EntityManager, period: ReportPeriod): Promise<CategoryOwners> {
  const rows: { category: string; owners: string[] }[] = await manager.query(
    `WITH ${brandCategory("$1")}
     SELECT coalesce(bc.category, '${UNCATEGORIZED}') AS category, array_agg(DISTINCT b.owner_org_id)::text[] AS owners
       FROM brand b
       JOIN organization o ON o.id = b.owner_org_id AND o.kind = 'BRAND' AND o.joined_at < $1
       LEFT JOIN brand_category bc ON bc.brand_id = b.id
      WHERE b.created_at < $1
      GROUP BY 1`,
    [period.end],
  );
  const [{ members }]: { members: number }[] = await manager.query(
    `SELECT count(*)::int AS members FROM organization WHERE kind = 'BRAND' AND joined_at < $1`,
    [period.end],
  );
  return { ownersOf: new Map(rows.map((row) => [row.category, new Set(row.owners)])), members };
}

interface Row {
  org_id: string | null;
  category: string | null;
  marketplace: string;
  value: number;
  // Another organization that knows the row's figure (Contribution.knownBy), where one does.
  known_by?: string;
}

const toContributions = (rows: Row[]): Contribution[] =>
  rows.map((row) => ({
    orgId: row.org_id,
    category: row.category,
    marketplace: row.marketplace,
    value: Number(row.value),
    ...(row.known_by ? { knownBy: [row.known_by] } : {}),
  }));

// Rows of `table` alias t (with owner_org_id and brand_id) matching `condition` ($1/$2 the period),
// counted by member, the brand's category, and `marketplace` (an expression); and, with `knownBy`
// (an expression naming an organization that knows each row), by that organization too.
const countedWhere =
  (from: string, marketplace: string, condition: string, params: unknown[] = [], knownBy?: string) =>
  async (manager: EntityManager, period: ReportPeriod) =>
    toContributions(
      await manager.query(
        `WITH ${BRAND_CATEGORY}
         SELECT t.owner_org_id AS org_id, coalesce(bc.category, '${UNCATEGORIZED}') AS category,
                ${marketplace}::text AS marketplace, count(*)::int AS value${knownBy ? `, ${knownBy} AS known_by` : ""}
           FROM ${from}
           LEFT JOIN brand_category bc ON bc.brand_id = t.brand_id
          WHERE ${condition}
          GROUP BY 1, 2, 3${knownBy ? ", 5" : ""}`,
        [period.start, period.end, ...params],
      ),
    );

const testBuysWithOutcome = (outcome: TestBuyOutcome) =>
  countedWhere(
    `test_buy tb JOIN suspected_infringement t ON t.id = tb.infringement_id`,
    `t.marketplace`,
    `tb.outcome = $3 AND tb.outcome_recorded_at >= $1 AND tb.outcome_recorded_at < $2`,
    [outcome],
  );

// When a referral's outcome happened. Its raid by the raid date (a local date, taken as UTC
// midnight). Arrests and seizures are recorded with the raid, so by the raid date too; a referral
// without a raid (an arrest or a customs seizure without one) by when the agency first recorded an
// outcome figure (referral.outcome_recorded_at: fixed once set, so that a later status change does
// not move the figures into another month and count them twice).
const RAID_DAY = `(r.raid_date::timestamp AT TIME ZONE 'UTC')`;
const OUTCOME_HAPPENED = `coalesce(${RAID_DAY}, r.outcome_recorded_at)`;
// Once a published month's report has counted them, in that month for good (pinReportedReferrals):
// a raid date given or moved later would otherwise count them in a second month.
const RAID_AT = `coalesce(r.raid_reported_in, ${RAID_DAY})`;
const OUTCOME_AT = `coalesce(r.outcome_reported_in, ${OUTCOME_HAPPENED})`;

// As a month's report is published: the referrals whose raid, or outcome figures, it dated in the
// month keep that date. Figures recorded on them later are dated there too, in a month already
// published, and so in no report, as for any figure recorded after its month was published.
export async function pinReportedReferrals(manager: EntityManager, period: ReportPeriod): Promise<void> {
  for (const [column, happened] of [
    ["raid_reported_in", RAID_DAY],
    ["outcome_reported_in", OUTCOME_HAPPENED],
  ]) {
    await manager.query(`UPDATE referral r SET ${column} = $1 WHERE r.${column} IS NULL AND ${happened} >= $1 AND ${happened} < $2`, [period.start, period.end]);
  }
}

// What a month's raid and outcome figures rest on: each referral they date in the period (by its
// raid or by its outcome), with both datings, its figures and the number of cases it holds (which
// apportion them), as an md5 of those rows in id order. A month's report records it when generated,
// and is published only while it still holds (report-workflow.ts): pinning dates the referrals as
// they are at publishing, and figures computed from others would count one in two months, or in none.
export async function referralFingerprint(manager: EntityManager, period: ReportPeriod): Promise<string> {
  const [{ fingerprint }]: { fingerprint: string }[] = await manager.query(
    `SELECT md5(coalesce(string_agg(json_build_array(
              r.id, extract(epoch FROM ${RAID_AT}), extract(epoch FROM ${OUTCOME_AT}),
              r.arrests, r.seized_units, r.seized_value_minor, r.seized_value_currency,
              (SELECT count(*) FROM referral_infringement ri WHERE ri.referral_id = r.id))::text, ',' ORDER BY r.id), '')) AS fingerprint
       FROM referral r
      WHERE (${RAID_AT} >= $1 AND ${RAID_AT} < $2) OR (${OUTCOME_AT} >= $1 AND ${OUTCOME_AT} < $2)`,
    [period.start, period.end],
  );
  return fingerprint;
}

interface ReferralGroupRow {
  referral_id: string;
  agency_org_id: string;
  figure: string | number;
  currency: string | null;
  org_id: string;
  category: string;
  marketplace: string;
  cases: number;
}

// A referral's outcome (`figure`, an SQL expression on alias r) belongs to all the cases it holds,
// often several members'. Each referral dated in the period is split between its case groups
// (member, category, marketplace) in proportion to their number of cases, in whole numbers that
// add up exactly to the referral's figure (largest remainder, ties by member, category,
// marketplace). The groups are then a member's contributions like any other, under disclosure
// control: they reveal a member's own enforcement outcomes. Its metrics are APPORTIONED_METRICS.
const referralOutcome =
  (figure: string, datedBy: string, currency = "NULL") =>
  async (manager: EntityManager, period: ReportPeriod): Promise<Contribution[]> => {
    const rows: ReferralGroupRow[] = await manager.query(
      `WITH ${BRAND_CATEGORY}
       SELECT r.id AS referral_id, r.agency_org_id, (${figure})::text AS figure, ${currency} AS currency,
              ri.owner_org_id AS org_id, coalesce(bc.category, '${UNCATEGORIZED}') AS category,
              si.marketplace::text AS marketplace, count(*)::int AS cases
         FROM referral r
         JOIN referral_infringement ri ON ri.referral_id = r.id
         JOIN suspected_infringement si ON si.id = ri.infringement_id
         LEFT JOIN brand_category bc ON bc.brand_id = ri.brand_id
        WHERE ${datedBy} >= $1 AND ${datedBy} < $2 AND (${figure}) > 0
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [period.start, period.end],
    );
    const byReferral = new Map<string, ReferralGroupRow[]>();
    for (const row of rows) byReferral.set(row.referral_id, [...(byReferral.get(row.referral_id) ?? []), row]);
    return [...byReferral.values()].flatMap((groups) => {
      // The agency knows each member's share; each member with a case in it, the referral's figure.
      const knownBy = [groups[0].agency_org_id, ...new Set(groups.map((group) => group.org_id))];
      return apportion(
        Number(groups[0].figure),
        groups.map((group) => ({ group, weight: group.cases, order: JSON.stringify([group.org_id, group.category, group.marketplace]) })),
      )
        .filter(({ value }) => value > 0)
        .map(({ group, value }) => ({
          orgId: group.org_id,
          category: group.category,
          marketplace: group.marketplace,
          value,
          knownBy,
          ...(group.currency ? { currency: group.currency } : {}),
        }));
    });
  };

// Infringements matching `condition` (on alias si, with $1/$2 the period), by member, category, marketplace.
const infringementsWhere =
  (condition: string, join = "") =>
  async (manager: EntityManager, period: ReportPeriod) =>
    toContributions(
      await manager.query(
        `WITH ${BRAND_CATEGORY}
         SELECT si.owner_org_id AS org_id, coalesce(bc.category, '${UNCATEGORIZED}') AS category,
                si.marketplace::text AS marketplace, count(*)::int AS value
           FROM suspected_infringement si ${join}
           LEFT JOIN brand_category bc ON bc.brand_id = si.brand_id
          WHERE ${condition}
          GROUP BY 1, 2, 3`,
        [period.start, period.end],
      ),
    );

// Stores the store penalty policy moved to a status in the period, dated by the change
// (seller.status_changed_at). The seller keeps only its latest change: a store penalized and then
// closed is counted as closed in its closure's period, and as penalized only by a report generated
// before the closure (the audit log keeps every change).
const storesMovedTo = (status: SellerStatus) => async (manager: EntityManager, period: ReportPeriod) =>
  toContributions(
    await manager.query(
      `SELECT NULL AS org_id, NULL AS category, s.marketplace::text AS marketplace, count(*)::int AS value
         FROM seller s
        WHERE s.status = $3 AND s.status_changed_at >= $1 AND s.status_changed_at < $2
        GROUP BY 3`,
      [period.start, period.end, status],
    ),
  );

// Metrics that count nearly the same events, protected together (disclosure-control.ts, point 4):
// an approved takedown removes its listing, so its requester's case is removed with it.
export const LINKED_METRICS: ReportMetric[][] = [[ReportMetric.LISTINGS_REMOVED, ReportMetric.TAKEDOWNS_EXECUTED]];

export const FIGURE_SOURCES: FigureSource[] = [
  {
    metric: ReportMetric.LISTINGS_SCANNED,
    attribution: "PLATFORM",
    collect: async (manager, period) =>
      toContributions(
        await manager.query(
          `SELECT NULL AS org_id, NULL AS category, l.marketplace::text AS marketplace, count(*)::int AS value
             FROM listing l WHERE l.first_seen_at >= $1 AND l.first_seen_at < $2 GROUP BY 3`,
          [period.start, period.end],
        ),
      ),
  },
  {
    metric: ReportMetric.LISTINGS_FLAGGED,
    attribution: "MEMBERS",
    collect: infringementsWhere(`si.detected_at >= $1 AND si.detected_at < $2`),
  },
  {
    // Review decisions (and test buys) are dated by their notes. A case back from a rejected or
    // withdrawn takedown, or from its removal when its listing is relisted, was confirmed before
    // its takedown was requested, so neither return is a confirmation.
    metric: ReportMetric.INFRINGEMENTS_CONFIRMED,
    attribution: "MEMBERS",
    collect: infringementsWhere(
      `n.to_status = '${InfringementStatus.CONFIRMED}'
       AND n.from_status NOT IN ('${InfringementStatus.TAKEDOWN_REQUESTED}', '${InfringementStatus.REMOVED}')
       AND n.created_at >= $1 AND n.created_at < $2`,
      `JOIN infringement_note n ON n.infringement_id = si.id`,
    ),
  },
  {
    // Dated by the case's move to REMOVED (its note), not its last update: a later re-score of a
    // removed case would count it again in another month. A case removed again after its listing
    // was relisted counts again: each removal took a listing off sale.
    metric: ReportMetric.LISTINGS_REMOVED,
    attribution: "MEMBERS",
    collect: infringementsWhere(
      `n.to_status = '${InfringementStatus.REMOVED}' AND n.created_at >= $1 AND n.created_at < $2`,
      `JOIN infringement_note n ON n.infringement_id = si.id`,
    ),
  },
  { metric: ReportMetric.STORES_PENALIZED, attribution: "PLATFORM", collect: storesMovedTo(SellerStatus.PENALIZED) },
  { metric: ReportMetric.STORES_CLOSED, attribution: "PLATFORM", collect: storesMovedTo(SellerStatus.CLOSED) },
  {
    // Requests made in the period, to the requesting brand's organization (the request's owner).
    metric: ReportMetric.TAKEDOWNS_REQUESTED,
    attribution: "MEMBERS",
    collect: countedWhere(`takedown_request t`, `t.marketplace`, `t.requested_at >= $1 AND t.requested_at < $2`),
  },
  {
    // Approved in the period (an approval removes the listing); superseded and withdrawn requests are not counted.
    metric: ReportMetric.TAKEDOWNS_EXECUTED,
    attribution: "MEMBERS",
    collect: countedWhere(
      `takedown_request t`,
      `t.marketplace`,
      `t.status = $3 AND t.decided_at >= $1 AND t.decided_at < $2`,
      [TakedownStatus.APPROVED],
    ),
  },
  // Test buys by the outcome recorded in the period, to the owner of the infringement tested.
  { metric: ReportMetric.TEST_BUYS_COUNTERFEIT, attribution: "MEMBERS", collect: testBuysWithOutcome(TestBuyOutcome.COUNTERFEIT) },
  { metric: ReportMetric.TEST_BUYS_GENUINE, attribution: "MEMBERS", collect: testBuysWithOutcome(TestBuyOutcome.GENUINE) },
  { metric: ReportMetric.TEST_BUYS_INCONCLUSIVE, attribution: "MEMBERS", collect: testBuysWithOutcome(TestBuyOutcome.INCONCLUSIVE) },
  {
    // A member's cases included in the referrals created in the period. The agency each went to
    // knows every member's cases in it (disclosure control holds against that).
    metric: ReportMetric.CASES_REFERRED,
    attribution: "MEMBERS",
    collect: countedWhere(
      `referral_infringement t JOIN referral r ON r.id = t.referral_id JOIN suspected_infringement si ON si.id = t.infringement_id`,
      `si.marketplace`,
      `r.created_at >= $1 AND r.created_at < $2`,
      [],
      `r.agency_org_id`,
    ),
  },
  // A referral's raid counts as one raid, shared between its cases' members like its other figures.
  { metric: ReportMetric.RAIDS, attribution: "MEMBERS", collect: referralOutcome(`1`, RAID_AT) },
  { metric: ReportMetric.ARRESTS, attribution: "MEMBERS", collect: referralOutcome(`r.arrests`, OUTCOME_AT) },
  { metric: ReportMetric.SEIZED_UNITS, attribution: "MEMBERS", collect: referralOutcome(`r.seized_units`, OUTCOME_AT) },
  {
    metric: ReportMetric.SEIZED_VALUE,
    attribution: "MEMBERS",
    money: true,
    collect: referralOutcome(`coalesce(r.seized_value_minor, 0)`, OUTCOME_AT, `r.seized_value_currency`),
  },
  {
    // Indicators members contributed in the period for every member to read (ALLIANCE and
    // ALLIANCE_ANONYMOUS), by contributor and the category of the brand they concern, if any. Not
    // MATCH_ONLY ones: members read the rows behind the figure, and a cell less the rows a member
    // reads and its own figure was the count of other members' hidden indicators. The platform's own
    // are not a member's: counted with members', they made a third contributor.
    metric: ReportMetric.INDICATORS_SHARED,
    attribution: "MEMBERS",
    withoutMarketplace: true,
    concernsNoBrand: true,
    collect: async (manager, period) =>
      toContributions(
        await manager.query(
          `WITH ${BRAND_CATEGORY}
           SELECT i.owner_org_id AS org_id, coalesce(bc.category, '${UNCATEGORIZED}') AS category,
                  '${ALL_MARKETPLACES}' AS marketplace, count(*)::int AS value
             FROM indicator i
             JOIN organization o ON o.id = i.owner_org_id AND o.kind = 'BRAND'
             LEFT JOIN brand_category bc ON bc.brand_id = i.brand_id
            WHERE i.distribution IN ('${IndicatorDistribution.ALLIANCE}', '${IndicatorDistribution.ALLIANCE_ANONYMOUS}')
              AND i.created_at >= $1 AND i.created_at < $2
            GROUP BY 1, 2`,
          [period.start, period.end],
        ),
      ),
  },
  {
    // Blind-match lookups by members that found a match, by the member that looked (its intel.match audit
    // events record how many of their values matched; the values themselves are never stored).
    metric: ReportMetric.INDICATORS_MATCHED,
    attribution: "MEMBERS",
    withoutMarketplace: true,
    concernsNoBrand: true,
    collect: async (manager, period) =>
      toContributions(
        await manager.query(
          `SELECT a.owner_org_id AS org_id, '${UNCATEGORIZED}' AS category, '${ALL_MARKETPLACES}' AS marketplace,
                  sum((a.after ->> 'matched')::int)::int AS value
             FROM audit_event a
             JOIN organization o ON o.id = a.owner_org_id AND o.kind = 'BRAND'
            WHERE a.action = 'intel.match'
              AND a.created_at >= $1 AND a.created_at < $2
            GROUP BY 1
           HAVING sum((a.after ->> 'matched')::int) > 0`,
          [period.start, period.end],
        ),
      ),
  },
];
