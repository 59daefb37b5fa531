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

  // Every place the folded text names a brand, as the [start, end) of the name in `folded.words`,
  // so that what stands before it can be read (comparative-mentions.ts). One name may be found
  // more than once, overlapping (whole, and with a letter dropped).
  occurrences(folded: FoldedText): { brandId: string; start: number; end: number }[] {
    const found: { brandId: string; start: number; end: number }[] = [];
    // A whole-word pattern has the spaces on either side of the name.
    this.wordMatcher.search(folded.words, (index, start, end) => found.push({ brandId: this.wordPatterns[index].brandId, start: start + 1, end: end - 1 }));
    const wordsAt = wordsPosition(folded);
    this.joinedMatcher.search(folded.joined, (index, start, end) =>
      found.push({ brandId: this.joinedPatterns[index].brandId, start: wordsAt(start), end: wordsAt(end - 1) + 1 }),
    );
    return found;
  }
}

// Where a position of `folded.joined` is in `folded.words`: past the leading space and one space
// for each word that ends before it.
function wordsPosition(folded: FoldedText): (joinedAt: number) => number {
  const ends: number[] = [];
  let end = 0;
  for (const word of folded.words.trim().split(" ")) ends.push((end += word.length));
  return (joinedAt) => {
    let before = 0;
    while (before < ends.length && ends[before] <= joinedAt) before++;
    return joinedAt + 1 + before;
  };
}
