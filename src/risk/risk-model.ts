import { createHash } from "node:crypto";
import type { RiskSignal } from "../entities/risk-signal";
import { apportion } from "../apportion";
import { BoundedMemo } from "../bounded-memo";
import { BrandMatcher } from "../matching/brand-matcher";
import { ComparativeMentions } from "../matching/comparative-mentions";
import { LogoMatcher } from "../matching/logo-matcher";
import { foldWords, readText, type FoldedText } from "../matching/text-normalization";
import type { BrandProfile, ListingFacts, SellerFacts } from "./facts";
import { genuineProductOf, indexProducts, moneyConverter, type ProductIndex } from "./genuine-product";
import { DEFAULT_RISK_CONFIG, type RiskConfig } from "./risk-config";
import { counterfeitKeywordsFound, CounterfeitVocabulary } from "./signals/counterfeit-vocabulary";
import { intelMatch, NO_INTEL, type IntelView } from "./signals/intel-match";
import { logoMatch } from "./signals/logo-match";
import { priceAnomaly } from "./signals/price-anomaly";
import { reviewBrushing } from "./signals/review-brushing";
import { sellerHistory } from "./signals/seller-history";
import { specMismatch } from "./signals/spec-mismatch";

// The explainable 0-100 risk model. A listing is scored against each brand it claims (by name or
// logo): the score is the sum of the signals' contributions, each at most its configured weight,
// capped at 100. Brand-free signals (vocabulary, reviews, seller, intel) count for every brand,
// the seller's and intel's with what counts for that brand's owner; price, logo and specs are
// measured against that brand's genuine catalogue.
// Version 2: a store's confirmed cases count per member (seller-history.ts), no longer all together.
// Version 3: a price in a currency without a reference rate is compared with an MSRP in the same
// currency (price-anomaly.ts), where it had no price signal.
// Version 4: the genuine product a price is compared with is named by the title's rarest words, not
// the brand's own names or words half its products share, and a tie goes to the lowest MSRP
// (genuine-product.ts); a price in a currency without a rate is compared with the brand's products
// in that currency, where a product with a rate left it without a price signal; a title that names
// a brand only as what the item is for ("case for Samsung") has no price signal for it
// (comparative-mentions.ts), nor has a placeholder price of 0 or one minor unit; brand names and
// the counterfeit vocabulary are read through invisible characters, spelled-out pairs of letters
// and traditional Chinese, and not inside a negative context (text-normalization.ts,
// brand-matcher.ts, counterfeit-vocabulary.ts); spec names are compared whatever their case, and
// measures in any unit of their kind (spec-values.ts).
// Version 5: a listing's scores leave the cases confirmed on that listing itself out of its store's
// record (src/ingest/batch/sellers.ts), where a confirmed case counted its own confirmation; a change
// of script between Latin letters or digits and Chinese, Japanese or Korean ends a word
// (text-normalization.ts), so that a short Latin name touching Chinese ("LV女包") is found; and a
// digit or symbol for a name's first or last letter ("$ony", "5ony") is read as that letter where it
// makes the name (brand-matcher.ts).
// Version 6: brand matching reads a look-alike symbol between the words of a name as a space
// ("Louis! Vuitton"), and a w as a v only in a word with a vowel ("Size L W 32" is no LV)
// (text-normalization.ts, brand-matcher.ts); amounts are in ISO 4217's minor units (IDR's 1,500,000.00
// had been read as 150,000,000), and a placeholder price is counted in the smallest price in use
// (Rp 1 is one) (money-format.ts).
export const MODEL_VERSION = "alliance-risk-6";

// A seller's score: this share of its listings' mean score, plus its own record.
export const SELLER_LISTINGS_SHARE = 0.7;

export interface BrandAssessment {
  brand: BrandProfile;
  score: number;
  signals: RiskSignal[];
  flagged: boolean;
}

// A listing's signals that do not depend on its seller or on intelligence.
export interface PreparedAssessment {
  vocabulary: RiskSignal | null;
  reviews: RiskSignal | null;
  // Each claimed brand (by id: a prepared assessment may cross to another thread) with its
  // signals against that brand's catalogue.
  brands: { brandId: string; own: RiskSignal[] }[];
}

export interface ListingAssessment {
  // The highest of its claimed brands' scores, or its brand-free score when it claims none.
  score: number;
  signals: RiskSignal[];
  // Its score on the signals that read no brand's catalogue (vocabulary, reviews, and the seller's
  // record and intelligence as they count for anyone): what the store's score that members read
  // is made of (src/auth/store-score.ts).
  brandFreeScore: number;
  // The brands it claims, then those with a case on it that it no longer claims (see finish).
  brands: BrandAssessment[];
}

