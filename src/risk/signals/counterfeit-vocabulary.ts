import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";
import { AhoCorasick } from "../../matching/aho-corasick";
import { isWordCode } from "../../matching/text-normalization";

// Sellers of fakes tell their buyers so in words the genuine trade never uses ("replica", "AAA",
// "1:1", "高仿", "A货"). Found in the title, they count fully; only in the description, about half,
// since descriptions also deny ("not a replica").
const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");

export class CounterfeitVocabulary {
  private readonly terms: string[];
  private readonly matcher: AhoCorasick;

  constructor(terms: readonly string[]) {
    this.terms = [...new Set(terms.map(fold).filter(Boolean))];
    this.matcher = new AhoCorasick(this.terms);
  }

  // The distinct terms in the text; a Latin term only as a whole word ("aaa" not in "aaab").
  find(text: string): string[] {
    const folded = fold(text);
    const found = new Set<string>();
    this.matcher.search(folded, (index, start, end) => {
      const term = this.terms[index];
      const latinStart = isWordCode(term.charCodeAt(0));
      const latinEnd = isWordCode(term.charCodeAt(term.length - 1));
      if (latinStart && start > 0 && isWordCode(folded.charCodeAt(start - 1))) return;
      if (latinEnd && end < folded.length && isWordCode(folded.charCodeAt(end))) return;
      found.add(term);
    });
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
