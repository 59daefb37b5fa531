import type { Marketplace } from "../entities/enums";
import { generatorCatalogue, type GenBrand, type GenProduct } from "./catalogue";
import {
  counterfeitSpecs,
  listingDates,
  listingExternalId,
  listingImages,
  reviewStatistics,
  shopPrice,
  titleLanguage,
  type GeneratedReviews,
} from "./listing-features";
import { listingTitle, type ListingKind, type TitleLanguage } from "./listing-title";
import { SeededRandom } from "./random";
import { sellerAt, type GenSeller } from "./seller-generator";
import { DESCRIPTIONS, UNRELATED_PRODUCTS } from "./vocabulary";

// A deterministic stream of realistic marketplace listings (one NDJSON record each, the format
// ingest reads), with the ground truth in `label`, which ingest ignores. The same seed, count and
// day give the same records on every machine; memory does not grow with the count.

export type ListingClass = ListingKind | "unrelated";

export interface GroundTruth {
  class: ListingClass;
  counterfeit: boolean;
  brand: string | null;
}

export interface GeneratedListing {
  marketplace: Marketplace;
  externalId: string;
  title: string;
  description: string;
  price: { amountMinor: number; currency: string };
  specs: Record<string, string>;
  imageHashes: string[];
  reviews: GeneratedReviews;
  listedAt: string;
  seenAt: string;
  seller: {
    externalId: string;
    name: string;
    openedAt: string;
    brandCount: number;
    strikeCount: number;
    registeredName: string | null;
    contact: string;
    paymentAccount: string;
  };
  label: GroundTruth;
}

export interface GeneratorOptions {
  listings: number;
  seed: number;
  // Dates are offsets from this instant; the default is the start of the current UTC day.
  now?: Date;
  // The share of fakes (counterfeit and stealth) among the listings; the default mix has 47%.
  fakeShare?: number;
}

const CLASS_WEIGHTS: Record<ListingClass, number> = {
  genuine: 28,
  clearance: 5,
  grey: 12,
  counterfeit: 37,
  stealth: 10,
  unrelated: 8,
};
const CLASSES = Object.keys(CLASS_WEIGHTS) as ListingClass[];

const LISTINGS_PER_SELLER = 8;
const CO_BRAND_CHANCE = 0.07;
// Room for 10 million listings (and their sellers) per seed.
const ID_BLOCK = 1e9;
const CO_BRAND_MAX_PRICE_RATIO = 0.3;

export const startOfUtcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

const isFake = (kind: ListingClass) => kind === "counterfeit" || kind === "stealth";

// The class weights rescaled so that fakes make `fakeShare` of the whole, the other classes
// keeping their proportions among themselves.
function classWeights(fakeShare: number | undefined): Record<ListingClass, number> {
  if (fakeShare === undefined) return CLASS_WEIGHTS;
  if (!(fakeShare >= 0 && fakeShare <= 1)) throw new Error("fakeShare must be between 0 and 1");
  const total = (fake: boolean) => CLASSES.filter((k) => isFake(k) === fake).reduce((sum, k) => sum + CLASS_WEIGHTS[k], 0);
  const fakes = total(true);
  const others = total(false);
  return Object.fromEntries(
    CLASSES.map((k) => [k, isFake(k) ? (CLASS_WEIGHTS[k] / fakes) * fakeShare : (CLASS_WEIGHTS[k] / others) * (1 - fakeShare)]),
  ) as Record<ListingClass, number>;
}

// Busy stores get more listings; fakes come mostly from counterfeiters, the rest from honest stores.
function pickSeller(random: SeededRandom, sellerRandom: SeededRandom, count: number, kind: ListingClass, now: Date, block: number): GenSeller {
  const wantCounterfeiter = isFake(kind) || (kind === "grey" && random.chance(0.3)) || (kind === "unrelated" && random.chance(0.5));
  let seller = sellerAt(sellerRandom, Math.floor(count * random.next() ** 2), now, block);
  for (let tries = 0; tries < 8 && seller.counterfeiter !== wantCounterfeiter; tries++) {
    seller = sellerAt(sellerRandom, Math.floor(count * random.next() ** 2), now, block);
  }
  return seller;
}

