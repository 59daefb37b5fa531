import type { RiskSignal } from "../../entities/risk-signal";
import type { ListingFacts, SellerFacts } from "../facts";

// The extension point for shared intelligence: indicators that members contributed (a seller, a
// payment account, an image hash, a keyword) matched against a listing, returned as INTEL_MATCH
// signals worth at most `weight` in total. Until intelligence is shared, no listing matches.
export interface IntelMatcher {
  signals(listing: ListingFacts, seller: SellerFacts, weight: number): RiskSignal[];
}

export const NO_INTEL: IntelMatcher = { signals: () => [] };
