import { RiskSignalKind, SellerStatus } from "../entities/enums";
import type { RiskSignal } from "../entities/risk-signal";
import { COUNTERFEIT_KEYWORDS } from "./listing-vocabulary";
import { formatMoney } from "./money-format";

// The rules that explain the seeded scores, so that every stored score is the sum of its signals
// and every reason matches the listing it is stored on. Not the production risk model.
export const DEMO_MODEL_VERSION = "demo-seed-1";

export const FLAG_THRESHOLD = 70;

const MAX_LOGO_DISTANCE = 10;

// [price / MSRP below, contribution]: the cheaper against the genuine price, the more suspicious.
const PRICE_STEPS: [number, number][] = [
  [0.1, 35],
  [0.2, 30],
  [0.3, 26],
  [0.5, 16],
  [0.7, 8],
  [0.85, 3],
];

// What the listing says about itself, whichever brand it is compared with.
export interface ListingEvidence {
  title: string;
  reviewCount: number;
  averageRating: number | null;
  daysListed: number;
  sellerStrikes: number;
  sellerStatus: SellerStatus;
}

export interface SpecMismatch {
  key: string;
  listed: string;
  genuine: string;
}

// The listing compared with one brand's genuine product.
export interface BrandEvidence {
  brandName: string;
  sku: string;
  msrpMinor: number;
  priceMinor: number;
  currency: string;
  logoDistance: number;
  specMismatches: SpecMismatch[];
}

function priceAnomaly(brand: BrandEvidence): RiskSignal | null {
  const ratio = brand.priceMinor / brand.msrpMinor;
  const step = PRICE_STEPS.find(([below]) => ratio < below);
  if (!step) return null;
  return {
    kind: RiskSignalKind.PRICE_ANOMALY,
    contribution: step[1],
    reason: `price ${Math.round(ratio * 100)}% of MSRP ${formatMoney(brand.msrpMinor, brand.currency)}`,
  };
}

function counterfeitKeywords(listing: ListingEvidence): RiskSignal | null {
  const title = listing.title.toLowerCase();
  const found = COUNTERFEIT_KEYWORDS.filter((word) => title.includes(word.toLowerCase()));
  if (found.length === 0) return null;
  return {
    kind: RiskSignalKind.COUNTERFEIT_KEYWORDS,
    contribution: Math.min(30, 20 + 6 * (found.length - 1)),
    reason: `title contains ${found.map((word) => `'${word}'`).join(", ")}`,
  };
}

export function logoMatch(brand: BrandEvidence): RiskSignal | null {
  const d = brand.logoDistance;
  if (d > MAX_LOGO_DISTANCE) return null;
  return {
    kind: RiskSignalKind.LOGO_MATCH,
    contribution: d <= 3 ? 14 : d <= 6 ? 11 : 7,
    reason: `logo matches registered ${brand.brandName} logo (distance ${d})`,
  };
}

function specMismatch(brand: BrandEvidence): RiskSignal | null {
  if (brand.specMismatches.length === 0) return null;
  return {
    kind: RiskSignalKind.SPEC_MISMATCH,
    contribution: Math.min(20, 12 * brand.specMismatches.length),
    reason: brand.specMismatches
      .map((m) => `${m.key} "${m.listed}" differs from genuine ${brand.sku} "${m.genuine}"`)
      .join("; "),
  };
}

// Many near-perfect reviews in a short time are bought, not earned.
function reviewBrushing(listing: ListingEvidence): RiskSignal | null {
  const perDay = listing.reviewCount / Math.max(1, listing.daysListed);
  if (listing.averageRating === null || listing.averageRating < 4.9 || perDay < 15) return null;
  return {
    kind: RiskSignalKind.REVIEW_BRUSHING,
    contribution: perDay >= 50 ? 14 : 10,
    reason:
      `${listing.reviewCount.toLocaleString("en-US")} reviews averaging ` +
      `${listing.averageRating.toFixed(2)} in ${listing.daysListed} days`,
  };
}

function sellerHistory(listing: ListingEvidence): RiskSignal | null {
  const contribution = Math.min(20, 5 * listing.sellerStrikes + (listing.sellerStatus === SellerStatus.ACTIVE ? 0 : 5));
  if (contribution === 0) return null;
  return {
    kind: RiskSignalKind.SELLER_HISTORY,
    contribution,
    reason: `seller has ${listing.sellerStrikes} strike${listing.sellerStrikes === 1 ? "" : "s"} (${listing.sellerStatus})`,
  };
}

// Drops what would take the total past 100, so that the contributions always sum to the score.
export function capAtHundred(signals: RiskSignal[]): RiskSignal[] {
  let room = 100;
  const capped: RiskSignal[] = [];
  for (const signal of signals) {
    const contribution = Math.min(signal.contribution, room);
    if (contribution > 0) capped.push({ ...signal, contribution });
    room -= contribution;
  }
  return capped;
}

export function scoreOf(signals: RiskSignal[]): number {
  return signals.reduce((sum, signal) => sum + signal.contribution, 0);
}

export function assessAgainstBrand(listing: ListingEvidence, brand: BrandEvidence): RiskSignal[] {
  const signals = [
    priceAnomaly(brand),
    counterfeitKeywords(listing),
    logoMatch(brand),
    specMismatch(brand),
    reviewBrushing(listing),
    sellerHistory(listing),
  ];
  return capAtHundred(signals.filter((signal): signal is RiskSignal => signal !== null));
}

// A store's score: how its listings score, plus its record.
export function sellerRiskScore(strikeCount: number, status: SellerStatus, listingScores: number[]): number {
  const mean = listingScores.length === 0 ? 0 : listingScores.reduce((a, b) => a + b, 0) / listingScores.length;
  const record = 6 * strikeCount + (status === SellerStatus.PENALIZED ? 10 : status === SellerStatus.CLOSED ? 20 : 0);
  return Math.min(100, Math.round(0.7 * mean + record));
}