function coBrandProduct(random: SeededRandom, catalogue: GenBrand[], product: GenProduct, priceMinor: number): GenProduct | null {
  const candidates = catalogue
    .filter((brand) => brand !== product.brand)
    .flatMap((brand) => brand.products)
    .filter((p) => p.currency === product.currency && priceMinor / p.msrpMinor <= CO_BRAND_MAX_PRICE_RATIO);
  if (candidates.length === 0) return null;
  // Fake "collaborations" pair brands of the same trade (a bag with crystals, not with paint).
  return random.weightedPick(candidates, (p) => (p.brand.category === product.brand.category ? 6 : 1));
}

function description(random: SeededRandom, kind: ListingClass, language: TitleLanguage): string {
  if (kind === "counterfeit") return random.chance(0.6) ? random.pick(DESCRIPTIONS.counterfeit[language]) : random.pick(DESCRIPTIONS.stealth[language]);
  if (kind === "stealth") return random.pick(DESCRIPTIONS.stealth[language]);
  if (kind === "unrelated") return random.pick(DESCRIPTIONS.unrelated[language]);
  return random.pick(DESCRIPTIONS.genuine[language]);
}

function sellerRecord(seller: GenSeller): GeneratedListing["seller"] {
  const { counterfeiter: _counterfeiter, marketplace: _marketplace, openedAt, ...rest } = seller;
  return { ...rest, openedAt: openedAt.toISOString() };
}

export function* generateListings(options: GeneratorOptions): Generator<GeneratedListing> {
  const root = new SeededRandom(options.seed);
  const random = root.fork("listings");
  const sellerRandom = root.fork("sellers");
  const now = options.now ?? startOfUtcDay(new Date());
  const catalogue = generatorCatalogue();
  const sellerCount = Math.max(3, Math.round(options.listings / LISTINGS_PER_SELLER));
  const block = (options.seed % 1000) * ID_BLOCK;
  const weights = classWeights(options.fakeShare);
  for (let index = 0; index < options.listings; index++) {
    const kind = random.weightedPick(CLASSES, (k) => weights[k]);
    const seller = pickSeller(random, sellerRandom, sellerCount, kind, now, block);
    const language = titleLanguage(random, seller.marketplace);
    const dates = listingDates(random, now, seller.openedAt);
    const reviews = reviewStatistics(random, kind === "unrelated" ? "grey" : kind, dates.daysListed);
    const common = {
      marketplace: seller.marketplace,
      externalId: listingExternalId(random, seller.marketplace, index, block),
      description: description(random, kind, language),
      reviews,
      listedAt: dates.listedAt.toISOString(),
      seenAt: dates.seenAt.toISOString(),
      seller: sellerRecord(seller),
    };
    if (kind === "unrelated") {
      yield {
        ...common,
        title: random.pick(UNRELATED_PRODUCTS[language]),
        price: { amountMinor: random.int(10, 300) * 100, currency: "CNY" },
        specs: {},
        imageHashes: listingImages(random, "genuine", null, null),
        label: { class: kind, counterfeit: false, brand: null },
      };
      continue;
    }
    const product = random.pick(random.weightedPick(catalogue, (b) => b.popularity).products);
    const priceMinor = shopPrice(random, kind, product.msrpMinor);
    const coProduct = kind === "counterfeit" && random.chance(CO_BRAND_CHANCE) ? coBrandProduct(random, catalogue, product, priceMinor) : null;
    const title = listingTitle(random, {
      kind,
      language,
      product,
      coBrand: coProduct?.brand ?? null,
      disguisedBrand: random.chance(kind === "stealth" ? 0.4 : kind === "counterfeit" ? 0.1 : 0),
    });
    const specs = isFake(kind) && random.chance(kind === "stealth" ? 0.5 : 0.4) ? counterfeitSpecs(random, product.specs) : { ...product.specs };
    yield {
      ...common,
      title,
      price: { amountMinor: priceMinor, currency: product.currency },
      specs,
      imageHashes: listingImages(random, kind, product, coProduct),
      label: { class: kind, counterfeit: isFake(kind), brand: product.brand.name },
    };
  }
}
