import { BoundedMemo } from "../bounded-memo";
import { foldText } from "../matching/text-normalization";
import type { BrandProfile, GenuineProduct } from "./facts";
import { minorDigits } from "../domain/money-format";

// Which of a brand's genuine products a listing offers, to compare its price and specs with.

const MIN_WORD_LENGTH = 3;

export interface ProductIndex {
  products: { product: GenuineProduct; words: string[]; sku: string }[];
  // Each spec key the brand uses, with every value its genuine products have, folded.
  specValues: Map<string, { folded: Set<string>; shown: string[] }>;
}

// Spec values repeat across listings ("256GB", "Monogram canvas"): each is folded once.
const foldedSpecValues = new BoundedMemo<string, string>(100_000);

export const foldSpecValue = (value: string): string => foldedSpecValues.get(value, (v) => foldText(v).joined);

export function indexProducts(brand: BrandProfile): ProductIndex {
  const specValues: ProductIndex["specValues"] = new Map();
  for (const product of brand.products) {
    for (const [key, value] of Object.entries(product.specs)) {
      const entry = specValues.get(key) ?? { folded: new Set<string>(), shown: [] };
      if (!entry.folded.has(foldSpecValue(value))) entry.shown.push(value);
      entry.folded.add(foldSpecValue(value));
      specValues.set(key, entry);
    }
  }
  return {
    products: brand.products.map((product) => ({
      product,
      words: foldText(product.name).words.trim().split(" ").filter((w) => w.length >= MIN_WORD_LENGTH),
      sku: foldText(product.sku).joined,
    })),
    specValues,
  };
}

// The product the title names best (its SKU, else the most of its name's words, one being enough); when the title names
// none, the brand's cheapest product, which is the most lenient comparison: the cheapest at the
// reference rates, or where no MSRP has a rate, the cheapest in the listing's own currency.
export function genuineProductOf(
  index: ProductIndex,
  titleWords: ReadonlySet<string>,
  titleJoined: string,
  listingCurrency: string,
  valueInCny: (minor: number, currency: string) => number | null,
): { product: GenuineProduct; named: boolean } | null {
  let best: GenuineProduct | null = null;
  let bestScore = 0;
  for (const { product, words, sku } of index.products) {
    const score = (sku.length >= 4 && titleJoined.includes(sku) ? 100 : 0) + words.filter((w) => titleWords.has(w)).length;
    if (score > bestScore) {
      best = product;
      bestScore = score;
    }
  }
  if (best) return { product: best, named: true };
  let cheapest: GenuineProduct | null = null;
  let cheapestCny = Infinity;
  for (const { product } of index.products) {
    const cny = valueInCny(product.msrpMinor, product.currency) ?? Infinity;
    if (cny < cheapestCny) {
      cheapest = product;
      cheapestCny = cny;
    }
  }
  if (!cheapest) {
    for (const { product } of index.products) {
      if (product.currency === listingCurrency && (!cheapest || product.msrpMinor < cheapest.msrpMinor)) cheapest = product;
    }
  }
  return cheapest ? { product: cheapest, named: false } : null;
}

export function moneyConverter(cnyPerUnit: Readonly<Record<string, number>>) {
  return (minor: number, currency: string): number | null => {
    const rate = cnyPerUnit[currency];
    return rate === undefined ? null : (minor / 10 ** minorDigits(currency)) * rate;
  };
}
