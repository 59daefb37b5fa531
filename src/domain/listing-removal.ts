import type { EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { Listing, SuspectedInfringement, TakedownRequest } from "../entities";
import { InfringementStatus, ListingStatus, TakedownStatus } from "../entities/enums";
import { actorOf } from "./actor";
import { recordAudit } from "./audit";
import { statusesMovingTo } from "./infringement-lifecycle";
import { recordSteps } from "./infringement-status";

// Takes listings down, set-based (a closed store may have thousands), and lets their cases follow
// the lifecycle:
// - every pending takedown request on a removed listing is SUPERSEDED: the listing is gone, so there
//   is nothing left to decide, and it neither counts as accepted nor adds a strike;
// - an infringement whose takedown was pending moves TAKEDOWN_REQUESTED -> REMOVED, as the lifecycle
//   allows the takedown workflow;
// - any other infringement on it keeps its status: the lifecycle has no move to REMOVED without a
//   takedown, and a brand's CONFIRMED case is still evidence for a referral or a lawsuit. Its
//   listing shows REMOVED, and the case is dated as updated then.
// Everything is written with the caller's transaction manager, with notes and audit events (by
// `viewer`, or by no one for a scan's: the listing found under a closed store).
// `cause` is read by every brand with a pending request on a removed listing (its request's
// decision note, its case's note), so it names no record of anyone's; what caused the removal
// (`audited`: which takedown, say) goes to the platform's audit event only.
export async function removeListings(
  manager: EntityManager,
  viewer: Viewer | null,
  which: { listingIds: string[] } | { sellerId: string },
  cause: string,
  audited: Record<string, unknown>,
): Promise<{ listingIds: string[]; supersededRequestIds: string[]; removedInfringementIds: string[] }> {
  // One instant for all that a brand with a case on the listing reads of its removal (its request's
  // decision, its case's update, the step's note, the listing's removedAt, after which a scan seeing
  // it for sale is a relisting): how long the transaction had run before would tell another
  // member's approved request, decided and moved first, from the platform's own takedown.
  const at = new Date();
  const listingUpdate = manager
    .createQueryBuilder()
    .update(Listing)
    .set({ status: ListingStatus.REMOVED, removedAt: at })
    .where("status = :active", { active: ListingStatus.ACTIVE });
  if ("listingIds" in which) listingUpdate.andWhere("id = ANY(:listingIds)", { listingIds: which.listingIds });
  else listingUpdate.andWhere("seller_id = :sellerId", { sellerId: which.sellerId });
  const removed = await listingUpdate.returning("id").execute();
  const listingIds = (removed.raw as { id: string }[]).map((row) => row.id);
  if (!listingIds.length) return { listingIds, supersededRequestIds: [], removedInfringementIds: [] };

  const actor = actorOf(viewer);
  const superseded = await manager
    .createQueryBuilder()
    .update(TakedownRequest)
    .set({
      status: TakedownStatus.SUPERSEDED,
      decidedAt: at,
      decidedByUserId: actor.userId,
      decidedByApiKeyId: actor.apiKeyId,
      decisionNote: cause,
    })
    .where("listing_id = ANY(:listingIds)", { listingIds })
    .andWhere("status = :pending", { pending: TakedownStatus.PENDING })
    .returning("id, infringement_id")
    .execute();
  const supersededRows = superseded.raw as { id: string; infringement_id: string }[];

  const from = statusesMovingTo(InfringementStatus.REMOVED, "TAKEDOWN");
  const moved = supersededRows.length
    ? await manager
        .createQueryBuilder()
        .update(SuspectedInfringement)
        .set({ status: InfringementStatus.REMOVED, updatedAt: at })
        .where("id = ANY(:ids)", { ids: supersededRows.map((row) => row.infringement_id) })
        .andWhere("status = ANY(:from)", { from })
        .returning("id, owner_org_id")
        .execute()
    : { raw: [] };
  const movedRows = moved.raw as { id: string; owner_org_id: string }[];
  // Every other case on a removed listing changed too, as its brand reads it (its listing is gone):
  // dated so, so that a sync by updatedFrom finds it.
  await manager
    .createQueryBuilder()
    .update(SuspectedInfringement)
    .set({ updatedAt: at })
    .where("listing_id = ANY(:listingIds)", { listingIds })
    .andWhere("updated_at < :at", { at })
    .execute();

  await recordSteps(
    manager,
    viewer,
    movedRows.map((row) => ({ id: row.id, ownerOrgId: row.owner_org_id, from: InfringementStatus.TAKEDOWN_REQUESTED })),
    InfringementStatus.REMOVED,
    "TAKEDOWN",
    { body: `Listing removed (${cause})`, note: cause },
    at,
  );
  await recordAudit(manager, viewer, {
    action: "listing.remove",
    targetType: "Listing",
    targetId: listingIds.length === 1 ? listingIds[0] : null,
    before: { status: ListingStatus.ACTIVE },
    after: {
      status: ListingStatus.REMOVED,
      cause,
      ...audited,
      listingIds,
      supersededTakedownRequestIds: supersededRows.map((row) => row.id),
    },
  });
  return {
    listingIds,
    supersededRequestIds: supersededRows.map((row) => row.id),
    removedInfringementIds: movedRows.map((row) => row.id),
  };
}
