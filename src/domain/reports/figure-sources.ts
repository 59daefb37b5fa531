import type { EntityManager } from "typeorm";
import { InfringementStatus, SellerStatus } from "../../entities/enums";
import { ReportMetric } from "../../entities/report-table";
import type { ReportPeriod } from "./period";

// One member's (or, for PLATFORM figures, the platform's) figure for one category and marketplace.
export interface Contribution {
  orgId: string | null;
  category: string | null;
  marketplace: string;
  value: number;
}

// A figure of the report and where it comes from. Each source is one small query over the period;
// the enforcement workflow (takedowns, test buys), referrals and shared intelligence add theirs
// here when they exist: TAKEDOWNS_REQUESTED/EXECUTED, TEST_BUYS by outcome, REFERRALS, RAIDS,
// ARRESTS, SEIZED_UNITS/VALUE, INDICATORS_SHARED/MATCHED.
export interface FigureSource {
  metric: ReportMetric;
  // MEMBERS figures are attributed to the member whose brand they concern and pass through
  // disclosure control; PLATFORM figures are the platform's own operations and have no category.
  attribution: "MEMBERS" | "PLATFORM";
  collect(manager: EntityManager, period: ReportPeriod): Promise<Contribution[]>;
}

// A brand's category is the one most of its catalogue is in.
const BRAND_CATEGORY = `brand_category AS (
  SELECT DISTINCT ON (brand_id) brand_id, category
    FROM (SELECT brand_id, category, count(*) AS n FROM product GROUP BY brand_id, category) counted
   ORDER BY brand_id, n DESC, category)`;

export const UNCATEGORIZED = "Uncategorized";

interface Row {
  org_id: string | null;
  category: string | null;
  marketplace: string;
  value: number;
}

const toContributions = (rows: Row[]): Contribution[] =>
  rows.map((row) => ({ orgId: row.org_id, category: row.category, marketplace: row.marketplace, value: Number(row.value) }));

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

// Stores in a status now that had a listing flagged in the period: a snapshot taken when the
// report is generated (sellers carry no status history yet; the takedown workflow's strike events
// will date each penalty and closure exactly).
const storesNow = (status: SellerStatus) => async (manager: EntityManager, period: ReportPeriod) =>
  toContributions(
    await manager.query(
      `SELECT NULL AS org_id, NULL AS category, s.marketplace::text AS marketplace, count(*)::int AS value
         FROM seller s
        WHERE s.status = $3
          AND EXISTS (SELECT 1 FROM suspected_infringement si
                       WHERE si.seller_id = s.id AND si.detected_at >= $1 AND si.detected_at < $2)
        GROUP BY 3`,
      [period.start, period.end, status],
    ),
  );

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
    // Review decisions are dated by their notes.
    metric: ReportMetric.INFRINGEMENTS_CONFIRMED,
    attribution: "MEMBERS",
    collect: infringementsWhere(
      `n.to_status = '${InfringementStatus.CONFIRMED}' AND n.created_at >= $1 AND n.created_at < $2`,
      `JOIN infringement_note n ON n.infringement_id = si.id`,
    ),
  },
  {
    metric: ReportMetric.LISTINGS_REMOVED,
    attribution: "MEMBERS",
    collect: infringementsWhere(`si.status = '${InfringementStatus.REMOVED}' AND si.updated_at >= $1 AND si.updated_at < $2`),
  },
  { metric: ReportMetric.STORES_PENALIZED, attribution: "PLATFORM", collect: storesNow(SellerStatus.PENALIZED) },
  { metric: ReportMetric.STORES_CLOSED, attribution: "PLATFORM", collect: storesNow(SellerStatus.CLOSED) },
];
