import { InfringementStatus, ListingStatus, Marketplace, SellerStatus } from "../entities/enums";
import type { RiskSignal } from "../entities/risk-signal";
import type { CatalogueBrand, CatalogueProduct } from "./catalogue";
import {
  assessAgainstBrand,
  capAtHundred,
  DEMO_MODEL_VERSION,
  FLAG_THRESHOLD,
  logoMatch,
  scoreOf,
  type BrandEvidence,
  type ListingEvidence,
  type SpecMismatch,
} from "./demo-risk-model";
import { infringementTimeline } from "./infringement-timeline";
import {
  counterfeitSpecs,
  listingImages,
  reviewStatistics,
  shopPrice,
  titleLanguage,
  uniqueListingExternalId,
} from "./listing-features";
import { listingTitle, type ListingKind } from "./listing-title";
import { hammingDistance } from "./perceptual-hash";
import { WeightedTable, type SeededRandom } from "./random";
import type { SeedSeller } from "./seller-generator";

export interface SeedListing {
  id: string;
  marketplace: Marketplace;
  externalId: string;
  sellerId: string;
  title: string;
  priceMinor: number;
  currency: string;
  specs: Record<string, string>;
  imageHashes: string[];
  reviewCount: number;
  averageRating: number | null;
  status: ListingStatus;
  riskScore: number;
  riskSignals: RiskSignal[];
  modelVersion: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface SeedInfringement {
  id: string;
  ownerOrgId: string;
  brandId: string;
  listingId: string;
  sellerId: string;
  marketplace: Marketplace;
  status: InfringementStatus;
  riskScore: number;
  riskSignals: RiskSignal[];
  modelVersion: string;
  detectedAt: Date;
  updatedAt: Date;
}

export interface GeneratedListings {
  listings: SeedListing[];
  infringements: SeedInfringement[];
}

const DAY_MS = 86_400_000;
const SEEN_WINDOW_MS = 120 * DAY_MS;
// Tuned so that roughly 45% of listings produce at least one infringement.
const KIND_WEIGHTS: Record<ListingKind, number> = { genuine: 28, grey: 12, counterfeit: 60 };
const CO_BRAND_CHANCE = 0.07;
// The co-brand's price anomaly is measured against one of its own products, so the listing price
// has to be implausibly low against that product too.
const CO_BRAND_MAX_PRICE_RATIO = 0.3;

interface SellerPools {
  honest: WeightedTable<SeedSeller>;
  counterfeiter: WeightedTable<SeedSeller>;
}

interface GenerationContext {
  catalogue: CatalogueBrand[];
  pools: SellerPools;
  usedExternalIds: Set<string>;
  now: Date;
}

interface BrandMatch {
  product: CatalogueProduct;
  evidence: BrandEvidence;
  signals: RiskSignal[];
}

function sellerPools(sellers: SeedSeller[]): SellerPools {
  const table = (counterfeiter: boolean) => {
    const pool = sellers.filter((s) => s.counterfeiter === counterfeiter);
    // With very few sellers one pool may be empty; its listings then go to any seller.
    return new WeightedTable(pool.length > 0 ? pool : sellers, (s) => s.listingWeight);
  };
  return { honest: table(false), counterfeiter: table(true) };
}

function pickSeller(random: SeededRandom, pools: SellerPools, kind: ListingKind): SeedSeller {
  const fromCounterfeiters = kind === "counterfeit" || (kind === "grey" && random.chance(0.3));
  return (fromCounterfeiters ? pools.counterfeiter : pools.honest).pick(random);
}

function coBrandProduct(
  random: SeededRandom,
  catalogue: CatalogueBrand[],
  product: CatalogueProduct,
  priceMinor: number,
): CatalogueProduct | null {
  const candidates = catalogue
    .filter((brand) => brand.ownerOrgId !== product.brand.ownerOrgId)
    .flatMap((brand) => brand.products)
    .filter((p) => p.currency === product.currency && priceMinor / p.msrpMinor <= CO_BRAND_MAX_PRICE_RATIO);
  if (candidates.length === 0) return null;
  // Fake "collaborations" pair brands of the same trade (a bag with crystals, not with paint).
  return random.weightedPick(candidates, (p) => (p.brand.category === product.brand.category ? 6 : 1));
}

function logoDistance(imageHashes: string[], product: CatalogueProduct): number {
  const distances = imageHashes.flatMap((image) => product.logoHashes.map((logo) => hammingDistance(image, logo)));
  return Math.min(...distances);
}

function matchBrand(
  listing: ListingEvidence,
  product: CatalogueProduct,
  priceMinor: number,
  imageHashes: string[],
  specMismatches: SpecMismatch[],
): BrandMatch {
  const evidence: BrandEvidence = {
    brandName: product.brand.name,
    sku: product.sku,
    msrpMinor: product.msrpMinor,
    priceMinor,
    currency: product.currency,
    logoDistance: logoDistance(imageHashes, product),
    specMismatches,
  };
  return { product, evidence, signals: assessAgainstBrand(listing, evidence) };
}

function generateListing(
  random: SeededRandom,
  context: GenerationContext,
): { listing: SeedListing; infringements: SeedInfringement[] } {
  const { catalogue, pools, now } = context;
  const kind = random.weightedPick(Object.keys(KIND_WEIGHTS) as ListingKind[], (k) => KIND_WEIGHTS[k]);
  const seller = pickSeller(random, pools, kind);
  const marketplace = seller.marketplace;
  const externalId = uniqueListingExternalId(random, marketplace, context.usedExternalIds);

  const product = random.pick(random.weightedPick(catalogue, (b) => b.popularity).products);
  const priceMinor = shopPrice(random, kind, product.msrpMinor);
  const coProduct =
    kind === "counterfeit" && random.chance(CO_BRAND_CHANCE) ? coBrandProduct(random, catalogue, product, priceMinor) : null;
  const title = listingTitle(random, {
    kind,
    language: titleLanguage(random, marketplace),
    product,
    coBrand: coProduct?.brand ?? null,
    withCounterfeitWords: random.chance(0.85),
  });
  const { specs, mismatches } =
    kind === "counterfeit" && random.chance(0.4)
      ? counterfeitSpecs(random, product.specs)
      : { specs: { ...product.specs }, mismatches: [] };
  const imageHashes = listingImages(random, kind, product, coProduct);

  const firstSeenMs = now.getTime() - random.int(0, SEEN_WINDOW_MS);
  let lastSeenMs = firstSeenMs + random.int(0, now.getTime() - firstSeenMs);
  const daysListed = Math.max(1, Math.ceil((lastSeenMs - firstSeenMs) / DAY_MS));
  const reviews = reviewStatistics(random, kind, daysListed);

  const evidence: ListingEvidence = {
    title,
    ...reviews,
    daysListed,
    sellerStrikes: seller.strikeCount,
    sellerStatus: seller.status,
  };
  const matches = [matchBrand(evidence, product, priceMinor, imageHashes, mismatches)];
  if (coProduct) matches.push(matchBrand(evidence, coProduct, priceMinor, imageHashes, []));
  // The platform's view names every matched brand: the main brand's reasons and the others' logos.
  const coBrandLogos = matches.slice(1).flatMap((m) => logoMatch(m.evidence) ?? []);
  const riskSignals = capAtHundred([...matches[0].signals, ...coBrandLogos]);
  const riskScore = scoreOf(riskSignals);
  const listingId = random.uuid();

  const infringements: SeedInfringement[] = [];
  for (const match of matches) {
    const brandScore = scoreOf(match.signals);
    if (riskScore < FLAG_THRESHOLD || brandScore < FLAG_THRESHOLD) continue;
    infringements.push({
      id: random.uuid(),
      ownerOrgId: match.product.brand.ownerOrgId,
      brandId: match.product.brand.id,
      listingId,
      sellerId: seller.id,
      marketplace,
      ...infringementTimeline(random, new Date(firstSeenMs), now),
      riskScore: brandScore,
      riskSignals: match.signals,
      modelVersion: DEMO_MODEL_VERSION,
    });
  }

  // A closed store's listings are gone, and so is a listing whose takedown was executed; neither
  // is seen after that.
  const removals = infringements
    .filter((i) => i.status === InfringementStatus.REMOVED)
    .map((i) => i.updatedAt.getTime());
  if (seller.status === SellerStatus.CLOSED) removals.push(lastSeenMs);
  if (removals.length > 0) lastSeenMs = Math.max(firstSeenMs, Math.min(lastSeenMs, ...removals));

  const listing: SeedListing = {
    id: listingId,
    marketplace,
    externalId,
    sellerId: seller.id,
    title,
    priceMinor,
    currency: product.currency,
    specs,
    imageHashes,
    ...reviews,
    status: removals.length > 0 ? ListingStatus.REMOVED : ListingStatus.ACTIVE,
    riskScore,
    riskSignals,
    modelVersion: DEMO_MODEL_VERSION,
    firstSeenAt: new Date(firstSeenMs),
    lastSeenAt: new Date(lastSeenMs),
  };
  return { listing, infringements };
}

export function generateListings(
  random: SeededRandom,
  catalogue: CatalogueBrand[],
  sellers: SeedSeller[],
  count: number,
  now: Date,
): GeneratedListings {
  const context: GenerationContext = { catalogue, pools: sellerPools(sellers), usedExternalIds: new Set(), now };
  const listings: SeedListing[] = [];
  const infringements: SeedInfringement[] = [];
  for (let i = 0; i < count; i++) {
    const generated = generateListing(random, context);
    listings.push(generated.listing);
    infringements.push(...generated.infringements);
  }
  return { listings, infringements };
}
