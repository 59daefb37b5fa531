import { hash } from "node:crypto";
import { NO_INTEL } from "../risk/signals/intel-match";
import type { IntelSource } from "./intel-source";
import type { EntityManager } from "typeorm";
import type { RiskSignal } from "../entities/risk-signal";
import { parseHash64 } from "../matching/perceptual-hash";
import type { ListingFacts, SellerFacts } from "../risk/facts";
import type { ListingAssessment, RiskModel } from "../risk/risk-model";
import { sellerScore } from "../risk/seller-score";
import type { ListingRecord } from "./listing-record";

// Writes one batch of valid listing records with a fixed number of set-based statements
// (unnest arrays, whatever the batch size), inside the caller's transaction:
//   1. upsert the sellers, 2. lock and read their history, 3. read the listings already stored,
//   then score every listing in memory, 4. upsert new and changed listings, 5. upsert the
//   infringements of flagged brand matches, 6. re-score the sellers.
// A listing whose fingerprint (content, seller and scores) is unchanged is not written at all.

export interface BatchRow {
  // The line number in a file, or the row index of a GraphQL batch.
  line: number;
  record: ListingRecord;
}

export interface Rejection {
  line: number;
  reason: string;
}

export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  infringementsCreated: number;
  infringementsUpdated: number;
  sellersCreated: number;
  sellersUpdated: number;
}

export interface BatchOptions {
  model: RiskModel;
  now: Date;
  newId: () => string;
  // Without one (the demo seed, before anyone shares intelligence), no listing matches any.
  intel?: IntelSource;
}

const CONFIRMED_STATUSES = "('CONFIRMED', 'TAKEDOWN_REQUESTED', 'REMOVED')";

// Sorts like ORDER BY marketplace::text, external_id COLLATE "C" for the ASCII ids marketplaces use.
const keyOf = (marketplace: string, externalId: string) => `${marketplace}\u0001${externalId}`;
const pgTextArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

interface SellerRow {
  id: string;
  marketplace: string;
  external_id: string;
  strike_count: number;
  opened_at: Date | null;
  brand_count: number;
  listing_count: number;
  listing_score_sum: string;
  risk_score: number;
  confirmed: number;
}

interface StoredListing {
  id: string;
  marketplace: string;
  external_id: string;
  seller_id: string;
  fingerprint: string | null;
  risk_score: number;
  last_seen_at: Date;
}

interface Scored {
  row: BatchRow;
  sellerId: string;
  seenAt: Date;
  assessment: ListingAssessment;
  fingerprint: string;
  stored: StoredListing | undefined;
}

// Later lines win over earlier lines for the same listing.
function dedupe(rows: readonly BatchRow[]): { kept: BatchRow[]; rejections: Rejection[] } {
  const last = new Map<string, BatchRow>();
  const rejections: Rejection[] = [];
  for (const row of rows) {
    const key = keyOf(row.record.marketplace, row.record.externalId);
    const earlier = last.get(key);
    if (earlier) {
      rejections.push({
        line: earlier.line,
        reason: `listing ${row.record.marketplace}:${row.record.externalId} appears again at ${row.line} in the same batch; the later one is kept`,
      });
    }
    last.set(key, row);
  }
  return { kept: [...last.values()], rejections };
}

function listingFacts(record: ListingRecord): ListingFacts {
  return {
    title: record.title,
    description: record.description,
    priceMinor: record.price.amountMinor,
    currency: record.price.currency,
    specs: record.specs,
    imageHashes: record.imageHashes.map(parseHash64),
    reviews: record.reviews,
  };
}

// What the stored row depends on: the record as sent, its seller and the seller's record, and the
// scores (the signals follow from these).
function fingerprintOf(record: ListingRecord, seller: SellerFacts & { id: string }, assessment: ListingAssessment, version: string): string {
  const { seenAt: _seenAt, seller: _seller, ...content } = record;
  const facts = [seller.id, seller.strikeCount, seller.confirmedInfringements, seller.openedAt?.getTime() ?? null, seller.brandCount];
  const scores = [assessment.score, ...assessment.brands.map((b) => `${b.brand.id}:${b.score}`)];
  return hash("sha1", JSON.stringify([content, facts, scores, version]), "base64");
}