// Past 100, scales every contribution down in proportion (whole numbers, largest remainder) so that
// they sum to the score, 100, and no signal leaves the explanation: the one that tied a listing to
// the brand (a logo match under a title that no longer names it) may be the smallest.
export function capAtHundred(signals: RiskSignal[]): RiskSignal[] {
  const positive = signals.filter((signal) => signal.contribution > 0);
  if (scoreOf(positive) <= 100) return positive;
  const shares = apportion(100, positive.map((signal, index) => ({ group: signal, weight: signal.contribution, order: String(index).padStart(3, "0") })));
  return shares.map(({ group, value }) => ({ ...group, contribution: value }));
}

export const scoreOf = (signals: readonly RiskSignal[]) => signals.reduce((sum, s) => sum + s.contribution, 0);

// The version names the configuration too, so that scores from differently tuned models are told apart.
export function modelVersionOf(config: RiskConfig): string {
  if (JSON.stringify(config) === JSON.stringify(DEFAULT_RISK_CONFIG)) return MODEL_VERSION;
  const digest = createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 8);
  return `${MODEL_VERSION}+config.${digest}`;
}

// What the model reads from a title alone, remembered for the last titles seen (about 1 KB each).
interface TitleFacts {
  folded: FoldedText;
  words: Set<string>;
  brandIds: string[];
  // Those it names only as what the item is for ("case for Samsung"): no price signal for them.
  namedOnlyFor: ReadonlySet<string>;
  vocabulary: string[];
}
const REMEMBERED_TITLES = 20_000;
const NONE: ReadonlySet<string> = new Set();
const REMEMBERED_DESCRIPTIONS = 20_000;

export class RiskModel {
  readonly version: string;
  private readonly titles = new BoundedMemo<string, TitleFacts>(REMEMBERED_TITLES);
  private readonly descriptions = new BoundedMemo<string, string[]>(REMEMBERED_DESCRIPTIONS);
  private readonly brands: Map<string, { profile: BrandProfile; index: ProductIndex }>;
  private readonly brandMatcher: BrandMatcher;
  private readonly comparativeMentions: ComparativeMentions;
  private readonly logoMatcher: LogoMatcher;
  private readonly vocabulary: CounterfeitVocabulary;
  private readonly valueInCny: (minor: number, currency: string) => number | null;

  constructor(
    readonly profiles: readonly BrandProfile[],
    readonly config: RiskConfig = DEFAULT_RISK_CONFIG,
  ) {
    this.version = modelVersionOf(config);
    this.valueInCny = moneyConverter(config.cnyPerUnit);
    this.brands = new Map(profiles.map((b) => [b.id, { profile: b, index: indexProducts(b, this.valueInCny) }]));
    this.brandMatcher = new BrandMatcher(
      profiles.map((b) => ({ brandId: b.id, name: b.name, aliases: b.aliases })),
      config.negativeContexts,
    );
    this.comparativeMentions = new ComparativeMentions(config.comparativeMarkers, this.brandMatcher);
    this.logoMatcher = new LogoMatcher(
      profiles.map((b) => ({ brandId: b.id, logoHashes: b.logoHashes })),
      config.logoMaxDistance,
    );
    this.vocabulary = new CounterfeitVocabulary(config.counterfeitTerms, config.negativeContexts);
  }

  // ownerOrgId: the organization of the brand the score is for; null for a listing's or a store's own score.
  sellerHistory(seller: SellerFacts, ownerOrgId: string | null): RiskSignal | null {
    return sellerHistory(seller, ownerOrgId, this.config.weights.SELLER_HISTORY, this.config.confirmedByMinMembers);
  }

  // The listing's own score (the platform's, and the store's) and its brand-free score use only the
  // seller's record and intelligence that may count for anyone; each brand's score adds what counts
  // for its owner.
  assess(listing: ListingFacts, seller: SellerFacts, intel: IntelView = NO_INTEL): ListingAssessment {
    return this.finish(this.prepare(listing), seller, intel);
  }

