import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";

// A listing photo showing a brand's registered logo claims that brand. Alone it does not make a
// fake (genuine listings show the logo too), so its weight is small; it adds to the other signals
// and ties a listing to a brand even when the title avoids the name. Closer hashes count more.
export function logoMatch(brandName: string, distance: number | null, maxDistance: number, weight: number): RiskSignal | null {
  if (distance === null || distance > maxDistance) return null;
  const contribution = Math.round(weight * (1 - distance / (maxDistance + 1)));
  if (contribution <= 0) return null;
  return {
    kind: RiskSignalKind.LOGO_MATCH,
    contribution,
    reason: `image matches a registered ${brandName} logo (${distance} of 64 bits differ)`,
  };
}