async function upsertSellers(
  manager: EntityManager,
  rows: readonly BatchRow[],
  newId: () => string,
): Promise<{ created: number; updated: number }> {
  const sellers = new Map<string, { marketplace: string; seller: ListingRecord["seller"] }>();
  for (const { record } of rows) sellers.set(keyOf(record.marketplace, record.seller.externalId), { marketplace: record.marketplace, seller: record.seller });
  // In the order lockSellers locks them, so that concurrent batches cannot lock two sellers in
  // opposite orders.
  const list = [...sellers.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, s]) => s);
  const result: { inserted: boolean }[] = await manager.query(
    `INSERT INTO seller AS s (id, marketplace, external_id, public_name, opened_at, brand_count, strike_count, registered_name, contact, payment_account)
     SELECT u.id, u.m::marketplace, u.e, u.n, u.o, u.b, u.k, u.r, u.c, u.p
       FROM unnest($10::uuid[], $1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[])
         AS u(id, m, e, n, o, b, k, r, c, p)
     ON CONFLICT (marketplace, external_id) DO UPDATE SET
       public_name = EXCLUDED.public_name,
       opened_at = COALESCE(EXCLUDED.opened_at, s.opened_at),
       brand_count = EXCLUDED.brand_count,
       strike_count = GREATEST(s.strike_count, EXCLUDED.strike_count),
       registered_name = COALESCE(EXCLUDED.registered_name, s.registered_name),
       contact = COALESCE(EXCLUDED.contact, s.contact),
       payment_account = COALESCE(EXCLUDED.payment_account, s.payment_account)
     WHERE (s.public_name, s.opened_at, s.brand_count, s.strike_count, s.registered_name, s.contact, s.payment_account)
           IS DISTINCT FROM
           (EXCLUDED.public_name, COALESCE(EXCLUDED.opened_at, s.opened_at), EXCLUDED.brand_count,
            GREATEST(s.strike_count, EXCLUDED.strike_count), COALESCE(EXCLUDED.registered_name, s.registered_name),
            COALESCE(EXCLUDED.contact, s.contact), COALESCE(EXCLUDED.payment_account, s.payment_account))
     RETURNING (xmax = 0) AS inserted`,
    [
      list.map((s) => s.marketplace),
      list.map((s) => s.seller.externalId),
      list.map((s) => s.seller.name),
      list.map((s) => iso(s.seller.openedAt)),
      list.map((s) => s.seller.brandCount),
      list.map((s) => s.seller.strikeCount),
      list.map((s) => s.seller.registeredName),
      list.map((s) => s.seller.contact),
      list.map((s) => s.seller.paymentAccount),
      list.map(() => newId()),
    ],
  );
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created };
}

// Locked, so that two batches touching one seller re-score it one after the other.
async function lockSellers(manager: EntityManager, rows: readonly BatchRow[]): Promise<Map<string, SellerRow>> {
  const keys = [...new Set(rows.map(({ record }) => keyOf(record.marketplace, record.seller.externalId)))].sort();
  const found: SellerRow[] = await manager.query(
    `SELECT s.id, s.marketplace::text AS marketplace, s.external_id, s.strike_count, s.opened_at, s.brand_count,
            s.listing_count, s.listing_score_sum, s.risk_score,
            (SELECT count(*) FROM suspected_infringement si
              WHERE si.seller_id = s.id AND si.status IN ${CONFIRMED_STATUSES})::int AS confirmed
       FROM seller s JOIN unnest($1::text[], $2::text[]) AS k(m, e) ON s.marketplace = k.m::marketplace AND s.external_id = k.e
      ORDER BY s.marketplace::text COLLATE "C", s.external_id COLLATE "C"
        FOR UPDATE OF s`,
    [keys.map((k) => k.split("\u0001")[0]), keys.map((k) => k.split("\u0001")[1])],
  );
  return new Map(found.map((s) => [keyOf(s.marketplace, s.external_id), s]));
}

