import { checkAuditFilterNames } from "./audit-filter-names";

// Every type an audit event's target has, in one list: an audit entry takes no other (a new target
// type is added here or does not compile), and the audit log's `targetTypes` filter refuses a name
// not in it, which would match nothing without a word. GraphQL type names, as stored: an event's
// targetId is the global id of its target's type.
export const AUDIT_TARGET_TYPES = [
  "ApiKey",
  "AuditEvent",
  "Brand",
  "GovernanceRule",
  "Indicator",
  "Infringement",
  "Invitation",
  "LegalAction",
  "Listing",
  "Organization",
  "PolicyFeedback",
  "ProgressReport",
  "Referral",
  "Seller",
  "TakedownRequest",
  "TestBuy",
  "User",
] as const;

export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

const KNOWN_TARGET_TYPES: ReadonlySet<string> = new Set(AUDIT_TARGET_TYPES);

export const isAuditTargetType = (name: string): name is AuditTargetType => KNOWN_TARGET_TYPES.has(name);

// The audit log's `targetTypes` filter, exactly as stored.
export const checkAuditTargetTypes = (names: readonly string[]) => checkAuditFilterNames("targetTypes", "target type", names, AUDIT_TARGET_TYPES);
