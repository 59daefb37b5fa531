import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";
import type { ReviewStatistics } from "../facts";

// Bought reviews leave traces: a burst of five-star ratings right after the listing goes up, many
// reviewers with brand-new accounts, and the same review text again and again. One trace counts
// 60% of the weight, two 85%, all three fully. Few reviews prove nothing, so each trace needs a
// minimum number of them.
const MIN_REVIEWS = 10;
const BURST_MIN = 20;
const BURST_SHARE = 0.5;
const NEW_ACCOUNT_SHARE = 0.4;
const DUPLICATE_SHARE = 0.2;
const STRENGTH = [0, 0.6, 0.85, 1];

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function reviewBrushing(reviews: ReviewStatistics, weight: number): RiskSignal | null {
  if (reviews.count < MIN_REVIEWS) return null;
  const traces: string[] = [];
  if (reviews.fiveStarFirstWeek >= BURST_MIN && reviews.fiveStarFirstWeek >= BURST_SHARE * reviews.count) {
    traces.push(`${reviews.fiveStarFirstWeek} of ${reviews.count} reviews were five stars in the first week`);
  }
  if (reviews.newAccountShare !== null && reviews.newAccountShare >= NEW_ACCOUNT_SHARE) {
    traces.push(`${percent(reviews.newAccountShare)} of reviewers have accounts under 30 days old`);
  }
  if (reviews.duplicateTextShare !== null && reviews.duplicateTextShare >= DUPLICATE_SHARE) {
    traces.push(`${percent(reviews.duplicateTextShare)} of review texts are duplicates`);
  }
  if (traces.length === 0) return null;
  return { kind: RiskSignalKind.REVIEW_BRUSHING, contribution: Math.round(weight * STRENGTH[traces.length]), reason: traces.join("; ") };
}
