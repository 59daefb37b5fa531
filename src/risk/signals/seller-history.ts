import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";
import type { SellerFacts } from "../facts";

// A store's record predicts its next listing: strikes from executed takedowns, infringements that
// brands confirmed, a store opened days ago (fakes are sold from short-lived stores), and a store
// that sells many unrelated brands (a genuine reseller carries a few). Points per fact, as a share
// of the weight, capped at the weight.
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

export function sellerHistory(seller: SellerFacts, weight: number): RiskSignal | null {
  let share = 0;
  const reasons: string[] = [];
  if (seller.strikeCount > 0) {
    share += Math.min(MAX_STRIKES_SHARE, PER_STRIKE * seller.strikeCount);
    reasons.push(`seller has ${plural(seller.strikeCount, "strike")}`);
  }
  if (seller.confirmedInfringements > 0) {
    share += Math.min(MAX_CONFIRMED_SHARE, CONFIRMED_BASE + PER_CONFIRMED * (seller.confirmedInfringements - 1));
    reasons.push(plural(seller.confirmedInfringements, "confirmed infringement"));
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
