import { Marketplace } from "../entities/enums";
import type { GenProduct } from "./catalogue";
import { nearbyHash, randomHash } from "./image-hashes";
import type { ListingKind, TitleLanguage } from "./listing-title";
import type { SeededRandom } from "./random";

// The parts of a generated listing that depend on what kind of listing it is.

// Share of the MSRP asked: near it when genuine, 45-70% on clearance, 40-80% second-hand or
// parallel-imported, 5-30% for a blatant fake, 20-50% for one that hides.
const PRICE_RATIO: Record<ListingKind, [number, number]> = {
  genuine: [0.88, 1.0],
  clearance: [0.45, 0.7],
  grey: [0.4, 0.8],
  counterfeit: [0.05, 0.3],
  stealth: [0.2, 0.5],
};

const DAY_MS = 86_400_000;

// Mostly English on the export marketplaces, mostly Chinese on the domestic ones.
export function titleLanguage(random: SeededRandom, marketplace: Marketplace): TitleLanguage {
  const international = marketplace === Marketplace.ALIEXPRESS || marketplace === Marketplace.ALIBABA;
  const [usual, other]: TitleLanguage[] = international ? ["en", "zh"] : ["zh", "en"];
  return random.chance(0.9) ? usual : other;
}

// In whole units, sometimes ending in .90 or .99.
export function shopPrice(random: SeededRandom, kind: ListingKind, msrpMinor: number): number {
  const [low, high] = PRICE_RATIO[kind];
  const whole = Math.max(1, Math.round((msrpMinor * random.float(low, high)) / 100)) * 100;
  return whole - random.pick([0, 0, 1, 10]);
}

// Unique by construction: each listing index owns its own block of numbers, and `block` keeps the
// ids of different seeds apart.
export function listingExternalId(random: SeededRandom, marketplace: Marketplace, index: number, block: number): string {
  const serial = String(block + index * 89 + random.int(0, 88)).padStart(12, "0");
  switch (marketplace) {
    case Marketplace.ALIEXPRESS:
      return `1005${serial}`;
    case Marketplace.ALIBABA:
      return `16${serial}`;
    default:
      return `6${serial}`;
  }
}

// Fakes claim a capacity or size the brand does not make, or a vague value for a precise one.
export function counterfeitSpecs(random: SeededRandom, specs: Record<string, string>): Record<string, string> {
  const key = random.pick(Object.keys(specs));
  const genuine = specs[key];
  const number = genuine.match(/\d+(\.\d+)?/);
  const listed = number ? genuine.replace(number[0], String(Number(number[0]) * random.pick([2, 4]))) : random.pick(["OEM", "unbranded", "同款"]);
  return { ...specs, [key]: listed };
}

export interface GeneratedReviews {
  count: number;
  averageRating: number | null;
  fiveStarFirstWeek: number;
  newAccountShare: number | null;
  duplicateTextShare: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// Some fakes buy their reviews: a burst of five stars, new accounts, copied texts.
export function reviewStatistics(random: SeededRandom, kind: ListingKind, daysListed: number): GeneratedReviews {
  const fake = kind === "counterfeit" || kind === "stealth";
  if (fake && random.chance(0.3)) {
    const count = Math.max(20, daysListed * random.int(5, 40));
    const traces = random.sample(["burst", "accounts", "duplicates"], random.int(1, 3));
    return {
      count,
      averageRating: round2(random.float(4.85, 5.0)),
      fiveStarFirstWeek: traces.includes("burst") ? Math.round(count * random.float(0.5, 0.9)) : Math.round(count * random.float(0.02, 0.2)),
      newAccountShare: round2(traces.includes("accounts") ? random.float(0.4, 0.85) : random.float(0.02, 0.25)),
      duplicateTextShare: round2(traces.includes("duplicates") ? random.float(0.2, 0.6) : random.float(0, 0.1)),
    };
  }
  const count = kind === "genuine" ? (random.chance(0.1) ? 0 : Math.floor(Math.exp(random.float(0, 8)))) : random.int(0, 300);
  if (count === 0) return { count, averageRating: null, fiveStarFirstWeek: 0, newAccountShare: null, duplicateTextShare: null };
  return {
    count,
    averageRating: round2(kind === "genuine" ? random.float(4.5, 4.95) : random.float(3.6, 4.85)),
    fiveStarFirstWeek: Math.round(count * random.float(0, 0.25)),
    newAccountShare: round2(random.float(0.02, kind === "genuine" ? 0.2 : 0.35)),
    duplicateTextShare: round2(random.float(0, 0.12)),
  };
}

// Image hashes: the logo as photographed (genuine photos almost exactly, fakes slightly off or not
// at all), a co-brand's logo, and other product photos.
export function listingImages(random: SeededRandom, kind: ListingKind, product: GenProduct | null, coProduct: GenProduct | null): string[] {
  const fake = kind === "counterfeit" || kind === "stealth";
  const showsLogo = product !== null && (!fake || random.chance(0.85));
  const distance = fake ? random.int(2, 9) : random.int(0, 3);
  return [
    ...(showsLogo ? [nearbyHash(random, random.pick(product.logoHashes), distance)] : []),
    ...(coProduct ? [nearbyHash(random, random.pick(coProduct.logoHashes), random.int(2, 8))] : []),
    ...Array.from({ length: random.int(showsLogo ? 0 : 1, 2) }, () => randomHash(random)),
  ];
}

// Listed within the last 120 days, never before the store opened; seen some time after.
export function listingDates(random: SeededRandom, now: Date, storeOpenedAt: Date): { listedAt: Date; seenAt: Date; daysListed: number } {
  const earliest = now.getTime() - random.int(1, 120) * DAY_MS - random.int(0, DAY_MS);
  const listedMs = Math.max(earliest, storeOpenedAt.getTime() + random.int(0, DAY_MS));
  const seenMs = listedMs + random.int(0, now.getTime() - listedMs);
  return { listedAt: new Date(listedMs), seenAt: new Date(seenMs), daysListed: Math.max(1, Math.ceil((seenMs - listedMs) / DAY_MS)) };
}
