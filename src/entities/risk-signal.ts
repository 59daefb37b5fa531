import { RiskSignalKind } from "./enums";

// One reason behind a risk score, stored as JSON on the scored row.
export interface RiskSignal {
  kind: RiskSignalKind;
  contribution: number;
  reason: string;
}
