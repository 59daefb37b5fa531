import { IndicatorDistribution, IndicatorKind } from "../src/entities/enums";

// The indicators bench:match looks up and bench:lists lists, so that both load the same mix.

const KINDS = [IndicatorKind.PHONE, IndicatorKind.KEYWORD, IndicatorKind.SELLER, IndicatorKind.IMAGE_HASH];
const DISTRIBUTIONS = Object.values(IndicatorDistribution);

export const indicatorKindOf = (v: number): IndicatorKind => KINDS[v % KINDS.length];

// The v-th distinct indicator value of a kind, already in normalized form.
export function indicatorValueOf(kind: IndicatorKind, v: number): string {
  switch (kind) {
    case IndicatorKind.PHONE:
      return `+86138${String(v).padStart(8, "0")}`;
    case IndicatorKind.KEYWORD:
      return `counterfeit phrase ${v}`;
    case IndicatorKind.SELLER:
      return `TAOBAO:store-${v}`;
    default:
      return v.toString(16).padStart(16, "0");
  }
}

// The i-th indicator loaded: each value v is contributed twice (indicators 2v and 2v + 1), the
// first at a level that counts in a blind match, the second at any level, so three in four values
// that exist match (k = 2).
export function benchIndicator(i: number): { v: number; kind: IndicatorKind; value: string; distribution: IndicatorDistribution } {
  const v = Math.floor(i / 2);
  const kind = indicatorKindOf(v);
  const distribution = i % 2 === 0 ? DISTRIBUTIONS[1 + (v % 3)] : DISTRIBUTIONS[v % DISTRIBUTIONS.length];
  return { v, kind, value: indicatorValueOf(kind, v), distribution };
}