async function storedListings(manager: EntityManager, rows: readonly BatchRow[]): Promise<Map<string, StoredListing>> {
  const found: StoredListing[] = await manager.query(
    `SELECT l.id, l.marketplace::text AS marketplace, l.external_id, l.seller_id, l.fingerprint, l.risk_score, l.last_seen_at
       FROM listing l JOIN unnest($1::text[], $2::text[]) AS k(m, e) ON l.marketplace = k.m::marketplace AND l.external_id = k.e`,
    [rows.map((r) => r.record.marketplace), rows.map((r) => r.record.externalId)],
  );
  return new Map(found.map((l) => [keyOf(l.marketplace, l.external_id), l]));
}

function sellerFacts(seller: SellerRow, seenAt: Date): SellerFacts {
  return {
    strikeCount: seller.strike_count,
    confirmedInfringements: seller.confirmed,
    openedAt: seller.opened_at ? new Date(seller.opened_at) : null,
    brandCount: seller.brand_count,
    seenAt,
  };
}

async function upsertListings(manager: EntityManager, writes: readonly Scored[], options: BatchOptions): Promise<Map<string, string>> {
  if (writes.length === 0) return new Map();
  const r = writes.map((w) => w.row.record);
  const returned: { id: string; marketplace: string; external_id: string }[] = await manager.query(
    `INSERT INTO listing AS l (id, marketplace, external_id, seller_id, title, description, price_minor, currency, specs, image_hashes,
                         review_count, average_rating, five_star_first_week, new_account_review_share, duplicate_review_share,
                         listed_at, risk_score, risk_signals, model_version, fingerprint, first_seen_at, last_seen_at)
     SELECT u.id, u.m::marketplace, u.e, u.s, u.t, u.d, u.p, u.c, u.sp::jsonb, u.ih::text[], u.rc, u.ar, u.fw, u.na, u.du,
            u.la, u.rs, u.sig::jsonb, u.v, u.f, u.seen, u.seen
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[],
                   $10::text[], $11::int[], $12::real[], $13::int[], $14::real[], $15::real[], $16::timestamptz[], $17::smallint[],
                   $18::text[], $19::text[], $20::text[], $21::timestamptz[])
         AS u(id, m, e, s, t, d, p, c, sp, ih, rc, ar, fw, na, du, la, rs, sig, v, f, seen)
     ON CONFLICT (marketplace, external_id) DO UPDATE SET
       seller_id = EXCLUDED.seller_id, title = EXCLUDED.title, description = EXCLUDED.description,
       price_minor = EXCLUDED.price_minor, currency = EXCLUDED.currency, specs = EXCLUDED.specs,
       image_hashes = EXCLUDED.image_hashes, review_count = EXCLUDED.review_count, average_rating = EXCLUDED.average_rating,
       five_star_first_week = EXCLUDED.five_star_first_week, new_account_review_share = EXCLUDED.new_account_review_share,
       duplicate_review_share = EXCLUDED.duplicate_review_share, listed_at = EXCLUDED.listed_at,
       risk_score = EXCLUDED.risk_score, risk_signals = EXCLUDED.risk_signals, model_version = EXCLUDED.model_version,
       fingerprint = EXCLUDED.fingerprint, last_seen_at = GREATEST(l.last_seen_at, EXCLUDED.last_seen_at)
     RETURNING l.id, l.marketplace::text AS marketplace, l.external_id`,
    [
      writes.map((w) => w.stored?.id ?? options.newId()),
      r.map((x) => x.marketplace),
      r.map((x) => x.externalId),
      writes.map((w) => w.sellerId),
      r.map((x) => x.title),
      r.map((x) => x.description),
      r.map((x) => x.price.amountMinor),
      r.map((x) => x.price.currency),
      r.map((x) => JSON.stringify(x.specs)),
      r.map((x) => pgTextArray(x.imageHashes)),
      r.map((x) => x.reviews.count),
      r.map((x) => x.reviews.averageRating),
      r.map((x) => x.reviews.fiveStarFirstWeek),
      r.map((x) => x.reviews.newAccountShare),
      r.map((x) => x.reviews.duplicateTextShare),
      r.map((x) => iso(x.listedAt)),
      writes.map((w) => w.assessment.score),
      writes.map((w) => JSON.stringify(w.assessment.signals)),
      writes.map(() => options.model.version),
      writes.map((w) => w.fingerprint),
      writes.map((w) => w.seenAt.toISOString()),
    ],
  );
  return new Map(returned.map((l) => [keyOf(l.marketplace, l.external_id), l.id]));
}

