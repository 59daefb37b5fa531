import { OrgKind } from "../entities/enums";
import { APPORTIONED_METRICS, SuppressionReason, type ReportTable } from "../entities/report-table";
import { isPlatform, type Viewer } from "./viewer";

// Why a report cell is withheld, as the viewer may read it.
//
// The detailed reason narrows the withheld figure: EXACT_ESTIMATE says that every contributor but
// the largest had exactly 1, FEW_CONTRIBUTORS that one or two members had it all, NARROW_ESTIMATE
// and DOMINANT_CONTRIBUTOR how the contributions are spread, COMPLEMENTARY that the cell is
// a line's smallest non-zero one. So only the platform, which builds and reviews the reports,
// reads it. Members and agencies (an agency knows its referrals' outcomes, which are members'
// figures) read WITHHELD, one symbol for every withheld month cell. A quarter's
// SUPPRESSED_IN_A_MONTH says only what the published months already show.
export function suppressionShownTo(viewer: Viewer, reason: SuppressionReason | null): SuppressionReason | null {
  if (reason === null || isPlatform(viewer) || reason === SuppressionReason.SUPPRESSED_IN_A_MONTH) return reason;
  return SuppressionReason.WITHHELD;
}

// Whether the viewer reads its own figure beside a table's cells: a member does, in the tables of
// members' figures, except a referral's outcomes. Those are split between a referral's members by
// their cases (apportion.ts), and a member reads the referral's totals on the referral itself: its
// share beside them would tell how many of the referral's cases are other members'.
export const ownFigureShownIn = (viewer: Viewer, table: Pick<ReportTable, "metric" | "attribution">): boolean =>
  viewer.orgKind === OrgKind.BRAND && table.attribution === "MEMBERS" && !APPORTIONED_METRICS.has(table.metric);
