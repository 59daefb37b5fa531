import type { Seller } from "../entities";
import { isPlatform, type Viewer } from "./viewer";

// A store's score is made from its listings' own scores (src/risk/seller-score.ts), and a
// listing's own score is measured against the catalogue of every brand it claims. For a store of
// one listing it is that listing's score, which a member may not read (listing-score.ts); for any
// store it moves with other brands' matches. So the platform reads the store's score as stored,
// and a member or an agency reads the same score made from its listings' brand-free scores (what
// they show without any brand's catalogue), in the field and in the sellers list's filter and sort.
export const storeScoreFieldFor = (viewer: Viewer) =>
  isPlatform(viewer)
    ? ({ column: "risk_score", property: "riskScore" } as const)
    : ({ column: "brand_free_risk_score", property: "brandFreeRiskScore" } as const);

export const storeScoreShownTo = (viewer: Viewer, seller: Pick<Seller, "riskScore" | "brandFreeRiskScore">): number =>
  seller[storeScoreFieldFor(viewer).property];
