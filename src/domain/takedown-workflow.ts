import type { DataSource, EntityManager } from "typeorm";
import { lockInfringementItems } from "./infringement-items";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Listing, SuspectedInfringement, TakedownRequest } from "../entities";
import { InfringementStatus, ListingStatus, TakedownStatus } from "../entities/enums";
import { badInput, notFound } from "../errors";
import { actorOf } from "./actor";
import { recordAudit, recordAudits } from "./audit";
import { moveInfringement, moveInfringements } from "./infringement-status";
import { removeListings } from "./listing-removal";
import type { RiskConfig } from "../risk/risk-config";
import { addStrike, lockStore, type StrikePolicy } from "./store-penalty-policy";
import { checkItemCount, optionalText, refuseItems, requiredText, type IdItem } from "./validation";
import { inTransactionAs } from "../auth/live-credential";
import { lockVisibleRow } from "./locked-row";

// A brand asks the platform to take down the listing of a CONFIRMED infringement; the platform
// approves (listing REMOVED, infringement REMOVED, a strike to the store) or rejects (the
// infringement returns to CONFIRMED), unless the brand withdraws the request first (the infringement
// returns to CONFIRMED, as after a rejection). Every status change goes through the infringement
// lifecycle.

const MAX_TEXT = 2000;

// What every brand with a case on a listing the platform took down reads, whether a member's
// request or the platform's own decision took it down: nothing tells it that another member had
// a case there.
const TAKEN_DOWN_BY_THE_PLATFORM = "taken down by the platform";

export enum TakedownDecision {
  APPROVE = "APPROVE",
  REJECT = "REJECT",
}

// The requests, the infringements' move to TAKEDOWN_REQUESTED and the audit events: a fixed number
// of statements however many infringements a bulk request names.
async function createRequests(manager: EntityManager, viewer: Viewer, infringements: SuspectedInfringement[], reason: string) {
  const actor = actorOf(viewer);
  const requests = await manager.save(
    infringements.map((infringement) =>
      manager.create(TakedownRequest, {
        ownerOrgId: infringement.ownerOrgId,
        infringementId: infringement.id,
        brandId: infringement.brandId,
        listingId: infringement.listingId,
        sellerId: infringement.sellerId,
        marketplace: infringement.marketplace,
        status: TakedownStatus.PENDING,
        reason,
        requestedByUserId: actor.userId,
        requestedByApiKeyId: actor.apiKeyId,
        decidedAt: null,
        decidedByUserId: null,
        decidedByApiKeyId: null,
        decisionNote: null,
      }),
    ),
  );
  await moveInfringements(manager, viewer, infringements, InfringementStatus.TAKEDOWN_REQUESTED, "TAKEDOWN", `Takedown requested: ${reason}`);
  await recordAudits(
    manager,
    viewer,
    requests.map((request) => ({
      action: "takedown.request",
      targetType: "TakedownRequest",
      targetId: request.id,
      after: { status: request.status, infringementId: request.infringementId, reason },
    })),
  );
  return requests;
}

const notConfirmed = (status: InfringementStatus) =>
  `it is ${status}; a takedown can be requested only for a CONFIRMED infringement`;
const LISTING_GONE = "its listing was already removed";

// Locks the listings (in id order) so that a store closure removing one waits for this transaction
// and then supersedes the new request, instead of leaving it pending on a removed listing. Like
// every listing lock of the takedown workflow, FOR NO KEY UPDATE (see lockListingAndStore).
async function removedListings(manager: EntityManager, viewer: Viewer, listingIds: string[]): Promise<Set<string>> {
  if (!listingIds.length) return new Set();
  const listings = await scopedQuery(manager, viewer, Listing, "listing")
    .andWhere("listing.id = ANY(:listingIds)", { listingIds: [...new Set(listingIds)] })
    .orderBy("listing.id")
    .setLock("for_no_key_update")
    .getMany();
  return new Set(listings.filter((listing) => listing.status === ListingStatus.REMOVED).map((listing) => listing.id));
}

