import type { EntityManager } from "typeorm";
import { InfringementStatus, ListingStatus } from "../../entities/enums";
import { recordAudit } from "../../domain/audit";
import { statusesMovingTo } from "../../domain/infringement-lifecycle";
import { recordSteps } from "../../domain/infringement-status";
import { arrayLiteral } from "./array-literal";
import type { BatchOptions } from "./batch-options";
import type { ScoredListing } from "./scored-listing";

// A removed listing that a scan sees for sale again, seen after its removal and under a store that
// is not closed (a closed store sells nothing: what a scan finds under it stays removed): a
// relisting. The listing is ACTIVE again, and each of its REMOVED cases, confirmed counterfeit
// before its takedown, CONFIRMED again, with a note saying when the scan saw it, so that its brand
// may request a takedown again; the re-score updates it as any other. Its other cases kept their
// status when it was removed, and keep it; each is dated as updated, as its removal dated it, so
// that a sync by updatedFrom finds that its listing is back. A scan from before the removal says
// nothing of the listing since, and brings nothing back.
export const isRelisting = (s: ScoredListing): boolean =>
  s.stored?.status === ListingStatus.REMOVED &&
  !s.seller.closed &&
  s.stored.removed_at !== null &&
  s.seenAt.getTime() > new Date(s.stored.removed_at).getTime();

const noteOf = (seenAt: Date) => `Listing seen for sale again on ${seenAt.toISOString()} after its removal`;

// Set-based, however many listings come back; written as by `options.actor` (the ingestListings
// caller; no one for the CLI's file), as the batch's other audited changes are. Returns how many
// listings came back.
export async function relistListings(manager: EntityManager, relisted: readonly ScoredListing[], options: BatchOptions): Promise<number> {
  if (relisted.length === 0) return 0;
  const back: { id: string }[] = await manager.query(
    `WITH back AS (
       UPDATE listing SET status = '${ListingStatus.ACTIVE}' WHERE id = ANY($1::uuid[]) AND status = '${ListingStatus.REMOVED}' RETURNING id
     )
     SELECT id FROM back`,
    [arrayLiteral(relisted.map((s) => s.id))],
  );
  if (back.length === 0) return 0;
  const seenAtOf = new Map(relisted.map((s) => [s.id, s.seenAt]));
  const backIds = arrayLiteral(back.map((row) => row.id));
  // One instant for all that its brands read of the relisting (the step's note, the cases' update).
  const at = new Date();
  const reopened: { id: string; owner_org_id: string; listing_id: string }[] = await manager.query(
    `WITH reopened AS (
       UPDATE suspected_infringement SET status = '${InfringementStatus.CONFIRMED}', updated_at = GREATEST(updated_at, $2)
        WHERE listing_id = ANY($1::uuid[]) AND status = ANY($3::infringement_status[])
        RETURNING id, owner_org_id, listing_id
     )
     SELECT * FROM reopened`,
    [backIds, at.toISOString(), statusesMovingTo(InfringementStatus.CONFIRMED, "SCAN")],
  );
  await manager.query(`UPDATE suspected_infringement SET updated_at = $2 WHERE listing_id = ANY($1::uuid[]) AND updated_at < $2`, [backIds, at.toISOString()]);
  const actor = options.actor ?? null;
  const noteOfCase = new Map(reopened.map((row) => [row.id, noteOf(seenAtOf.get(row.listing_id)!)]));
  await recordSteps(
    manager,
    actor,
    reopened.map((row) => ({ id: row.id, ownerOrgId: row.owner_org_id, from: InfringementStatus.REMOVED })),
    InfringementStatus.CONFIRMED,
    "SCAN",
    (infringementId) => ({ body: noteOfCase.get(infringementId)!, note: noteOfCase.get(infringementId)! }),
    at,
  );
  await recordAudit(manager, actor, {
    action: "listing.relist",
    targetType: "Listing",
    targetId: back.length === 1 ? back[0].id : null,
    before: { status: ListingStatus.REMOVED },
    after: { status: ListingStatus.ACTIVE, cause: "scan", listingIds: back.map((row) => row.id), reopenedInfringementIds: reopened.map((row) => row.id) },
  });
  return back.length;
}
