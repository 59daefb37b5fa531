import { SuppressionReason } from "../entities/report-table";
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
