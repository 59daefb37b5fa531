import type { CatalogueBrand, CatalogueProduct } from "./catalogue";
import { COLLABORATION_WORDS, COUNTERFEIT_WORDS, GENUINE_WORDS, GREY_MARKET_WORDS } from "./listing-vocabulary";
import type { SeededRandom } from "./random";

export type ListingKind = "genuine" | "grey" | "counterfeit";
export type TitleLanguage = "zh" | "en";

const HAN = /^[\u4e00-\u9fff]+$/;
const LATIN = /^[\x20-\x7e]+$/;

// How a seller writes the brand: Chinese titles often pair a Latin name with the Chinese one;
// counterfeiters also use misspelt aliases to slip past filters. A sub-brand already in the
// product name ("Motorcraft", "Martell") is not repeated.
function brandPhrase(
  random: SeededRandom,
  brand: CatalogueBrand,
  language: TitleLanguage,
  productName: string,
): string {
  const latinAliases = brand.aliases.filter((alias) => LATIN.test(alias) && !productName.includes(alias));
  const latin = [brand.name, brand.name, ...latinAliases];
  const han = brand.aliases.filter((alias) => HAN.test(alias));
  if (language === "en" || han.length === 0) return random.pick(latin);
  return random.chance(0.5) ? `${random.pick(latin)} ${random.pick(han)}` : random.pick(han);
}

function productPhrase(product: CatalogueProduct, language: TitleLanguage): string {
  return language === "zh" ? `${product.name} ${product.zhName}` : product.name;
}

export interface TitleInput {
  kind: ListingKind;
  language: TitleLanguage;
  product: CatalogueProduct;
  // A second brand the title names, as in a fake "collaboration".
  coBrand: CatalogueBrand | null;
  // Some counterfeit titles avoid every tell-tale word.
  withCounterfeitWords: boolean;
}

export function listingTitle(random: SeededRandom, input: TitleInput): string {
  const { kind, language, product, coBrand } = input;
  let brand = brandPhrase(random, product.brand, language, product.name);
  if (coBrand) {
    brand = `${brand} x ${brandPhrase(random, coBrand, language, product.name)} ${COLLABORATION_WORDS[language]}`;
  }
  const item = productPhrase(product, language);
  switch (kind) {
    case "genuine":
      return language === "zh"
        ? `${brand} ${item} ${random.pick(GENUINE_WORDS.zh)}`
        : `${random.pick(GENUINE_WORDS.en)} ${brand} ${item}`;
    case "grey":
      return `${random.pick(GREY_MARKET_WORDS[language])} ${brand} ${item}`;
    case "counterfeit": {
      if (!input.withCounterfeitWords) return `${brand} ${item} ${random.pick(GENUINE_WORDS[language])}`;
      const [first, second] = random.sample(COUNTERFEIT_WORDS[language], 2);
      const parts = [first, brand, item];
      if (random.chance(0.5)) parts.push(second);
      if (language === "en" && random.chance(0.3)) parts.push("Free Shipping");
      return parts.join(" ");
    }
  }
}
