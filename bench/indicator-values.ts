import { IndicatorKind } from "../src/entities/enums";

// The v-th distinct indicator value of a kind, already in normalized form: bench:match looks these
// up, and bench:lists lists them, so both load the same values.
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
