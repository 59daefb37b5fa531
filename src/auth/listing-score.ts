import type { Listing } from "../entities";
import { isPlatform, type Viewer } from "./viewer";

// A listing's own score is the highest of its scores against the brands it claims, each measured
// against that brand's catalogue (price against its MSRP, its logos, its specs). A member reading
// it would learn that another member's brand matched the same listing, and how strongly. So the
// platform reads it as stored; a member or an agency reads the highest score among the listing's
// cases it may see, which the infringement row scope picks: a member's own cases, an agency's
// referred ones.
export function listingScoreShownTo(
  viewer: Viewer,
  listing: Pick<Listing, "id" | "riskScore">,
  highestVisibleCaseScore: (listingId: string) => Promise<number | null>,
): number | Promise<number> {
  if (isPlatform(viewer)) return listing.riskScore;
  return highestVisibleCaseScore(listing.id).then((score) => {
    // The listing's row scope lets a listing through only with a case its viewer may see.
    if (score === null) throw new Error(`Listing ${listing.id} has no case its viewer may see`);
    return score;
  });
}