// The listings of the cases a request names, locked before the cases (in removedListings): a scan
// re-scoring a listing and an approval removing one take the listing before its cases too, so a
// request meeting either queues instead of deadlocking. A case's listing never changes: it is read
// unlocked for it. Which of them were removed already.
async function lockListingsOfCases(manager: EntityManager, viewer: Viewer, infringementIds: string[]): Promise<Set<string>> {
  if (!infringementIds.length) return new Set();
  const cases = await scopedQuery(manager, viewer, SuspectedInfringement, "inf")
    .andWhere("inf.id = ANY(:infringementIds)", { infringementIds })
    .select(["inf.id", "inf.listingId"])
    .getMany();
  return removedListings(manager, viewer, cases.map((row) => row.listingId));
}

export async function requestTakedown(
  dataSource: DataSource,
  viewer: Viewer,
  input: { infringementId: string; reason: string },
): Promise<TakedownRequest> {
  const reason = requiredText(input.reason, "reason", MAX_TEXT);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const gone = await lockListingsOfCases(manager, viewer, [input.infringementId]);
    const infringement = await lockVisibleRow(manager, viewer, SuspectedInfringement, input.infringementId, "Infringement");
    if (infringement.status !== InfringementStatus.CONFIRMED) {
      throw badInput(`Cannot request a takedown: ${notConfirmed(infringement.status)}`, { status: infringement.status });
    }
    if (gone.has(infringement.listingId)) {
      throw badInput(`Cannot request a takedown: ${LISTING_GONE}`);
    }
    const [request] = await createRequests(manager, viewer, [infringement], reason);
    return request;
  });
}

// All or nothing: when any id is bad nothing is requested, and the error names every bad id. An id
// that is not the viewer's is reported exactly as one that does not exist.
export async function requestTakedowns(
  dataSource: DataSource,
  viewer: Viewer,
  input: { items: IdItem[]; reason: string },
  maxItems: number,
): Promise<TakedownRequest[]> {
  const reason = requiredText(input.reason, "reason", MAX_TEXT);
  checkItemCount(input.items, "infringementIds", maxItems);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const gone = await lockListingsOfCases(manager, viewer, input.items.flatMap((item) => (item.id ? [item.id] : [])));
    const { accepted, problems } = await lockInfringementItems(manager, viewer, input.items, (row) =>
      row.status === InfringementStatus.CONFIRMED ? null : notConfirmed(row.status),
    );
    for (const row of accepted.filter((row) => gone.has(row.listingId))) {
      problems.push({ id: input.items.find((item) => item.id === row.id)?.given ?? row.id, reason: LISTING_GONE });
    }
    refuseItems(problems, input.items.length, "infringements cannot be taken down");
    return createRequests(manager, viewer, accepted, reason);
  });
}

// Only a PENDING request is still open: a decided, superseded or withdrawn one is closed for good.
function refuseUnlessPending(request: TakedownRequest, action: "decided" | "withdrawn") {
  if (request.status === TakedownStatus.PENDING) return;
  throw badInput(`This takedown request is no longer pending: it is ${request.status}; only a PENDING request can be ${action}`, {
    status: request.status,
  });
}

// The request an id names, as the viewer may read it, not yet locked: what it names (its case, its
// listing) never changes, so the rows it names can be locked before it: an approval takes store,
// listing, case and request in that order.
async function requestNamed(manager: EntityManager, viewer: Viewer, id: string): Promise<TakedownRequest> {
  const request = await scopedQuery(manager, viewer, TakedownRequest, "tr").andWhere("tr.id = :id", { id }).getOne();
  if (!request) throw notFound("TakedownRequest");
  return request;
}

