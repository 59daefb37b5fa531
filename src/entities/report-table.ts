// The stored shape of a progress report's tables (JSON on progress_report).

export enum ReportMetric {
  LISTINGS_SCANNED = "LISTINGS_SCANNED",
  LISTINGS_FLAGGED = "LISTINGS_FLAGGED",
  INFRINGEMENTS_CONFIRMED = "INFRINGEMENTS_CONFIRMED",
  LISTINGS_REMOVED = "LISTINGS_REMOVED",
  STORES_PENALIZED = "STORES_PENALIZED",
  STORES_CLOSED = "STORES_CLOSED",
  TAKEDOWNS_REQUESTED = "TAKEDOWNS_REQUESTED",
  TAKEDOWNS_EXECUTED = "TAKEDOWNS_EXECUTED",
  TEST_BUYS_COUNTERFEIT = "TEST_BUYS_COUNTERFEIT",
  TEST_BUYS_GENUINE = "TEST_BUYS_GENUINE",
  TEST_BUYS_INCONCLUSIVE = "TEST_BUYS_INCONCLUSIVE",
  CASES_REFERRED = "CASES_REFERRED",
  RAIDS = "RAIDS",
  ARRESTS = "ARRESTS",
  SEIZED_UNITS = "SEIZED_UNITS",
  // Money: one table per currency, in integer minor units, never summed across currencies.
  SEIZED_VALUE = "SEIZED_VALUE",
  // Shared intelligence: indicators members shared beyond themselves, and blind-match lookups that
  // found a match. Neither has a marketplace: their tables have no marketplace columns, only
  // each category's total.
  INDICATORS_SHARED = "INDICATORS_SHARED",
  INDICATORS_MATCHED = "INDICATORS_MATCHED",
}

// A referral's outcomes, split between the members of each referral by their cases (apportion.ts).
export const APPORTIONED_METRICS: ReadonlySet<ReportMetric> = new Set([
  ReportMetric.RAIDS,
  ReportMetric.ARRESTS,
  ReportMetric.SEIZED_UNITS,
  ReportMetric.SEIZED_VALUE,
]);

export enum SuppressionReason {
  // Fewer than REPORT_MIN_CONTRIBUTORS members contributed.
  FEW_CONTRIBUTORS = "FEW_CONTRIBUTORS",
  // One member accounts for more than REPORT_DOMINANCE_SHARE of the value.
  DOMINANT_CONTRIBUTOR = "DOMINANT_CONTRIBUTOR",
  // A contributor could tell every other's figure exactly from its own (disclosure-control.ts).
  EXACT_ESTIMATE = "EXACT_ESTIMATE",
  // The second largest contributor could tell the largest's figure within 10% (disclosure-control.ts).
  NARROW_ESTIMATE = "NARROW_ESTIMATE",
  // Suppressed so that another suppressed cell cannot be computed from a total.
  COMPLEMENTARY = "COMPLEMENTARY",
  // Suppressed because the same cell is withheld in a table counting nearly the same events.
  LINKED_TABLE = "LINKED_TABLE",
  // A quarter's cell, suppressed because the same cell is suppressed in one of its months.
  SUPPRESSED_IN_A_MONTH = "SUPPRESSED_IN_A_MONTH",
  // Never stored: what members and agencies read in place of any reason above but the last
  // (src/auth/report-visibility.ts).
  WITHHELD = "WITHHELD",
}

// A cell of a metric's table; category or marketplace null means "all" (a total).
export interface ReportCell {
  category: string | null;
  marketplace: string | null;
  value: number | null;
  suppression: SuppressionReason | null;
}

export interface ReportTable {
  metric: ReportMetric;
  // MEMBERS: built from members' figures, under disclosure control. PLATFORM: the platform's own
  // operations (listings it scanned, stores it penalized), which belong to no member.
  attribution: "MEMBERS" | "PLATFORM";
  // The ISO 4217 currency of a money table's values (minor units); null for counts. Absent in
  // reports stored before money figures existed, which means null.
  currency?: string | null;
  categories: string[];
  marketplaces: string[];
  cells: ReportCell[];
}

export interface MemberFigure {
  metric: ReportMetric;
  // As on ReportTable: a money figure's currency, null or absent for counts.
  currency?: string | null;
  category: string | null;
  marketplace: string | null;
  value: number;
}