// Flagged matches become (or update) the brand's infringement; a re-score below the threshold
// updates an infringement the brand already has, and creates none.
async function upsertInfringements(
  manager: EntityManager,
  writes: readonly Scored[],
  listingIds: Map<string, string>,
  options: BatchOptions,
): Promise<{ created: number; updated: number }> {
  const rows = writes.flatMap((w) => {
    const listingId = listingIds.get(keyOf(w.row.record.marketplace, w.row.record.externalId))!;
    return w.assessment.brands
      .filter((b) => b.flagged || w.stored)
      .map((b) => ({ w, b, listingId }));
  });
  if (rows.length === 0) return { created: 0, updated: 0 };
  const result: { inserted: boolean }[] = await manager.query(
    `WITH u AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::smallint[], $8::text[], $9::bool[])
         AS u(id, o, b, l, s, m, score, sig, flagged)
     ), updated AS (
       UPDATE suspected_infringement si SET risk_score = u.score, risk_signals = u.sig::jsonb, model_version = $10,
              seller_id = u.s, marketplace = u.m::marketplace, updated_at = $11
         FROM u
        WHERE si.listing_id = u.l AND si.brand_id = u.b AND NOT u.flagged
          AND (si.risk_score, si.risk_signals, si.model_version, si.seller_id) IS DISTINCT FROM (u.score, u.sig::jsonb, $10, u.s)
       RETURNING false AS inserted
     ), upserted AS (
       INSERT INTO suspected_infringement AS si (id, owner_org_id, brand_id, listing_id, seller_id, marketplace, risk_score, risk_signals,
                                                 model_version, detected_at, updated_at)
       SELECT u.id, u.o, u.b, u.l, u.s, u.m::marketplace, u.score, u.sig::jsonb, $10, $11, $11 FROM u WHERE u.flagged
       ON CONFLICT (listing_id, brand_id) DO UPDATE SET
         risk_score = EXCLUDED.risk_score, risk_signals = EXCLUDED.risk_signals, model_version = EXCLUDED.model_version,
         seller_id = EXCLUDED.seller_id, marketplace = EXCLUDED.marketplace, updated_at = EXCLUDED.updated_at
       WHERE (si.risk_score, si.risk_signals, si.model_version, si.seller_id)
             IS DISTINCT FROM (EXCLUDED.risk_score, EXCLUDED.risk_signals, EXCLUDED.model_version, EXCLUDED.seller_id)
       RETURNING (xmax = 0) AS inserted
     )
     SELECT inserted FROM updated UNION ALL SELECT inserted FROM upserted`,
    [
      rows.map(() => options.newId()),
      rows.map((x) => x.b.brand.ownerOrgId),
      rows.map((x) => x.b.brand.id),
      rows.map((x) => x.listingId),
      rows.map((x) => x.w.sellerId),
      rows.map((x) => x.w.row.record.marketplace),
      rows.map((x) => x.b.score),
      rows.map((x) => JSON.stringify(x.b.signals)),
      rows.map((x) => x.b.flagged),
      options.model.version,
      options.now.toISOString(),
    ],
  );
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created };
}