// A listing to be taken down and the store that sells it, locked store first: the order a listing
// ingest takes them in (its stores, then their listings and cases), so that an approval and a scan
// of the same store queue instead of deadlocking, and approvals on one listing or one store queue
// on the store. Both FOR NO KEY UPDATE, the lock their own UPDATE takes (no takedown changes a
// key): a test buy moving a case twice re-checks the case's foreign keys to its listing and store
// (key-share locks), and must not wait for a takedown that waits for the case it holds. A scan may
// move the listing to another store between the read and the locks: then that store is locked too.
async function lockListingAndStore(manager: EntityManager, viewer: Viewer, id: string): Promise<Listing> {
  for (;;) {
    const seen = await scopedQuery(manager, viewer, Listing, "listing").andWhere("listing.id = :id", { id }).getOne();
    if (!seen) throw notFound("Listing");
    await lockStore(manager, viewer, seen.sellerId);
    const listing = await scopedQuery(manager, viewer, Listing, "listing")
      .andWhere("listing.id = :id", { id })
      .setLock("for_no_key_update")
      .getOneOrFail();
    if (listing.sellerId === seen.sellerId) return listing;
  }
}

// The request's case, then the request itself (as a GENUINE test buy, which starts from the case,
// locks them), read again locked so that its status is the one this transaction will change.
async function lockCaseAndRequest(manager: EntityManager, viewer: Viewer, named: TakedownRequest, action: "decided" | "withdrawn") {
  const infringement = await scopedQuery(manager, viewer, SuspectedInfringement, "inf")
    .andWhere("inf.id = :id", { id: named.infringementId })
    .setLock("pessimistic_write")
    .getOneOrFail();
  const request = await scopedQuery(manager, viewer, TakedownRequest, "tr")
    .andWhere("tr.id = :id", { id: named.id })
    .setLock("pessimistic_write")
    .getOneOrFail();
  refuseUnlessPending(request, action);
  return { request, infringement };
}

// The brand takes back its PENDING request before the platform decides it.
export async function withdrawTakedown(dataSource: DataSource, viewer: Viewer, input: { id: string; note: string }): Promise<TakedownRequest> {
  const note = requiredText(input.note, "note (why the takedown is withdrawn)", MAX_TEXT);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const named = await requestNamed(manager, viewer, input.id);
    const { request, infringement } = await lockCaseAndRequest(manager, viewer, named, "withdrawn");
    return withdrawLockedTakedown(manager, viewer, request, infringement, note);
  });
}

// The one way a request is withdrawn, by withdrawTakedown or by a GENUINE test buy (test-buys.ts), in
// the caller's transaction, with the request and its case locked. The request is closed as a
// decision closes it (decidedAt, by whom, the note as decisionNote) so that a brand's history says
// when and why it ended; it is no decision of the platform's, so it counts neither as accepted nor
// as rejected. The case returns to CONFIRMED, as after a rejection, and a new request may follow.
export async function withdrawLockedTakedown(
  manager: EntityManager,
  viewer: Viewer,
  request: TakedownRequest,
  infringement: SuspectedInfringement,
  note: string,
): Promise<TakedownRequest> {
  const actor = actorOf(viewer);
  const withdrawal = {
    status: TakedownStatus.WITHDRAWN,
    decidedAt: new Date(),
    decidedByUserId: actor.userId,
    decidedByApiKeyId: actor.apiKeyId,
    decisionNote: note,
  };
  await manager.update(TakedownRequest, { id: request.id }, withdrawal);
  await recordAudit(manager, viewer, {
    action: "takedown.withdraw",
    targetType: "TakedownRequest",
    targetId: request.id,
    before: { status: request.status },
    after: { status: withdrawal.status, note },
  });
  await moveInfringement(manager, viewer, infringement, InfringementStatus.CONFIRMED, "TAKEDOWN", `Takedown withdrawn: ${note}`);
  return Object.assign(request, withdrawal);
}

