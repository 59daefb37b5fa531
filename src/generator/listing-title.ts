import type { GenBrand, GenProduct } from "./catalogue";
import { CLEARANCE_WORDS, COLLABORATION_WORDS, COUNTERFEIT_WORDS, GENUINE_WORDS, GREY_MARKET_WORDS } from "./vocabulary";
import type { SeededRandom } from "./random";

export type ListingKind = "genuine" | "clearance" | "grey" | "counterfeit" | "stealth";
export type TitleLanguage = "zh" | "en";

const HAN = /^[\u4e00-\u9fff]+$/;
const LATIN = /^[\x20-\x7e]+$/;
const LOOKALIKE: Record<string, string> = { o: "0", a: "@", i: "1", s: "$" };

// Tricks to slip a brand name past word filters: spelled-out letters, look-alike symbols.
function disguise(random: SeededRandom, name: string): string {
  if (random.chance(0.5)) return name.split("").filter((c) => c !== " ").join(" ");
  let swapped = false;
  return name.replace(/[oais]/gi, (c) => {
    if (swapped || !random.chance(0.6)) return c;
    swapped = true;
    return LOOKALIKE[c.toLowerCase()];
  });
}

// How a seller writes the brand: Chinese titles often pair a Latin name with the Chinese one;
// counterfeiters also use misspelt or disguised names. A sub-brand already in the product name
// ("Motorcraft", "Martell") is not repeated.
function brandPhrase(random: SeededRandom, brand: GenBrand, language: TitleLanguage, productName: string, disguised: boolean): string {
  const latinAliases = brand.aliases.filter((alias) => LATIN.test(alias) && !productName.includes(alias));
  const latin = [brand.name, brand.name, ...latinAliases];
  const han = brand.aliases.filter((alias) => HAN.test(alias));
  if (disguised) return disguise(random, brand.name);
  if (language === "en" || han.length === 0) return random.pick(latin);
  return random.chance(0.5) ? `${random.pick(latin)} ${random.pick(han)}` : random.pick(han);
}

export interface TitleInput {
  kind: ListingKind;
  language: TitleLanguage;
  product: GenProduct;
  // A second brand the title names, as in a fake "collaboration".
  coBrand: GenBrand | null;
  disguisedBrand: boolean;
}

export function listingTitle(random: SeededRandom, input: TitleInput): string {
  const { kind, language, product, coBrand } = input;
  let brand = brandPhrase(random, product.brand, language, product.name, input.disguisedBrand);
  if (coBrand) brand = `${brand} x ${brandPhrase(random, coBrand, language, product.name, false)} ${COLLABORATION_WORDS[language]}`;
  const item = language === "zh" ? `${product.name} ${product.zhName}` : product.name;
  switch (kind) {
    case "genuine":
      return language === "zh" ? `${brand} ${item} ${random.pick(GENUINE_WORDS.zh)}` : `${random.pick(GENUINE_WORDS.en)} ${brand} ${item}`;
    case "clearance":
      return `${random.pick(CLEARANCE_WORDS[language])} ${brand} ${item}`;
    case "grey":
      return `${random.pick(GREY_MARKET_WORDS[language])} ${brand} ${item}`;
    case "stealth":
      return `${brand} ${item} ${random.pick(GENUINE_WORDS[language])}`;
    case "counterfeit": {
      const [first, second] = random.sample(COUNTERFEIT_WORDS[language], 2);
      const parts = [first, brand, item];
      if (random.chance(0.5)) parts.push(second);
      if (language === "en" && random.chance(0.3)) parts.push("Free Shipping");
      return parts.join(" ");
    }
  }
}
