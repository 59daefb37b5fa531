import type { EntityManager } from "typeorm";
import type { RiskSignal } from "../entities/risk-signal";
import type { RiskConfig } from "../risk/risk-config";
import { storeScores } from "../risk/seller-score";
import { sellerHistory } from "../risk/signals/seller-history";

// A case a member confirmed (or had taken down), as idx_infringement_seller_confirmed holds them.
const CONFIRMED = `si.status IN ('CONFIRMED', 'TAKEDOWN_REQUESTED', 'REMOVED')`;

// A store's record as the risk model reads it: the cases each member confirmed against it (or had
// taken down), as SQL for a store whose id is `sellerIdSql`, giving JSON text {organization id: count}.
export const confirmedBySql = (sellerIdSql: string) =>
  `(SELECT coalesce(json_object_agg(c.owner_org_id, c.n), '{}')::text
      FROM (SELECT si.owner_org_id, count(*)::int AS n FROM suspected_infringement si
             WHERE si.seller_id = ${sellerIdSql} AND ${CONFIRMED}
             GROUP BY si.owner_org_id) c)`;

// Of those, the ones on the listings whose ids are `listingIdsSql` (a uuid[]), by listing: JSON text
// {listing id: [organization id, once per case]}. Read in the statement that reads confirmedBySql,
// so that the two count the same cases.
export const confirmedOnSql = (sellerIdSql: string, listingIdsSql: string) =>
  `(SELECT coalesce(json_object_agg(c.listing_id, c.orgs), '{}')::text
      FROM (SELECT si.listing_id, array_agg(si.owner_org_id) AS orgs FROM suspected_infringement si
             WHERE si.seller_id = ${sellerIdSql} AND ${CONFIRMED} AND si.listing_id = ANY(${listingIdsSql})
             GROUP BY si.listing_id) c)`;

export const confirmedByOf = (json: string): Map<string, number> => new Map(Object.entries(JSON.parse(json) as Record<string, number>));
export const confirmedOnOf = (json: string): Map<string, string[]> => new Map(Object.entries(JSON.parse(json) as Record<string, string[]>));

interface StoreRow {
  id: string;
  strike_count: number;
  opened_at: Date | null;
  brand_count: number;
  listing_count: number;
  listing_score_sum: string;
  brand_free_score_sum: string;
  confirmed_by: string;
}

// Re-scores stores whose record changed between scans (a strike, cases confirmed): the same part
// from their listings, and their SELLER_HISTORY signal from their record as it stands, at `at`;
// their brand-free score likewise.
// Their listings' and cases' scores take the record in at their next scan. Two statements however
// many stores.
export async function rescoreStores(
  manager: EntityManager,
  sellerIds: readonly string[],
  config: RiskConfig,
  at: Date,
): Promise<Map<string, { riskScore: number; riskSignals: RiskSignal[]; brandFreeRiskScore: number }>> {
  const rows: StoreRow[] = await manager.query(
    `SELECT s.id, s.strike_count, s.opened_at, s.brand_count, s.listing_count, s.listing_score_sum, s.brand_free_score_sum,
            ${confirmedBySql("s.id")} AS confirmed_by
       FROM seller s WHERE s.id = ANY($1)`,
    [sellerIds],
  );
  const scored = rows.map((row) => {
    const facts = { strikeCount: row.strike_count, confirmedBy: confirmedByOf(row.confirmed_by), openedAt: row.opened_at, brandCount: row.brand_count, seenAt: at };
    const history = sellerHistory(facts, null, config.weights.SELLER_HISTORY, config.confirmedByMinMembers);
    const totals = { scoreSum: Number(row.listing_score_sum), brandFreeScoreSum: Number(row.brand_free_score_sum) };
    const { score, signals, brandFreeScore } = storeScores(row.listing_count, totals, history);
    return { id: row.id, riskScore: score, riskSignals: signals, brandFreeRiskScore: brandFreeScore };
  });
  await manager.query(
    `UPDATE seller s SET risk_score = u.score, risk_signals = u.signals::jsonb, brand_free_risk_score = u.bf
       FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::smallint[]) AS u(id, score, signals, bf) WHERE s.id = u.id`,
    [
      scored.map((s) => s.id),
      scored.map((s) => s.riskScore),
      scored.map((s) => JSON.stringify(s.riskSignals)),
      scored.map((s) => s.brandFreeRiskScore),
    ],
  );
  return new Map(scored.map(({ id, ...score }) => [id, score]));
}
