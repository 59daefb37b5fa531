import { othersCounted } from "../../auth/member-crowd";
import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";
import type { SellerFacts } from "../facts";

// A store's record predicts its next listing: strikes from executed takedowns, infringements that
// brands confirmed, a store opened days ago (fakes are sold from short-lived stores), and a store
// that sells many unrelated brands (a genuine reseller carries a few). Points per fact, as a share
// of the weight, capped at the weight.
// A confirmation is a member's private review decision: a score for a brand's case counts that
// brand's own confirmed cases and, in a crowd of at least `minMembers`, how many other members
// confirmed some; a listing's or a store's own score (every brand with a case reads the store's)
// only the latter, from one more (member-crowd.ts). So no member's decision shows to another.
const DAY_MS = 86_400_000;
const PER_STRIKE = 0.2;
const MAX_STRIKES_SHARE = 0.6;
const CONFIRMED_BASE = 0.3;
const PER_CONFIRMED = 0.1;
const MAX_CONFIRMED_SHARE = 0.5;
const NEW_STORE_DAYS = 30;
const YOUNG_STORE_DAYS = 90;
const MANY_BRANDS = 8;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function sellerHistory(seller: SellerFacts, ownerOrgId: string | null, weight: number, minMembers: number): RiskSignal | null {
  let share = 0;
  const reasons: string[] = [];
  if (seller.strikeCount > 0) {
    share += Math.min(MAX_STRIKES_SHARE, PER_STRIKE * seller.strikeCount);
    reasons.push(`seller has ${plural(seller.strikeCount, "strike")}`);
  }
  const own = ownerOrgId === null ? 0 : (seller.confirmedBy.get(ownerOrgId) ?? 0);
  const others = othersCounted(seller.confirmedBy.keys(), ownerOrgId, minMembers);
  if (own + others > 0) {
    share += Math.min(MAX_CONFIRMED_SHARE, CONFIRMED_BASE + PER_CONFIRMED * (own + others - 1));
    if (own > 0) reasons.push(`${plural(own, "confirmed case")} of yours`);
    if (others > 0) reasons.push(`cases confirmed by ${others} ${ownerOrgId === null ? "members" : "other members"}`);
  }
  if (seller.openedAt) {
    const ageDays = Math.max(0, Math.floor((seller.seenAt.getTime() - seller.openedAt.getTime()) / DAY_MS));
    if (ageDays < YOUNG_STORE_DAYS) {
      share += ageDays < NEW_STORE_DAYS ? 0.35 : 0.2;
      reasons.push(`store opened ${plural(ageDays, "day")} ago`);
    }
  }
  if (seller.brandCount >= MANY_BRANDS) {
    share += 0.25;
    reasons.push(`store sells ${seller.brandCount} different brands`);
  }
  const contribution = Math.round(weight * Math.min(1, share));
  if (contribution <= 0) return null;
  return { kind: RiskSignalKind.SELLER_HISTORY, contribution, reason: reasons.join("; ") };
}
