import type { EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import type { Brand } from "../entities";
import { ApiError, ErrorCode } from "../errors";
import { recordAudit } from "./audit";
import type { LogoClash } from "./logo-claims";

// Each call refused for a logo clash is recorded, though nothing of the call is saved: it is how the
// platform sees a member probing others' logos, and what it answers a member asking which hash
// clashed. Two events: the refusal, in the member's own audit log, says what was refused (its brand
// and how many products and logo hashes) and not which hashes clashed, which would be the answer the
// refusal withholds; the platform's alone (no organization's, as the server's own events are) names
// them, with whose logo each was near and how near, and points at the refusal.
const LOGO_CLASH = "catalogue.logoClash";
const LOGO_CLASH_DETAIL = "catalogue.logoClashDetail";

export async function recordLogoClash(
  manager: EntityManager,
  viewer: Viewer,
  brand: Brand,
  products: readonly { logoHashes: readonly string[] }[],
  clashes: readonly LogoClash[],
): Promise<void> {
  const refusalId = await recordAudit(manager, viewer, {
    action: LOGO_CLASH,
    targetType: "Brand",
    targetId: brand.id,
    after: { products: products.length, logoHashes: products.reduce((sum, product) => sum + product.logoHashes.length, 0) },
  });
  await recordAudit(manager, null, { action: LOGO_CLASH_DETAIL, targetType: "AuditEvent", targetId: refusalId, after: { clashes } });
}

// An organization has `perDay` refusals in any 24 hours. Past them, every call that carries a logo
// hash it has not registered already is refused with RATE_LIMITED before its hashes are compared
// with anything: were only the calls that clash refused, the limit's answer and an accepted call
// would tell clash from none as the refusal did. Counted from the refusals' own events, in one
// statement, under newLogoClaims' lock (the caller's), which every call that claims a logo takes
// and holds until its transaction ends, recording its refusal if it is one: calls sent at once are
// counted one after the other, and cannot spend more than the budget.
export async function checkLogoClashBudget(manager: EntityManager, orgId: string, perDay: number): Promise<void> {
  // The lock may have been waited for: the window ends when this statement starts, not the transaction.
  const [budget]: { refusals: number; seconds_left: number | null }[] = await manager.query(
    `SELECT count(*)::int AS refusals,
            ceil(extract(epoch FROM (array_agg(created_at ORDER BY created_at DESC))[$3] + interval '1 day' - statement_timestamp()))::int AS seconds_left
       FROM audit_event
      WHERE action = $1 AND owner_org_id = $2 AND created_at > statement_timestamp() - interval '1 day'`,
    [LOGO_CLASH, orgId, perDay],
  );
  if (budget.refusals < perDay) return;
  // When the one that brings the count under the limit is a day old.
  const retryAfterSeconds = Math.max(1, budget.seconds_left ?? 1);
  throw new ApiError(
    ErrorCode.RATE_LIMITED,
    `Your organization has had ${budget.refusals} calls refused for a logo clash in the last 24 hours, and may have ${perDay}: calls that carry ` +
      `logo hashes it has not registered are refused before they are checked until one of those is a day old; retry in ${retryAfterSeconds} seconds (the platform can tell you which logos clashed)`,
    { retryAfterSeconds },
  );
}
