import { Marketplace } from "../entities/enums";
import type { CatalogueProduct } from "./catalogue";
import type { SpecMismatch } from "./demo-risk-model";
import type { ListingKind, TitleLanguage } from "./listing-title";
import { nearbyHash, randomHash } from "./perceptual-hash";
import type { SeededRandom } from "./random";

// The parts of a generated listing that depend on what kind of seller wrote it.

const PRICE_RATIO: Record<ListingKind, [number, number]> = {
  genuine: [0.88, 1.0],
  grey: [0.4, 0.8],
  counterfeit: [0.05, 0.3],
};

// Mostly English on the export marketplaces, mostly Chinese on the domestic ones.
export function titleLanguage(random: SeededRandom, marketplace: Marketplace): TitleLanguage {
  const international = marketplace === Marketplace.ALIEXPRESS || marketplace === Marketplace.ALIBABA;
  const [usual, other]: TitleLanguage[] = international ? ["en", "zh"] : ["zh", "en"];
  return random.chance(0.9) ? usual : other;
}

// Near MSRP when genuine, 40-80% when second-hand or parallel-imported, 5-30% when fake; in whole
// units, sometimes ending in .90 or .99.
export function shopPrice(random: SeededRandom, kind: ListingKind, msrpMinor: number): number {
  const [low, high] = PRICE_RATIO[kind];
  const whole = Math.max(1, Math.round((msrpMinor * random.float(low, high)) / 100)) * 100;
  return whole - random.pick([0, 0, 1, 10]);
}

function listingExternalId(random: SeededRandom, marketplace: Marketplace): string {
  switch (marketplace) {
    case Marketplace.ALIEXPRESS:
      return `1005006${random.digits(9)}`;
    case Marketplace.ALIBABA:
      return `16${random.digits(10)}`;
    default:
      return `${random.int(6, 7)}${random.digits(11)}`;
  }
}

// `used` holds "marketplace:externalId" keys, unique like the table's constraint.
export function uniqueListingExternalId(random: SeededRandom, marketplace: Marketplace, used: Set<string>): string {
  let externalId = listingExternalId(random, marketplace);
  while (used.has(`${marketplace}:${externalId}`)) externalId = listingExternalId(random, marketplace);
  used.add(`${marketplace}:${externalId}`);
  return externalId;
}

// Fakes claim a different capacity or size, or replace the genuine value with a vague one.
export function counterfeitSpecs(
  random: SeededRandom,
  specs: Record<string, string>,
): { specs: Record<string, string>; mismatches: SpecMismatch[] } {
  const key = random.pick(Object.keys(specs));
  const genuine = specs[key];
  const number = genuine.match(/\d+(\.\d+)?/);
  const listed = number
    ? genuine.replace(number[0], String(Number(number[0]) * random.pick([2, 4])))
    : random.pick(["OEM", "unbranded", "同款"]);
  return { specs: { ...specs, [key]: listed }, mismatches: [{ key, listed, genuine }] };
}

// Some fakes buy their reviews: many, near-perfect, in little time.
export function reviewStatistics(
  random: SeededRandom,
  kind: ListingKind,
  daysListed: number,
): { reviewCount: number; averageRating: number | null } {
  const rating = (low: number, high: number) => Math.round(random.float(low, high) * 100) / 100;
  if (kind === "counterfeit" && random.chance(0.3)) {
    return { reviewCount: daysListed * random.int(20, 80), averageRating: rating(4.9, 5.0) };
  }
  let reviewCount: number;
  if (kind === "genuine") reviewCount = random.chance(0.1) ? 0 : Math.floor(Math.exp(random.float(0, 8)));
  else reviewCount = random.int(0, kind === "grey" ? 200 : 300);
  if (reviewCount === 0) return { reviewCount, averageRating: null };
  return { reviewCount, averageRating: kind === "genuine" ? rating(4.5, 4.89) : rating(3.6, 4.85) };
}

// Image hashes: the logo as photographed (genuine photos almost exactly, fakes slightly off or not
// at all), a co-brand's logo, and other product photos.
export function listingImages(
  random: SeededRandom,
  kind: ListingKind,
  product: CatalogueProduct,
  coProduct: CatalogueProduct | null,
): string[] {
  const showsLogo = kind !== "counterfeit" || random.chance(0.85);
  const distance = kind === "counterfeit" ? random.int(2, 9) : random.int(0, 3);
  return [
    ...(showsLogo ? [nearbyHash(random, random.pick(product.logoHashes), distance)] : []),
    ...(coProduct ? [nearbyHash(random, random.pick(coProduct.logoHashes), random.int(2, 8))] : []),
    ...Array.from({ length: random.int(showsLogo ? 0 : 1, 2) }, () => randomHash(random)),
  ];
}
