import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";
import type { GenuineProduct } from "../facts";
import { formatMoney, smallestPriceMinor } from "../../domain/money-format";

// A genuine product is rarely sold far below its MSRP; a fake almost always is. The signal grows
// from nothing at `startRatio` of the MSRP to the full weight at `fullRatio` and below. Prices in
// another currency are compared at the configured reference rates; without a rate for either
// currency, only with an MSRP in the listing's own currency. A price of 0 or a placeholder (one
// minor unit by default: "0.01", "¥1") is what sellers put on a listing whose real price is agreed
// in chat, a deposit link or a variant picker, not what the item sells for: it says nothing against
// the MSRP and gets no signal, where it took the full weight as "<1% of MSRP". The listing is judged
// on its other signals.
export interface PriceAnomalyInput {
  priceMinor: number;
  currency: string;
  product: GenuineProduct;
  // Whether the title names this product, or it is the brand's cheapest one.
  named: boolean;
  valueInCny: (minor: number, currency: string) => number | null;
  weight: number;
  startRatio: number;
  fullRatio: number;
  placeholderMaxMinor: number;
}

export function priceAnomaly(input: PriceAnomalyInput): RiskSignal | null {
  const { product } = input;
  if (input.priceMinor <= input.placeholderMaxMinor * smallestPriceMinor(input.currency)) return null;
  const ratio = priceRatio(input);
  if (ratio === null) return null;
  const strength = Math.min(1, Math.max(0, (input.startRatio - ratio) / (input.startRatio - input.fullRatio)));
  const contribution = Math.round(input.weight * strength);
  if (contribution <= 0) return null;
  const percent = ratio < 0.01 ? "<1" : String(wholePercent(ratio, input.startRatio));
  const listed = input.currency === product.currency ? "price" : `price ${formatMoney(input.priceMinor, input.currency)} is`;
  const which = input.named ? `${product.sku} ${product.name}` : `cheapest genuine product ${product.sku}`;
  return {
    kind: RiskSignalKind.PRICE_ANOMALY,
    contribution,
    reason: `${listed} ${percent}% of MSRP ${formatMoney(product.msrpMinor, product.currency)} (${which})`,
  };
}

// The share as a whole percent, rounded, but down where rounding would reach the share the signal
// starts at: 69.5% of the MSRP, which adds a point, read "price 70% of MSRP", where it adds nothing.
function wholePercent(ratio: number, startRatio: number): number {
  const rounded = Math.round(ratio * 100);
  return rounded / 100 >= startRatio ? Math.floor(ratio * 100) : rounded;
}

// The price as a share of the MSRP; null when they cannot be compared.
function priceRatio({ priceMinor, currency, product, valueInCny }: PriceAnomalyInput): number | null {
  if (product.msrpMinor <= 0) return null;
  if (currency === product.currency) return priceMinor / product.msrpMinor;
  const price = valueInCny(priceMinor, currency);
  const msrp = valueInCny(product.msrpMinor, product.currency);
  return price === null || msrp === null ? null : price / msrp;
}