// Running totals move by what this batch changed; the score follows from them and the record.
async function rescoreSellers(
  manager: EntityManager,
  sellers: Map<string, SellerRow>,
  scored: readonly Scored[],
  model: RiskModel,
  now: Date,
): Promise<void> {
  const delta = new Map<string, { count: number; sum: number }>();
  const move = (sellerId: string, count: number, sum: number) => {
    const d = delta.get(sellerId) ?? { count: 0, sum: 0 };
    delta.set(sellerId, { count: d.count + count, sum: d.sum + sum });
  };
  for (const s of scored) {
    if (s.stored && s.stored.fingerprint === s.fingerprint) continue;
    if (s.stored) move(s.stored.seller_id, -1, -s.stored.risk_score);
    move(s.sellerId, 1, s.assessment.score);
  }
  const updates = [...sellers.values()].map((seller) => {
    const d = delta.get(seller.id) ?? { count: 0, sum: 0 };
    const count = seller.listing_count + d.count;
    const sum = Number(seller.listing_score_sum) + d.sum;
    const { score, signals } = sellerScore(count, sum, model.sellerHistory(sellerFacts(seller, now)));
    return { id: seller.id, count, sum, score, signals };
  });
  // A listing that moved away from a seller outside this batch.
  const inBatch = new Set(updates.map((u) => u.id));
  for (const [sellerId, d] of delta) {
    if (!inBatch.has(sellerId)) {
      await manager.query(
        `UPDATE seller SET listing_count = listing_count + $2, listing_score_sum = listing_score_sum + $3 WHERE id = $1`,
        [sellerId, d.count, d.sum],
      );
    }
  }
  await manager.query(
    `UPDATE seller s SET listing_count = u.c, listing_score_sum = u.sm, risk_score = u.score, risk_signals = u.sig::jsonb
       FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::smallint[], $5::text[]) AS u(id, c, sm, score, sig)
      WHERE s.id = u.id
        AND (s.listing_count, s.listing_score_sum, s.risk_score, s.risk_signals) IS DISTINCT FROM (u.c, u.sm, u.score, u.sig::jsonb)`,
    [
      updates.map((u) => u.id),
      updates.map((u) => u.count),
      updates.map((u) => u.sum),
      updates.map((u) => u.score),
      updates.map((u) => JSON.stringify(u.signals satisfies RiskSignal[])),
    ],
  );
}

export async function writeListingBatch(
  manager: EntityManager,
  batch: readonly BatchRow[],
  options: BatchOptions,
): Promise<{ counts: BatchCounts; rejections: Rejection[] }> {
  const { kept, rejections } = dedupe(batch);
  const counts: BatchCounts = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    infringementsCreated: 0,
    infringementsUpdated: 0,
    sellersCreated: 0,
    sellersUpdated: 0,
  };
  if (kept.length === 0) return { counts, rejections };
  kept.sort((a, b) => (a.record.externalId < b.record.externalId ? -1 : 1));

  const sellerWrites = await upsertSellers(manager, kept, options.newId);
  counts.sellersCreated = sellerWrites.created;
  counts.sellersUpdated = sellerWrites.updated;
  const sellers = await lockSellers(manager, kept);
  const stored = await storedListings(manager, kept);
  const intel = options.intel ? await options.intel.viewsOf(manager, kept.map((row) => row.record)) : kept.map(() => NO_INTEL);

  const scored: Scored[] = kept.map((row, index) => {
    const { record } = row;
    const seller = sellers.get(keyOf(record.marketplace, record.seller.externalId))!;
    const seenAt = record.seenAt ? new Date(record.seenAt) : options.now;
    const facts = sellerFacts(seller, seenAt);
    const assessment = options.model.assess(listingFacts(record), facts, intel[index]);
    return {
      row,
      sellerId: seller.id,
      seenAt,
      assessment,
      fingerprint: fingerprintOf(record, { ...facts, id: seller.id }, assessment, options.model.version),
      stored: stored.get(keyOf(record.marketplace, record.externalId)),
    };
  });

  // Unchanged listings are written only to move last_seen_at forward.
  const writes = scored.filter((s) => !s.stored || s.stored.fingerprint !== s.fingerprint || s.seenAt > new Date(s.stored.last_seen_at));
  for (const s of scored) {
    if (!s.stored) counts.inserted++;
    else if (s.stored.fingerprint !== s.fingerprint) counts.updated++;
    else counts.unchanged++;
  }
  const listingIds = await upsertListings(manager, writes, options);
  const changed = writes.filter((s) => !s.stored || s.stored.fingerprint !== s.fingerprint);
  const infringements = await upsertInfringements(manager, changed, listingIds, options);
  counts.infringementsCreated = infringements.created;
  counts.infringementsUpdated = infringements.updated;
  await rescoreSellers(manager, sellers, scored, options.model, options.now);
  return { counts, rejections };
}
