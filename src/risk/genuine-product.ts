import { foldText } from "../matching/text-normalization";
import type { BrandProfile, GenuineProduct } from "./facts";
import { specName, specValue } from "./spec-values";
import { minorDigits } from "../domain/money-format";

// Which of a brand's genuine products a listing offers, to compare its price and specs with.

const MIN_WORD_LENGTH = 3;
const MIN_SKU_LENGTH = 4;
// A word's weight in thousandths, so that two products the title names equally tie exactly (sums of
// fractions would differ in their last bits with the order they were added in).
const WEIGHT_SCALE = 1000;

export type ValueInCny = (minor: number, currency: string) => number | null;

interface IndexedProduct {
  product: GenuineProduct;
  // Folded, looked for in the title's joined text.
  sku: string;
  // Null when its currency has no reference rate.
  msrpCny: number | null;
}

export interface ProductIndex {
  // The most lenient comparison first: the lowest MSRP (at the reference rates; in a currency
  // without one, among that currency's), then the SKU byte-wise, as COLLATE "C" sorts it, so that a
  // tie goes the same way on every deployment whatever order the catalogue was read in.
  products: IndexedProduct[];
  // The words of the products' names that tell them apart, each with its weight and the products
  // (positions in `products`) whose names have it.
  words: Map<string, { weight: number; products: number[] }>;
  // Each spec name the brand uses (specName), with every value its genuine products have (specValue).
  specValues: Map<string, { folded: Set<string>; shown: string[] }>;
}

const nameWords = (name: string): Set<string> =>
  new Set(foldText(name).words.trim().split(" ").filter((w) => w.length >= MIN_WORD_LENGTH));

const bytewise = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

// The lowest MSRP first: at the reference rates, then (after every product with a rate) in minor
// units, as the products of a currency without a rate are only compared among themselves; then the
// SKU.
const byLeniency = (a: IndexedProduct, b: IndexedProduct): number =>
  (a.msrpCny !== null && b.msrpCny !== null
    ? a.msrpCny - b.msrpCny
    : a.msrpCny !== null
      ? -1
      : b.msrpCny !== null
        ? 1
        : a.product.msrpMinor - b.product.msrpMinor) || bytewise(a.product.sku, b.product.sku);

function specValuesOf(brand: BrandProfile): ProductIndex["specValues"] {
  const specValues: ProductIndex["specValues"] = new Map();
  for (const product of brand.products) {
    for (const [name, value] of Object.entries(product.specs)) {
      const key = specName(name);
      const entry = specValues.get(key) ?? { folded: new Set<string>(), shown: [] };
      if (!entry.folded.has(specValue(value))) entry.shown.push(value);
      entry.folded.add(specValue(value));
      specValues.set(key, entry);
    }
  }
  return specValues;
}

// A word's weight is its rarity among the brand's own products: a word many of them have ("pro",
// "portable") says less about which one a title means than one only a few have ("speedy"). Only
// the brand's own: a weight over every member's catalogue would move which product a brand's case
// is measured against, and its reason, with what other members sell.
export function indexProducts(brand: BrandProfile, valueInCny: ValueInCny): ProductIndex {
  const products = brand.products
    .map((product) => ({ product, sku: foldText(product.sku).joined, msrpCny: valueInCny(product.msrpMinor, product.currency) }))
    .sort(byLeniency);
  // The brand's own names say which brand a title claims, not which of its products ("Ford" in
  // "Ford Performance Floor Mats", "Motorcraft" in three of Ford's); nor does a word that half its
  // products or more have.
  const ownNames = new Set([brand.name, ...brand.aliases].flatMap((name) => foldText(name).words.trim().split(" ")));
  const named = new Map<string, number[]>();
  products.forEach(({ product }, at) => {
    for (const word of nameWords(product.name)) {
      if (ownNames.has(word)) continue;
      const having = named.get(word);
      if (having) having.push(at);
      else named.set(word, [at]);
    }
  });
  const words: ProductIndex["words"] = new Map();
  for (const [word, at] of named) {
    if (at.length >= 2 && at.length * 2 >= products.length) continue;
    // One more than the products, so that the one product of a brand that has one is still named.
    const weight = Math.round(WEIGHT_SCALE * Math.log((products.length + 1) / at.length));
    words.set(word, { weight, products: at });
  }
  return { products, words, specValues: specValuesOf(brand) };
}

// The product the title names best among those the listing's price can be compared with (an MSRP in
// its own currency, or in any currency when both have a reference rate): its SKU, else the most
// weight of its name's words, a tie going to the most lenient comparison (see
// ProductIndex.products). When the title names none of them, the most lenient of them all: the
// cheapest at the reference rates, or for a price in a currency without one, the cheapest in that
// currency.
export function genuineProductOf(
  index: ProductIndex,
  titleWords: ReadonlySet<string>,
  titleJoined: string,
  listingCurrency: string,
  listingHasRate: boolean,
): { product: GenuineProduct; named: boolean } | null {
  const weights = new Map<number, number>();
  for (const word of titleWords) {
    const entry = index.words.get(word);
    if (entry) for (const at of entry.products) weights.set(at, (weights.get(at) ?? 0) + entry.weight);
  }
  let cheapest: GenuineProduct | null = null;
  let best: GenuineProduct | null = null;
  let bestBySku = false;
  let bestWeight = 0;
  for (let at = 0; at < index.products.length; at++) {
    const { product, sku, msrpCny } = index.products[at];
    if (product.currency !== listingCurrency && !(listingHasRate && msrpCny !== null)) continue;
    cheapest ??= product;
    const bySku = sku.length >= MIN_SKU_LENGTH && titleJoined.includes(sku);
    const weight = weights.get(at) ?? 0;
    if ((bySku && !bestBySku) || (bySku === bestBySku && weight > bestWeight)) {
      best = product;
      bestBySku = bySku;
      bestWeight = weight;
    }
  }
  if (best) return { product: best, named: true };
  return cheapest ? { product: cheapest, named: false } : null;
}

export function moneyConverter(cnyPerUnit: Readonly<Record<string, number>>): ValueInCny {
  return (minor: number, currency: string): number | null => {
    const rate = cnyPerUnit[currency];
    return rate === undefined ? null : (minor / 10 ** minorDigits(currency)) * rate;
  };
}
