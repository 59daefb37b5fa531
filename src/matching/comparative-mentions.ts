import type { BrandMatcher } from "./brand-matcher";
import { foldText, isLatin, type FoldedText } from "./text-normalization";

// A title that names a brand only as what the item is for ("Case for Samsung Galaxy S24 Ultra",
// "Compatible with Canon LP-E6NH battery", "手机壳 适用于华为 Mate 60") sells an accessory or an
// alternative, not the brand's product: it still claims the brand (its other signals count), but
// its price says nothing against the brand's MSRPs. Narrowly: a marker counts only right before
// the name, and only when it stands before every place the title names the brand, so that
// "Samsung case for Samsung S24" claims Samsung.
export class ComparativeMentions {
  // Folded as titles are; Latin ones are whole words, others (Chinese) are read as written.
  private readonly markers: { text: string; latin: boolean }[];

  constructor(
    markers: readonly string[],
    private readonly brands: BrandMatcher,
  ) {
    this.markers = markers
      .map((marker) => foldText(marker).words.trim())
      .filter(Boolean)
      .map((text) => ({ text, latin: isLatin(text) }));
  }

  // The brands the title names only right after a marker.
  brandsNamedOnlyFor(folded: FoldedText): Set<string> {
    const only = new Set<string>();
    if (!this.markers.some(({ text, latin }) => folded.words.includes(latin ? ` ${text} ` : text))) return only;
    const claimed = new Set<string>();
    // Where each brand's last name read ends: a find that starts before it is part of that name.
    const reached = new Map<string, number>();
    for (const { brandId, start, end } of this.brands.occurrences(folded).sort((a, b) => a.start - b.start)) {
      const last = reached.get(brandId);
      reached.set(brandId, Math.max(end, last ?? end));
      if (last !== undefined && start < last) continue;
      if (this.followsMarker(folded.words.slice(0, start))) only.add(brandId);
      else claimed.add(brandId);
    }
    for (const brandId of claimed) only.delete(brandId);
    return only;
  }

  // `before`: the folded words before a brand's name, ending in a space when the name starts a word.
  private followsMarker(before: string): boolean {
    return this.markers.some(({ text, latin }) => (latin ? before.endsWith(` ${text} `) : before.trimEnd().endsWith(text)));
  }
}
