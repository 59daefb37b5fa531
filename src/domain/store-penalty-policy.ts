import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Seller } from "../entities";
import { SellerStatus } from "../entities/enums";
import { recordAudit } from "./audit";
import type { RiskConfig } from "../risk/risk-config";
import { removeListings } from "./listing-removal";
import { rescoreStores } from "./store-record";

export interface StrikePolicy {
  penaltyStrikes: number;
  closureStrikes: number;
}

// What a store's status becomes at a strike count. A store is never let off by this policy: a
// penalized store stays penalized, a closed one closed.
export function statusAfterStrikes(strikes: number, current: SellerStatus, policy: StrikePolicy): SellerStatus {
  if (current === SellerStatus.CLOSED || strikes >= policy.closureStrikes) return SellerStatus.CLOSED;
  if (current === SellerStatus.PENALIZED || strikes >= policy.penaltyStrikes) return SellerStatus.PENALIZED;
  return SellerStatus.ACTIVE;
}

// Why a store has the status the policy gave it at a strike count. Read by every brand with a case
// on the store, so it names no takedown.
export function strikeStatusReason(status: SellerStatus, strikes: number, policy: StrikePolicy): string {
  const threshold = status === SellerStatus.CLOSED ? policy.closureStrikes : policy.penaltyStrikes;
  return `${status} at ${strikes} strikes (policy: ${threshold})`;
}

// The store a strike will go to, locked. A workflow that strikes takes it before it writes any row
// that names the store: writing such a row a second time in one transaction makes PostgreSQL check
// its foreign key again, which takes a key-share lock on the store, and two such transactions on one
// store would each hold that while waiting for the other's to take the store for the strike. FOR NO
// KEY UPDATE, the lock its own UPDATE takes (a strike changes no key): it still queues strikes, and
// does not wait for a key-share lock another workflow holds (a test buy moving a case twice).
export const lockStore = (manager: EntityManager, viewer: Viewer, sellerId: string): Promise<Seller> =>
  scopedQuery(manager, viewer, Seller, "seller").andWhere("seller.id = :sellerId", { sellerId }).setLock("for_no_key_update").getOneOrFail();

// One more approved takedown against a store; penalizes or closes it when the policy says so, with
// the reason recorded on the seller, and re-scores the store with the strike in its record.
// Closing a store removes its other active listings too. The reason is read by every brand with a
// case on the store, so it names no takedown: the audit event (the platform's) records which one
// it was (`audited`).
export async function addStrike(
  manager: EntityManager,
  viewer: Viewer,
  sellerId: string,
  policy: StrikePolicy,
  riskConfig: RiskConfig,
  audited: Record<string, unknown>,
): Promise<Seller> {
  const seller = await lockStore(manager, viewer, sellerId);
  const strikes = seller.strikeCount + 1;
  const status = statusAfterStrikes(strikes, seller.status, policy);
  const changed = status !== seller.status;
  const statusReason = changed ? strikeStatusReason(status, strikes, policy) : seller.statusReason;
  const statusChangedAt = changed ? new Date() : seller.statusChangedAt;
  await manager.update(Seller, { id: seller.id }, { strikeCount: strikes, status, statusReason, statusChangedAt });
  const { riskScore, riskSignals, brandFreeRiskScore } = (await rescoreStores(manager, [seller.id], riskConfig, new Date())).get(seller.id)!;
  await recordAudit(manager, viewer, {
    action: changed ? `seller.${status === SellerStatus.CLOSED ? "close" : "penalize"}` : "seller.strike",
    targetType: "Seller",
    targetId: seller.id,
    before: { strikeCount: seller.strikeCount, status: seller.status },
    after: { strikeCount: strikes, status, statusReason, ...audited },
  });
  if (changed && status === SellerStatus.CLOSED) {
    await removeListings(manager, viewer, { sellerId: seller.id }, `store closed: ${statusReason}`, audited);
  }
  return Object.assign(seller, { strikeCount: strikes, status, statusReason, statusChangedAt, riskScore, riskSignals, brandFreeRiskScore });
}