export async function decideTakedown(
  dataSource: DataSource,
  viewer: Viewer,
  input: { id: string; decision: TakedownDecision; note?: string | null },
  policy: StrikePolicy,
  riskConfig: RiskConfig,
): Promise<TakedownRequest> {
  const note =
    input.decision === TakedownDecision.REJECT
      ? requiredText(input.note, "note (why the takedown is rejected)", MAX_TEXT)
      : optionalText(input.note, "note", MAX_TEXT);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const approved = input.decision === TakedownDecision.APPROVE;
    const named = await requestNamed(manager, viewer, input.id);
    // An approval supersedes every other pending request on the listing, and strikes the store.
    const listing = approved ? await lockListingAndStore(manager, viewer, named.listingId) : null;
    const { request, infringement } = await lockCaseAndRequest(manager, viewer, named, "decided");
    // Removing a listing supersedes its pending requests (listing-removal.ts); one left pending on a
    // removed listing has nothing to take down, and approving it would strike its store for nothing.
    if (listing?.status === ListingStatus.REMOVED) throw badInput(`Cannot approve this takedown: ${LISTING_GONE}; reject it instead`);
    const status = approved ? TakedownStatus.APPROVED : TakedownStatus.REJECTED;
    const actor = actorOf(viewer);
    const decidedAt = new Date();
    const decision = {
      status,
      decidedAt,
      decidedByUserId: actor.userId,
      decidedByApiKeyId: actor.apiKeyId,
      decisionNote: note,
    };
    await manager.update(TakedownRequest, { id: request.id }, decision);
    await recordAudit(manager, viewer, {
      action: `takedown.${approved ? "approve" : "reject"}`,
      targetType: "TakedownRequest",
      targetId: request.id,
      before: { status: request.status },
      after: { status, note },
    });
    if (!listing) {
      // Rejected: the listing stays.
      await moveInfringement(manager, viewer, infringement, InfringementStatus.CONFIRMED, "TAKEDOWN", `Takedown rejected: ${note}`);
      return Object.assign(request, decision);
    }
    // The listing goes; other brands' pending requests on it are superseded. Its store was locked
    // before the case moves (see lockStore): the case is written again when its listing goes.
    await moveInfringement(manager, viewer, infringement, InfringementStatus.REMOVED, "TAKEDOWN", `Takedown approved${note ? `: ${note}` : ""}`);
    await removeFromMarketplace(manager, viewer, listing, { takedownRequestId: request.id }, policy, riskConfig);
    return Object.assign(request, decision);
  });
}

// The listing removed, every case on it following, and a strike to the store that sells it now
// (a scan may have found the listing under another store since a request named one).
async function removeFromMarketplace(
  manager: EntityManager,
  viewer: Viewer,
  listing: Listing,
  audited: Record<string, unknown>,
  policy: StrikePolicy,
  riskConfig: RiskConfig,
): Promise<void> {
  await removeListings(manager, viewer, { listingIds: [listing.id] }, TAKEN_DOWN_BY_THE_PLATFORM, audited);
  await addStrike(manager, viewer, listing.sellerId, policy, riskConfig, audited);
}

// The platform takes a listing down on its own (its own review, a court order), as it would on an
// approved request: the store gets its strike, and every case on the listing reads the same.
export async function takeDownListing(
  dataSource: DataSource,
  viewer: Viewer,
  input: { listingId: string; reason: string },
  policy: StrikePolicy,
  riskConfig: RiskConfig,
): Promise<Listing> {
  const reason = requiredText(input.reason, "reason", MAX_TEXT);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const listing = await lockListingAndStore(manager, viewer, input.listingId);
    if (listing.status !== ListingStatus.ACTIVE) throw badInput(`This listing is ${listing.status} already`);
    await removeFromMarketplace(manager, viewer, listing, { reason }, policy, riskConfig);
    return Object.assign(listing, { status: ListingStatus.REMOVED });
  });
}
