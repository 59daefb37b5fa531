import type { EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import type { Brand } from "../entities";
import { recordAudit } from "./audit";
import type { LogoClash } from "./logo-claims";

// Each call refused for a logo clash is recorded, though nothing of the call is saved: it is how the
// platform sees a member probing others' logos, and what it answers a member asking which hash
// clashed. Two events: the refusal, in the member's own audit log, says what was refused (its brand
// and how many products and logo hashes) and not which hashes clashed, which would be the answer the
// refusal withholds; the platform's alone (no organization's, as the server's own events are) names
// them, with whose logo each was near and how near, and points at the refusal.
export const LOGO_CLASH = "catalogue.logoClash";
export const LOGO_CLASH_DETAIL = "catalogue.logoClashDetail";

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
