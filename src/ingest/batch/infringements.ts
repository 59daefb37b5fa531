import type { EntityManager } from "typeorm";
import type { BrandAssessment } from "../../risk/risk-model";
import { copyJson, copyRows, copyText, CopyText } from "../copy-rows";
import { arrayColumn } from "./array-literal";
import type { BatchOptions } from "./batch-options";
import type { ScoredListing } from "./scored-listing";

// A batch's suspected infringements: a flagged brand match of a new listing is a new case; on a
// re-scored listing, every case is brought up to date and a newly flagged match opens one. A case
// is detected at the batch's time, and updated when it is written: an integration syncing by
// updatedAt reads the batch's changes at a time as close to their commit as the batch can tell
// (after it has waited for its stores), not at the batch's start.

const writtenAt = () => new Date().toISOString();

const INFRINGEMENT_COLUMNS = [
  "id", "owner_org_id", "brand_id", "listing_id", "seller_id", "marketplace", "risk_score", "risk_signals", "model_version",
  "detected_at", "updated_at",
] as const;

// The infringement columns of each brand match, as unnest parameters $1..$8: (id, o, b, l, s, m,
// score, sig), a new id each.
function infringementParameters(rows: readonly { w: ScoredListing; b: BrandAssessment }[], newId: () => string): string[] {
  return [
    arrayColumn(rows, () => newId()),
    arrayColumn(rows, (x) => x.b.brand.ownerOrgId),
    arrayColumn(rows, (x) => x.b.brand.id),
    arrayColumn(rows, (x) => x.w.id),
    arrayColumn(rows, (x) => x.w.seller.id),
    arrayColumn(rows, (x) => x.w.row.marketplace),
    arrayColumn(rows, (x) => x.b.score),
    arrayColumn(rows, (x) => JSON.stringify(x.b.signals)),
  ];
}

// The flagged brand matches of new listings: new infringements, nothing to update.
export async function insertInfringements(manager: EntityManager, fresh: readonly ScoredListing[], options: BatchOptions): Promise<number> {
  const rows = fresh.flatMap((w) => w.assessment.brands.filter((b) => b.flagged).map((b) => ({ w, b })));
  if (rows.length === 0) return 0;
  const version = options.model.version;
  const now = options.now.toISOString();
  const written = writtenAt();
  if (options.copy) {
    const text = new CopyText();
    const versionText = copyText(version);
    for (const { w, b } of rows) {
      text.add(
        `${options.newId()}\t${b.brand.ownerOrgId}\t${b.brand.id}\t${w.id}\t${w.seller.id}\t${w.row.marketplace}\t${b.score}\t` +
          `${copyJson(JSON.stringify(b.signals))}\t${versionText}\t${now}\t${written}\n`,
      );
    }
    await copyRows(manager, "suspected_infringement", INFRINGEMENT_COLUMNS, text);
    return rows.length;
  }
  await manager.query(
    `INSERT INTO suspected_infringement (id, owner_org_id, brand_id, listing_id, seller_id, marketplace, risk_score, risk_signals,
                                        model_version, detected_at, updated_at)
     SELECT u.id, u.o, u.b, u.l, u.s, u.m::marketplace, u.score, u.sig::jsonb, $9, $10, $11
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::smallint[], $8::text[])
         AS u(id, o, b, l, s, m, score, sig)`,
    [...infringementParameters(rows, options.newId), version, now, written],
  );
  return rows.length;
}

// Re-scored stored listings: flagged matches become (or update) the brand's infringement; a
// re-score below the threshold, or of a brand the listing no longer claims, updates an
// infringement the brand already has, and creates none. Every case on the listing is among them,
// so a listing that moved to another seller takes all its infringements along: one naming the old
// seller would give its brand a seller its listing no longer has, and none that it has, through
// the row scopes (src/auth/row-scopes.ts).
export async function upsertInfringements(manager: EntityManager, changed: readonly ScoredListing[], options: BatchOptions): Promise<{ created: number; updated: number }> {
  const rows = changed.flatMap((w) => w.assessment.brands.map((b) => ({ w, b })));
  if (rows.length === 0) return { created: 0, updated: 0 };
  const result: { inserted: boolean }[] = await manager.query(
    `WITH u AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::smallint[], $8::text[], $9::bool[])
         AS u(id, o, b, l, s, m, score, sig, flagged)
     ), updated AS (
       UPDATE suspected_infringement si SET risk_score = u.score, risk_signals = u.sig::jsonb, model_version = $10,
              seller_id = u.s, marketplace = u.m::marketplace, updated_at = GREATEST(si.updated_at, $12)
         FROM u
        WHERE si.listing_id = u.l AND si.brand_id = u.b AND NOT u.flagged
          AND (si.risk_score, si.risk_signals, si.model_version, si.seller_id) IS DISTINCT FROM (u.score, u.sig::jsonb, $10, u.s)
       RETURNING false AS inserted
     ), upserted AS (
       INSERT INTO suspected_infringement AS si (id, owner_org_id, brand_id, listing_id, seller_id, marketplace, risk_score, risk_signals,
                                                 model_version, detected_at, updated_at)
       SELECT u.id, u.o, u.b, u.l, u.s, u.m::marketplace, u.score, u.sig::jsonb, $10, $11, $12 FROM u WHERE u.flagged
       ON CONFLICT (listing_id, brand_id) DO UPDATE SET
         risk_score = EXCLUDED.risk_score, risk_signals = EXCLUDED.risk_signals, model_version = EXCLUDED.model_version,
         seller_id = EXCLUDED.seller_id, marketplace = EXCLUDED.marketplace, updated_at = GREATEST(si.updated_at, EXCLUDED.updated_at)
       WHERE (si.risk_score, si.risk_signals, si.model_version, si.seller_id)
             IS DISTINCT FROM (EXCLUDED.risk_score, EXCLUDED.risk_signals, EXCLUDED.model_version, EXCLUDED.seller_id)
       RETURNING (xmax = 0) AS inserted
     )
     SELECT inserted FROM updated UNION ALL SELECT inserted FROM upserted`,
    [
      ...infringementParameters(rows, options.newId),
      arrayColumn(rows, (x) => x.b.flagged),
      options.model.version,
      options.now.toISOString(),
      writtenAt(),
    ],
  );
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created };
}