  // What depends on the listing alone (brand matching, vocabulary, reviews, and price, logo and
  // specs against each claimed brand's catalogue): a bulk ingest works it out before its batch's
  // transaction, which then only adds the seller's record and intelligence (finish).
  prepare(listing: ListingFacts): PreparedAssessment {
    const { weights } = this.config;
    const title = this.titles.get(listing.title, (text) => this.titleFacts(text));
    const inDescription = this.descriptions.get(listing.description, (text) => this.vocabulary.find(text));
    const vocabulary = counterfeitKeywordsFound(title.vocabulary, inDescription, weights.COUNTERFEIT_KEYWORDS);
    const reviews = reviewBrushing(listing.reviews, weights.REVIEW_BRUSHING);
    const logoDistance = new Map(this.logoMatcher.match(listing.imageHashes).map((m) => [m.brandId, m.distance]));
    const claimed = new Set([...title.brandIds, ...logoDistance.keys()]);
    const brands: PreparedAssessment["brands"] = [];
    if (claimed.size === 0) return { vocabulary, reviews, brands };

    const { folded, words: titleWords } = title;
    for (const brandId of claimed) {
      const brand = this.brands.get(brandId);
      if (!brand) continue;
      const { profile, index } = brand;
      const product = title.namedOnlyFor.has(brandId)
        ? null
        : genuineProductOf(index, titleWords, folded.joined, listing.currency, Object.hasOwn(this.config.cnyPerUnit, listing.currency));
      const own = [
        product
          ? priceAnomaly({
              priceMinor: listing.priceMinor,
              currency: listing.currency,
              product: product.product,
              named: product.named,
              valueInCny: this.valueInCny,
              weight: weights.PRICE_ANOMALY,
              startRatio: this.config.priceAnomalyStartRatio,
              fullRatio: this.config.priceAnomalyFullRatio,
              placeholderMaxMinor: this.config.pricePlaceholderMaxMinor,
            })
          : null,
        logoMatch(profile.name, logoDistance.get(brandId) ?? null, this.config.logoMaxDistance, weights.LOGO_MATCH),
        specMismatch(profile.name, listing.specs, index, weights.SPEC_MISMATCH),
      ].filter((s): s is RiskSignal => s !== null);
      brands.push({ brandId, own });
    }
    return { vocabulary, reviews, brands };
  }

  private titleFacts(title: string): TitleFacts {
    const read = readText(title);
    const folded = foldWords(read, true);
    const brandIds = this.brandMatcher.matchFolded(folded).map((m) => m.brandId);
    return {
      folded,
      words: new Set(folded.words.trim().split(" ")),
      brandIds,
      namedOnlyFor: brandIds.length > 0 ? this.comparativeMentions.brandsNamedOnlyFor(folded) : NONE,
      vocabulary: this.vocabulary.findIn(read),
    };
  }

  // `withCases`: the brands that already have a case on the listing. One it no longer claims (by
  // name or logo) has its case re-scored on the brand-free signals alone, as its catalogue no
  // longer applies; that never flags it anew, and never counts for the listing's own score.
  finish(prepared: PreparedAssessment, seller: SellerFacts, intel: IntelView = NO_INTEL, withCases: readonly string[] = []): ListingAssessment {
    const shared = [prepared.vocabulary, prepared.reviews].filter((s): s is RiskSignal => s !== null);
    // The seller's record and intelligence as they count for the owner.
    const addedFor = (ownerOrgId: string | null) =>
      [this.sellerHistory(seller, ownerOrgId), intelMatch(intel, ownerOrgId, this.config.weights.INTEL_MATCH)].filter((s): s is RiskSignal => s !== null);
    // As they count for anyone: the brand-free score and each claimed brand's public score read the
    // same, worked out once (an ingest finishes every listing's scores while its batch is written).
    const addedForAnyone = addedFor(null);
    // Every signal for the owner: the listing's, the seller's record and intelligence as they count for it.
    const scoredFor = (signals: RiskSignal[], ownerOrgId: string | null) => {
      const all = [...signals, ...shared, ...(ownerOrgId === null ? addedForAnyone : addedFor(ownerOrgId))];
      return capAtHundred(all.sort((a, b) => b.contribution - a.contribution));
    };

    const brands: BrandAssessment[] = [];
    const brandFreeSignals = scoredFor([], null);
    let listingSignals = prepared.brands.length === 0 ? brandFreeSignals : [];
    for (const { brandId, own } of prepared.brands) {
      const brand = this.brands.get(brandId)!.profile;
      const signals = scoredFor(own, brand.ownerOrgId);
      const score = scoreOf(signals);
      brands.push({ brand, score, signals, flagged: score >= this.config.flagThreshold });
      const publicSignals = scoredFor(own, null);
      if (scoreOf(publicSignals) > scoreOf(listingSignals)) listingSignals = publicSignals;
    }
    for (const brandId of withCases) {
      const brand = this.brands.get(brandId)?.profile;
      if (!brand || prepared.brands.some((claimed) => claimed.brandId === brandId)) continue;
      const signals = scoredFor([], brand.ownerOrgId);
      brands.push({ brand, score: scoreOf(signals), signals, flagged: false });
    }
    return { score: scoreOf(listingSignals), signals: listingSignals, brandFreeScore: scoreOf(brandFreeSignals), brands };
  }
}
