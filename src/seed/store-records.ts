import { SellerStatus } from "../entities/enums";
import { statusAfterStrikes, strikeStatusReason, type StrikePolicy } from "../domain/store-penalty-policy";

// The default policy (SELLER_PENALTY_STRIKES, SELLER_CLOSURE_STRIKES): the demo is seeded before
// any configuration is read, and shows what a fresh deployment would.
export const DEMO_STRIKE_POLICY: StrikePolicy = { penaltyStrikes: 3, closureStrikes: 5 };

export interface StoreRecord {
  id: string;
  strikeCount: number;
  status: SellerStatus;
  statusReason: string | null;
  statusChangedAt: Date | null;
}

// A store's record once the seeded takedowns are in: its strikes as scanned plus one per approved
// takedown (decideTakedown's addStrike), and the status the policy gives that count, applied at
// `appliedAt` with addStrike's reason.
export function storeRecord(
  seller: { id: string; strikeCount: number },
  approvedTakedowns: number,
  policy: StrikePolicy,
  appliedAt: Date,
): StoreRecord {
  const strikeCount = seller.strikeCount + approvedTakedowns;
  const status = statusAfterStrikes(strikeCount, SellerStatus.ACTIVE, policy);
  if (status === SellerStatus.ACTIVE) return { id: seller.id, strikeCount, status, statusReason: null, statusChangedAt: null };
  return { id: seller.id, strikeCount, status, statusReason: strikeStatusReason(status, strikeCount, policy), statusChangedAt: appliedAt };
}
