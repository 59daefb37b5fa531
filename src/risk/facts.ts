import type { Hash64 } from "../matching/perceptual-hash";

// What the model reads: the listing as scanned, its seller's record, and the genuine catalogue.

export interface ReviewStatistics {
  count: number;
  averageRating: number | null;
  // Five-star reviews posted within a week of the listing going up.
  fiveStarFirstWeek: number;
  // Share (0-1) of reviews written from accounts under 30 days old; null when unknown.
  newAccountShare: number | null;
  // Share (0-1) of reviews whose text repeats another review's text; null when unknown.
  duplicateTextShare: number | null;
}

export interface ListingFacts {
  title: string;
  description: string;
  priceMinor: number;
  currency: string;
  specs: Readonly<Record<string, string>>;
  imageHashes: readonly Hash64[];
  reviews: ReviewStatistics;
}

export interface SellerFacts {
  strikeCount: number;
  // How many of the seller's suspected infringements each member confirmed (or had taken down),
  // by organization id; members with none are left out. Each member's are its own to know.
  confirmedBy: ReadonlyMap<string, number>;
  openedAt: Date | null;
  // How many different brands the store sells, as the marketplace reports it.
  brandCount: number;
  // When the listing was scanned, to measure the store's age at that moment.
  seenAt: Date;
}

export interface GenuineProduct {
  sku: string;
  name: string;
  msrpMinor: number;
  currency: string;
  specs: Readonly<Record<string, string>>;
}

export interface BrandProfile {
  id: string;
  ownerOrgId: string;
  name: string;
  aliases: readonly string[];
  products: readonly GenuineProduct[];
  logoHashes: readonly string[];
}
