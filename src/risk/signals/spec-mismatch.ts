import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";
import type { ProductIndex } from "../genuine-product";
import { specName, specValue } from "../spec-values";

// A model, capacity or size the brand does not make ("4TB" of a card sold only up to 1TB), or a
// vague value where the genuine catalogue is precise ("OEM"), is a fake's specification. Only keys
// the brand's catalogue uses are compared; one mismatch counts 70% of the weight, two or more fully.
const MAX_SHOWN = 3;

export function specMismatch(
  brandName: string,
  specs: Readonly<Record<string, string>>,
  index: ProductIndex,
  weight: number,
): RiskSignal | null {
  const reasons: string[] = [];
  for (const [key, value] of Object.entries(specs)) {
    const genuine = index.specValues.get(specName(key));
    if (!genuine || genuine.folded.has(specValue(value))) continue;
    const shown = genuine.shown.slice(0, MAX_SHOWN).map((v) => `"${v}"`).join(", ");
    reasons.push(`${key} "${value}" is not made by ${brandName} (genuine: ${shown}${genuine.shown.length > MAX_SHOWN ? ", ..." : ""})`);
  }
  if (reasons.length === 0) return null;
  return {
    kind: RiskSignalKind.SPEC_MISMATCH,
    contribution: Math.round(weight * (reasons.length >= 2 ? 1 : 0.7)),
    reason: reasons.join("; "),
  };
}
