import { badInput } from "../errors";

// Every action an audit event records, in one list: an audit entry takes no other (a new action is
// added here or does not compile), and the audit log's `actions` filter refuses a name not in it,
// which would match nothing without a word. Names as stored, so a filter names them as events do.
export const AUDIT_ACTIONS = [
  "apiKey.create",
  "apiKey.revoke",
  "brand.aliases",
  "brand.create",
  "catalogue.logoClash",
  "catalogue.logoClashDetail",
  "catalogue.remove",
  "catalogue.upsert",
  "governanceRule.publish",
  "infringement.note",
  "infringement.review",
  "infringement.scan",
  "infringement.takedown",
  "infringement.test_buy",
  "intel.contribute",
  "intel.expire",
  "intel.match",
  "intel.sighting",
  "intel.widen",
  "invitation.accept",
  "invitation.member.create",
  "invitation.revoke",
  "invitation.user.create",
  "legalAction.file",
  "legalAction.update",
  "listing.relist",
  "listing.remove",
  "listings.ingest",
  "organization.emailDomains",
  "organization.reinstate",
  "organization.suspend",
  "policyFeedback.endorse",
  "policyFeedback.respond",
  "policyFeedback.submit",
  "policyFeedback.withdraw",
  "policyFeedback.withdrawEndorsement",
  "progressReport.generate",
  "progressReport.publish",
  "progressReport.review",
  "referral.create",
  "referral.update",
  "referral.withdraw",
  "seller.close",
  "seller.penalize",
  "seller.strike",
  "sensitive.read",
  "signIn.failuresClear",
  "signIn.lockout",
  "takedown.approve",
  "takedown.reject",
  "takedown.request",
  "takedown.withdraw",
  "testBuy.outcome",
  "testBuy.record",
  "user.create",
  "user.disable",
  "user.enable",
  "user.password.change",
  "user.role",
  "user.sign-out-everywhere",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

// The audit log's `actions` filter, exactly as stored: a typo or a guessed name is refused, with the
// names there are.
export function checkAuditActions(names: readonly string[]): string[] {
  const unknown = names.filter((name) => !KNOWN_ACTIONS.has(name));
  if (unknown.length) {
    throw badInput(
      `\`filter.actions\` holds ${unknown.map((name) => JSON.stringify(name)).join(", ")}, which ${unknown.length === 1 ? "is no audit action" : "are no audit actions"}; ` +
        `the actions are ${AUDIT_ACTIONS.join(", ")}`,
      { knownActions: AUDIT_ACTIONS },
    );
  }
  return [...names];
}
