import type { EvidenceKind } from "./enums";

// One piece of evidence of a test buy, stored as JSON on the test buy.
export interface EvidenceItem {
  kind: EvidenceKind;
  description: string;
  // SHA-256 of the file, 64 lowercase hex digits.
  sha256: string;
}
