import { AhoCorasick } from "./aho-corasick";
import { foldText, isLatin, isLookalikeSymbol, lookalikeSpellings, type FoldedText } from "./text-normalization";

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

// A brand's name or alias; or, with no brand, a negative context: a phrase of ordinary language
// in which a name found wholly inside does not count ("三星堆", a place, holds Samsung's "三星").
// Both are looked for in the same pass.
interface Pattern {
  brandId: string | null;
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

  constructor(brands: readonly BrandNames[], negativeContexts: readonly string[] = []) {
    const wordTexts: string[] = [];
    const joinedTexts: string[] = [];
    const seen = new Set<string>();
    const add = (list: Pattern[], texts: string[], text: string, pattern: Pattern) => {
      const key = `${list === this.wordPatterns ? "w" : "j"}:${text}:${pattern.brandId ?? ""}`;
      if (!text.trim() || seen.has(key)) return;
      seen.add(key);
      list.push(pattern);
      texts.push(text);
    };
    for (const brand of brands) {
      for (const alias of [brand.name, ...brand.aliases]) {
        const folded = foldText(alias, true);
        const pattern = { brandId: brand.brandId, alias };
        if (!isLatin(folded.joined)) {
          add(this.joinedPatterns, joinedTexts, folded.joined, pattern);
          continue;
        }
        add(this.wordPatterns, wordTexts, folded.words, pattern);
        // A look-alike at a word's edge as whole words: "5ony", "$ony".
        for (const spelling of lookalikeSpellings(alias)) add(this.wordPatterns, wordTexts, foldText(spelling, true).words, pattern);
        if (folded.joined.length < MIN_JOINED_LENGTH) continue;
        add(this.joinedPatterns, joinedTexts, folded.joined, pattern);
        for (const variant of typoVariants(folded.joined)) add(this.joinedPatterns, joinedTexts, variant, pattern);
      }
    }
    // Wherever a name may be found: in the words (Latin) and in the joined text (any script, and
    // Latin names of 6 letters or more).
    for (const phrase of negativeContexts) {
      const folded = foldText(phrase, true);
      const pattern = { brandId: null, alias: phrase };
      if (isLatin(folded.joined)) add(this.wordPatterns, wordTexts, folded.words, pattern);
      add(this.joinedPatterns, joinedTexts, folded.joined, pattern);
    }
    this.wordMatcher = new AhoCorasick(wordTexts);
    this.joinedMatcher = new AhoCorasick(joinedTexts);
  }

  // Each matched brand once, with the first alias that matched it.
  match(text: string): BrandNameMatch[] {
    return this.matchFolded(foldText(text, true));
  }

  // `folded`: as names are read (foldWords with `forNames`).
  matchFolded(folded: FoldedText): BrandNameMatch[] {
    const found = new Map<string, string>();
    this.search(this.wordMatcher, this.wordPatterns, folded.words, found);
    this.search(this.joinedMatcher, this.joinedPatterns, folded.joined, found);
    return [...found].map(([brandId, alias]) => ({ brandId, alias }));
  }

  // Adds to `found` the names in `text` that no negative context found there holds.
  private search(matcher: AhoCorasick, patterns: readonly Pattern[], text: string, found: Map<string, string>): void {
    const names: { brandId: string; alias: string; start: number; end: number }[] = [];
    const contexts: { start: number; end: number }[] = [];
    matcher.search(text, (index, start, end) => {
      const { brandId, alias } = patterns[index];
      if (brandId === null) contexts.push({ start, end });
      else names.push({ brandId, alias, start, end });
    });
    for (const name of names) {
      if (found.has(name.brandId) || contexts.some((context) => context.start <= name.start && name.end <= context.end)) continue;
      found.set(name.brandId, name.alias);
    }
  }

  // Every place the folded text names a brand, as the [start, end) of the name in `folded.words`,
  // so that what stands before it can be read (comparative-mentions.ts). One name may be found
  // more than once, overlapping (whole, and with a letter dropped).
  occurrences(folded: FoldedText): { brandId: string; start: number; end: number }[] {
    const found: { brandId: string; start: number; end: number }[] = [];
    // A whole-word pattern has the spaces on either side of the name.
    // Negative contexts (no brand) are no names.
    this.wordMatcher.search(folded.words, (index, start, end) => {
      const { brandId } = this.wordPatterns[index];
      if (brandId !== null) found.push({ brandId, start: start + 1, end: end - 1 });
    });
    const wordsAt = wordsPosition(folded);
    this.joinedMatcher.search(folded.joined, (index, start, end) => {
      const { brandId } = this.joinedPatterns[index];
      if (brandId !== null) found.push({ brandId, start: wordsAt(start), end: wordsAt(end - 1) + 1 });
    });
    return found;
  }
}

// Where a position of `folded.joined` is in `folded.words`: as far into the word that holds it.
// The look-alike symbols kept as words are in the words only.
function wordsPosition(folded: FoldedText): (joinedAt: number) => number {
  const starts: { joined: number; words: number }[] = [];
  let joined = 0;
  let words = 1;
  for (const word of folded.words.trim().split(" ")) {
    if (word && !isLookalikeSymbol(word)) {
      starts.push({ joined, words });
      joined += word.length;
    }
    words += word.length + 1;
  }
  return (joinedAt) => {
    let at = 0;
    while (at + 1 < starts.length && starts[at + 1].joined <= joinedAt) at++;
    return starts[at].words + joinedAt - starts[at].joined;
  };
}
