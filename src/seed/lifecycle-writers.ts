import type { EntityManager } from "typeorm";
import type { InfringementStatus } from "../entities/enums";
import type { SeedNote, SeedTakedownRequest } from "./case-history";
import type { StoreRecord } from "./store-records";
import { insertWithUnnest } from "./unnest-insert";

// One set-based statement per table for what the demo cases' histories wrote.

export interface SeedCaseState {
  id: string;
  status: InfringementStatus;
  detectedAt: Date;
  updatedAt: Date;
}

export async function updateCaseStates(manager: EntityManager, rows: SeedCaseState[]): Promise<void> {
  await manager.query(
    `UPDATE suspected_infringement si SET status = u.status::infringement_status, detected_at = u.detected, updated_at = u.updated
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS u(id, status, detected, updated)
      WHERE si.id = u.id`,
    [rows.map((r) => r.id), rows.map((r) => r.status), rows.map((r) => r.detectedAt.toISOString()), rows.map((r) => r.updatedAt.toISOString())],
  );
}

export function insertNotes(manager: EntityManager, rows: SeedNote[]): Promise<void> {
  return insertWithUnnest(manager, "infringement_note", [
    { name: "id", type: "uuid", value: (n) => n.id },
    { name: "owner_org_id", type: "uuid", value: (n) => n.ownerOrgId },
    { name: "infringement_id", type: "uuid", value: (n) => n.infringementId },
    { name: "author_user_id", type: "uuid", value: (n) => n.authorUserId },
    { name: "body", type: "text", value: (n) => n.body },
    { name: "from_status", type: { enum: "infringement_status" }, value: (n) => n.fromStatus },
    { name: "to_status", type: { enum: "infringement_status" }, value: (n) => n.toStatus },
    { name: "created_at", type: "timestamptz", value: (n) => n.createdAt },
  ], rows);
}

export function insertTakedownRequests(manager: EntityManager, rows: SeedTakedownRequest[]): Promise<void> {
  return insertWithUnnest(manager, "takedown_request", [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "owner_org_id", type: "uuid", value: (r) => r.case.ownerOrgId },
    { name: "infringement_id", type: "uuid", value: (r) => r.case.id },
    { name: "brand_id", type: "uuid", value: (r) => r.case.brandId },
    { name: "listing_id", type: "uuid", value: (r) => r.case.listingId },
    { name: "seller_id", type: "uuid", value: (r) => r.case.sellerId },
    { name: "marketplace", type: { enum: "marketplace" }, value: (r) => r.case.marketplace },
    { name: "status", type: { enum: "takedown_status" }, value: (r) => r.status },
    { name: "reason", type: "text", value: (r) => r.reason },
    { name: "requested_by_user_id", type: "uuid", value: (r) => r.requestedByUserId },
    { name: "requested_at", type: "timestamptz", value: (r) => r.requestedAt },
    { name: "decided_at", type: "timestamptz", value: (r) => r.decidedAt },
    { name: "decided_by_user_id", type: "uuid", value: (r) => r.decidedByUserId },
    { name: "decision_note", type: "text", value: (r) => r.decisionNote },
  ], rows);
}

export async function updateStoreRecords(manager: EntityManager, rows: StoreRecord[]): Promise<void> {
  await manager.query(
    `UPDATE seller s SET strike_count = u.strikes, status = u.status::seller_status, status_reason = u.reason, status_changed_at = u.changed
       FROM unnest($1::uuid[], $2::integer[], $3::text[], $4::text[], $5::timestamptz[]) AS u(id, strikes, status, reason, changed)
      WHERE s.id = u.id`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.strikeCount),
      rows.map((r) => r.status),
      rows.map((r) => r.statusReason),
      rows.map((r) => r.statusChangedAt?.toISOString() ?? null),
    ],
  );
}
