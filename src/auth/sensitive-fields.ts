import type { AuditTargetType } from "../domain/audit-target-types";

// Fields whose every read is audited. Listed once here; the permission layer (secure-schema.ts)
// records each read it allowed, and the request's reads are written as one audit event per type at
// its end (src/api/sensitive-read-audit.plugin.ts): a seller's identity, and a test buy's evidence,
// whose chain of custody an agency or a court may ask for.
export const SENSITIVE_FIELDS: Partial<Record<AuditTargetType, readonly string[]>> = {
  Seller: ["registeredName", "contact", "paymentAccount"],
  TestBuy: ["evidence"],
};
