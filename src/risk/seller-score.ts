import { RiskSignalKind } from "../entities/enums";
import type { RiskSignal } from "../entities/risk-signal";
import { capAtHundred, scoreOf, SELLER_LISTINGS_SHARE } from "./risk-model";

// A seller's score: 70% of its listings' mean score (a store of fakes scores high however clean
// its record), plus its own record (the SELLER_HISTORY signal), capped at 100.
export function sellerScore(
  listingCount: number,
  listingScoreSum: number,
  history: RiskSignal | null,
): { score: number; signals: RiskSignal[] } {
  const mean = listingCount > 0 ? listingScoreSum / listingCount : 0;
  const listings: RiskSignal = {
    kind: RiskSignalKind.LISTINGS,
    contribution: Math.round(SELLER_LISTINGS_SHARE * mean),
    reason: listingCount === 1 ? `its 1 listing scores ${Math.round(mean)}` : `its ${listingCount} listings score ${Math.round(mean)} on average`,
  };
  const signals = capAtHundred([listings, ...(history ? [history] : [])]);
  return { score: scoreOf(signals), signals };
}

// A store's two scores from its running totals and its record: its own (the platform's, with its
// signals), and the one made from its listings' brand-free scores (members' and agencies'). The
// result's fields are written out: a spread followed by a new property gave every result a V8 map
// of its own (an ingest scores every store of every batch).
export function storeScores(
  listingCount: number,
  totals: { scoreSum: number; brandFreeScoreSum: number },
  history: RiskSignal | null,
): { score: number; signals: RiskSignal[]; brandFreeScore: number } {
  const own = sellerScore(listingCount, totals.scoreSum, history);
  return { score: own.score, signals: own.signals, brandFreeScore: sellerScore(listingCount, totals.brandFreeScoreSum, history).score };
}
