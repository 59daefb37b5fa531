import { RiskSignalKind } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";

// What shared intelligence says of one listing (src/domain/intel/intel-match-signal.ts works it
// out for a whole ingest batch in one query). It is asked per organization an infringement would
// belong to, because an organization's own PRIVATE indicators count for its own infringements
// only; and with null for the listing's own score, from which the store's score that every brand
// with a case reads is made.
export interface IntelView {
  signalFor(ownerOrgId: string | null): { contribution: number; reason: string } | null;
}

export const NO_INTEL: IntelView = { signalFor: () => null };

// However strong the match, intelligence adds at most its weight.
export function intelMatch(intel: IntelView, ownerOrgId: string | null, weight: number): RiskSignal | null {
  const signal = intel.signalFor(ownerOrgId);
  const contribution = signal ? Math.min(signal.contribution, weight) : 0;
  return signal && contribution > 0 ? { kind: RiskSignalKind.INTEL_MATCH, contribution, reason: signal.reason } : null;
}
