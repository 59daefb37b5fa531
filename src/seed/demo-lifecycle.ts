import type { EntityManager } from "typeorm";
import type { SeededRandom } from "../generator/random";
import { infringementTimeline } from "./infringement-timeline";

// Moves the freshly flagged demo infringements along their lifecycle, deterministically, so that
// the demo shows every status; then applies what those statuses and the stores' strikes imply.
export async function spreadDemoLifecycle(manager: EntityManager, random: SeededRandom, now: Date): Promise<void> {
  const rows: { id: string; first_seen_at: Date }[] = await manager.query(
    `SELECT si.id, l.first_seen_at
       FROM suspected_infringement si JOIN listing l ON l.id = si.listing_id JOIN brand b ON b.id = si.brand_id
      ORDER BY l.marketplace, l.external_id, b.name`,
  );
  const timelines = rows.map((row) => ({ id: row.id, ...infringementTimeline(random, new Date(row.first_seen_at), now) }));
  await manager.query(
    `UPDATE suspected_infringement si SET status = u.status::infringement_status, detected_at = u.detected, updated_at = u.updated
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS u(id, status, detected, updated)
      WHERE si.id = u.id`,
    [
      timelines.map((t) => t.id),
      timelines.map((t) => t.status),
      timelines.map((t) => t.detectedAt.toISOString()),
      timelines.map((t) => t.updatedAt.toISOString()),
    ],
  );
  // Three strikes penalize a store, five close it; a closed store's listings and a listing whose
  // takedown was executed are gone.
  await manager.query(
    `UPDATE seller SET status = (CASE WHEN strike_count >= 5 THEN 'CLOSED' WHEN strike_count >= 3 THEN 'PENALIZED' ELSE 'ACTIVE' END)::seller_status`,
  );
  await manager.query(
    `UPDATE listing l SET status = 'REMOVED'
      WHERE EXISTS (SELECT 1 FROM suspected_infringement si WHERE si.listing_id = l.id AND si.status = 'REMOVED')
         OR EXISTS (SELECT 1 FROM seller s WHERE s.id = l.seller_id AND s.status = 'CLOSED')`,
  );
}
