import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";
import { AhoCorasick } from "../../matching/aho-corasick";
import { isWordCode, readText } from "../../matching/text-normalization";

// Sellers of fakes tell their buyers so in words the genuine trade never uses ("replica", "AAA",
// "1:1", "高仿", "A货"). Found in the title, they count fully; only in the description, about half,
// since descriptions also deny ("not a replica").
//
// Text and terms are read as brand names are (readText), so the same disguises fold back: look-alike
// letters and digits ("rep1ica", a Cyrillic "rерlіса"), spelled-out letters ("r.e.p.l.i.c.a"),
// invisible characters ("高\u200b仿"), traditional characters ("A貨", "複刻"). Not their sounds: "fake"
// would read as "face", and "aaa" as "a". The gaps between words stay as the marks in them, so that
// "1 : 1" is "1:1" and "1.1" is not; spaces and dashes are one space ("knock-off", "knock off"); and
// nothing parts two Chinese characters ("高 仿").

const SPACES_AND_DASHES = /[\s\p{Pd}]+/gu;

// `read`: a text as readText gives it, words and gaps in turn.
function vocabularyText(read: readonly string[]): string {
  let text = read[0];
  for (let i = 1; i + 1 < read.length; i += 2) {
    const next = read[i + 1];
    const betweenChinese = text !== "" && next !== "" && !isWordCode(text.charCodeAt(text.length - 1)) && !isWordCode(next.charCodeAt(0));
    if (!betweenChinese) text += (read[i] === " " ? "" : read[i].replace(SPACES_AND_DASHES, "")) || " ";
    text += next;
  }
  return text;
}

// How a term is shown in a reason: as configured, lowered.
const shown = (term: string) => term.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

// A term's plural ("replicas"), and its "l" written as "i", which a "1" for it folds to ("rep1ica").
function variantsOf(term: string): string[] {
  const spellings = [term];
  for (let i = term.indexOf("l"); i >= 0; i = term.indexOf("l", i + 1)) spellings.push(`${term.slice(0, i)}i${term.slice(i + 1)}`);
  const plural = /[a-z]$/.test(term) ? spellings.map((spelling) => `${spelling}s`) : [];
  return [...spellings, ...plural];
}

// A term as shown, or (null) a negative context: a phrase of ordinary language in which a term found
// wholly inside does not count ("fake fur", "1:1 scale").
interface Pattern {
  term: string | null;
  text: string;
}

export class CounterfeitVocabulary {
  private readonly patterns: Pattern[] = [];
  private readonly matcher: AhoCorasick;

  constructor(terms: readonly string[], negativeContexts: readonly string[] = []) {
    const seen = new Set<string>();
    const add = (text: string, term: string | null) => {
      if (!text || seen.has(text)) return;
      seen.add(text);
      this.patterns.push({ term, text });
    };
    for (const phrase of negativeContexts) add(vocabularyText(readText(phrase)).trim(), null);
    for (const term of terms) {
      for (const variant of variantsOf(vocabularyText(readText(term)).trim())) add(variant, shown(term));
    }
    this.matcher = new AhoCorasick(this.patterns.map((pattern) => pattern.text));
  }

  find(text: string): string[] {
    return this.findIn(readText(text));
  }

  // The distinct terms in a text read by readText, as shown; a Latin term only as a whole word ("aaa"
  // not in "aaab"), and none inside a negative context.
  findIn(read: readonly string[]): string[] {
    const text = vocabularyText(read);
    const terms: { term: string; start: number; end: number }[] = [];
    const contexts: { start: number; end: number }[] = [];
    this.matcher.search(text, (index, start, end) => {
      const { term, text: pattern } = this.patterns[index];
      const latinStart = isWordCode(pattern.charCodeAt(0));
      const latinEnd = isWordCode(pattern.charCodeAt(pattern.length - 1));
      if (latinStart && start > 0 && isWordCode(text.charCodeAt(start - 1))) return;
      if (latinEnd && end < text.length && isWordCode(text.charCodeAt(end))) return;
      if (term === null) contexts.push({ start, end });
      else terms.push({ term, start, end });
    });
    const found = new Set<string>();
    for (const { term, start, end } of terms) {
      if (!contexts.some((context) => context.start <= start && end <= context.end)) found.add(term);
    }
    // "aaa" inside "aaa+" is the same claim.
    return [...found].filter((term) => ![...found].some((other) => other !== term && other.includes(term)));
  }
}

const quoted = (terms: readonly string[]) => terms.map((t) => `'${t}'`).join(", ");

// The signal from the terms already found in the title and in the description.
export function counterfeitKeywordsFound(inTitle: readonly string[], foundInDescription: readonly string[], weight: number): RiskSignal | null {
  const inDescription = foundInDescription.filter((term) => !inTitle.includes(term));
  if (inTitle.length === 0 && inDescription.length === 0) return null;
  const strength =
    inTitle.length >= 2 ? 1 : inTitle.length === 1 ? (inDescription.length > 0 ? 0.9 : 0.75) : inDescription.length >= 2 ? 0.55 : 0.4;
  const reasons = [
    ...(inTitle.length ? [`title contains ${quoted(inTitle)}`] : []),
    ...(inDescription.length ? [`description contains ${quoted(inDescription)}`] : []),
  ];
  return { kind: RiskSignalKind.COUNTERFEIT_KEYWORDS, contribution: Math.round(weight * strength), reason: reasons.join("; ") };
}
