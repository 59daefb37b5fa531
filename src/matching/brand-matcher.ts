import { AhoCorasick } from "./aho-corasick";
import { foldText, isLatin, type FoldedText } from "./text-normalization";

// Finds the brands a listing title claims, from every brand's name and aliases in any script,
// their common misspellings and spacing tricks, with one multi-pattern pass per title.

export interface BrandNames {
  brandId: string;
  name: string;
  aliases: readonly string[];
}

export interface BrandNameMatch {
  brandId: string;
  // The name or alias as registered, for the explanation.
  alias: string;
}

interface Pattern {
  brandId: string;
  alias: string;
}

// Latin names this long are distinctive enough to be looked for across word breaks and with two
// neighbouring letters swapped (and, longer still, with one letter dropped); shorter ones ("LV",
// "Sony", "Mars") must be whole words.
const MIN_JOINED_LENGTH = 6;
const MIN_DROPPED_LETTER_LENGTH = 8;

function typoVariants(word: string): string[] {
  const variants: string[] = [];
  if (word.length >= MIN_DROPPED_LETTER_LENGTH) {
    for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  }
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) variants.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return variants;
}

export class BrandMatcher {
  // Whole words, spaces included at both ends, searched in FoldedText.words.
  private readonly wordPatterns: Pattern[] = [];
  private readonly wordMatcher: AhoCorasick;
  // Searched in FoldedText.joined, with no word boundaries.
  private readonly joinedPatterns: Pattern[] = [];
  private readonly joinedMatcher: AhoCorasick;

  constructor(brands: readonly BrandNames[]) {
    const wordTexts: string[] = [];
    const joinedTexts: string[] = [];
    const seen = new Set<string>();
    const add = (list: Pattern[], texts: string[], text: string, pattern: Pattern) => {
      const key = `${list === this.wordPatterns ? "w" : "j"}:${text}:${pattern.brandId}`;
      if (!text.trim() || seen.has(key)) return;
      seen.add(key);
      list.push(pattern);
      texts.push(text);
    };
    for (const brand of brands) {
      for (const alias of [brand.name, ...brand.aliases]) {
        const folded = foldText(alias);
        const pattern = { brandId: brand.brandId, alias };
        if (!isLatin(folded.joined)) {
          add(this.joinedPatterns, joinedTexts, folded.joined, pattern);
          continue;
        }
        add(this.wordPatterns, wordTexts, folded.words, pattern);
        if (folded.joined.length < MIN_JOINED_LENGTH) continue;
        add(this.joinedPatterns, joinedTexts, folded.joined, pattern);
        for (const variant of typoVariants(folded.joined)) add(this.joinedPatterns, joinedTexts, variant, pattern);
      }
    }
    this.wordMatcher = new AhoCorasick(wordTexts);
    this.joinedMatcher = new AhoCorasick(joinedTexts);
  }

  // Each matched brand once, with the first alias that matched it.
  match(text: string): BrandNameMatch[] {
    return this.matchFolded(foldText(text));
  }

  matchFolded(folded: FoldedText): BrandNameMatch[] {
    const found = new Map<string, string>();
    const record = (pattern: Pattern) => {
      if (!found.has(pattern.brandId)) found.set(pattern.brandId, pattern.alias);
    };
    this.wordMatcher.search(folded.words, (index) => record(this.wordPatterns[index]));
    this.joinedMatcher.search(folded.joined, (index) => record(this.joinedPatterns[index]));
    return [...found].map(([brandId, alias]) => ({ brandId, alias }));
  }
}
