import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { RiskSignal } from "../entities/risk-signal";
import type { SellerFacts } from "../risk/facts";
import type { BrandAssessment, ListingAssessment, RiskModel } from "../risk/risk-model";
import { sellerScore } from "../risk/seller-score";
import { NO_INTEL } from "../risk/signals/intel-match";
import { arrayLiteral } from "./array-literal";
import { copyJson, copyRows, copyText, CopyText } from "./copy-rows";
import type { IntelSource } from "./intel-source";
import { isoInstant } from "./iso-instant";
import type { SellerRecord } from "./listing-record";
import { contentBuffer, contentOf, keyOf, prepareBatch, type BatchRow, type PreparedBatch, type PreparedRow } from "./prepared-row";

export type { BatchRow } from "./prepared-row";

// Writes one batch of valid listing records with a fixed number of set-based statements
// (unnest arrays or COPY, whatever the batch size), inside the caller's transaction:
//   1. look the batch up in shared intelligence, 2. read the listings already stored, with the
//   brands that have a case on each, 3. lock and read the batch's sellers with their history,
//   4. insert the new ones, then finish scoring in memory, 5. insert new listings, update changed
//   ones, 6. insert the infringements of flagged brand matches, and re-score every case on a
//   changed listing, 7. update the sellers: record, running totals and score.
// A listing whose fingerprint (content, seller and scores) is unchanged is not rewritten.

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

export interface BatchWritten {
  counts: BatchCounts;
  rejections: Rejection[];
}

export interface BatchOptions {
  model: RiskModel;
  now: Date;
  newId: () => string;
  // Without one (the demo seed, before anyone shares intelligence), no listing matches any.
  intel?: IntelSource;
  // New rows by COPY (a PostgreSQL server), else by unnest inserts (the embedded database).
  copy?: boolean;
}

const CONFIRMED_STATUSES = "('CONFIRMED', 'TAKEDOWN_REQUESTED', 'REMOVED')";

const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());
// An array parameter of one value per item.
const column = <T>(items: readonly T[], value: (item: T) => string | number | boolean | null) => arrayLiteral(items.map(value));

// A seller as this batch leaves it: its stored record merged with the batch's, and its running
// totals as they were before the batch.
interface SellerState {
  id: string;
  marketplace: string;
  externalId: string;
  name: string;
  openedAt: Date | null;
  brandCount: number;
  strikeCount: number;
  registeredName: string | null;
  contact: string | null;
  paymentAccount: string | null;
  listingCount: number;
  listingScoreSum: number;
  confirmed: number;
  changed: boolean;
}

interface SellerRow {
  id: string;
  marketplace: string;
  external_id: string;
  public_name: string;
  opened_at: Date | null;
  brand_count: number;
  strike_count: number;
  registered_name: string | null;
  contact: string | null;
  payment_account: string | null;
  listing_count: number;
  listing_score_sum: string;
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
  // The brands with a case on it.
  case_brand_ids: string[];
}

interface Scored {
  row: PreparedRow;
  id: string;
  seller: SellerState;
  seenAt: Date;
  assessment: ListingAssessment;
  fingerprint: string;
  stored: StoredListing | undefined;
}

// Later lines win over earlier lines for the same listing.
function dedupe(rows: readonly PreparedRow[]): { kept: PreparedRow[]; rejections: Rejection[] } {
  const last = new Map<string, PreparedRow>();
  const rejections: Rejection[] = [];
  for (const row of rows) {
    const earlier = last.get(row.key);
    if (earlier) {
      rejections.push({
        line: earlier.line,
        reason: `listing ${row.marketplace}:${row.externalId} appears again at ${row.line} in the same batch; the later one is kept`,
      });
    }
    last.set(row.key, row);
  }
  return { kept: [...last.values()], rejections };
}

// What the stored row depends on: the record as sent, its seller and the seller's record, and the
// scores (the signals follow from these). The SHA-1 of the same text as JSON.stringify([content,
// facts, scores, version]), hashed as UTF-8, with the content's JSON from the record's preparation.
function fingerprintOf(row: PreparedRow, content: Buffer, seller: SellerState, assessment: ListingAssessment, version: string): string {
  const facts = [seller.id, seller.strikeCount, seller.confirmed, seller.openedAt?.getTime() ?? null, seller.brandCount];
  const scores = [assessment.score, ...assessment.brands.map((b) => `${b.brand.id}:${b.score}`)];
  return createHash("sha1")
    .update("[")
    .update(content.subarray(row.contentAt, row.copyAt))
    .update(`,${JSON.stringify(facts)},${JSON.stringify(scores)},${JSON.stringify(version)}]`)
    .digest("base64");
}

function sellerFacts(seller: SellerState, seenAt: Date): SellerFacts {
  return {
    strikeCount: seller.strikeCount,
    confirmedInfringements: seller.confirmed,
    openedAt: seller.openedAt,
    brandCount: seller.brandCount,
    seenAt,
  };
}

// The stored seller with the batch's record of it applied, as the seller's columns are merged:
// a missing opening date or identity keeps the stored one, strikes never go down.
function merged(stored: SellerRow, record: SellerRecord): SellerState {
  const openedAt = record.openedAt ? new Date(record.openedAt) : stored.opened_at;
  const state: SellerState = {
    id: stored.id,
    marketplace: stored.marketplace,
    externalId: stored.external_id,
    name: record.name,
    openedAt,
    brandCount: record.brandCount,
    strikeCount: Math.max(stored.strike_count, record.strikeCount),
    registeredName: record.registeredName ?? stored.registered_name,
    contact: record.contact ?? stored.contact,
    paymentAccount: record.paymentAccount ?? stored.payment_account,
    listingCount: stored.listing_count,
    listingScoreSum: Number(stored.listing_score_sum),
    confirmed: stored.confirmed,
    changed: false,
  };
  state.changed =
    state.name !== stored.public_name ||
    !sameTime(state.openedAt, stored.opened_at) ||
    state.brandCount !== stored.brand_count ||
    state.strikeCount !== stored.strike_count ||
    state.registeredName !== stored.registered_name ||
    state.contact !== stored.contact ||
    state.paymentAccount !== stored.payment_account;
  return state;
}

// Locked in key order, so that two batches touching one seller work on it one after the other
// and cannot lock two sellers in opposite orders. Each key is looked up by its index (LATERAL ...
// LIMIT 1 keeps the planner from hashing the whole table when it has no statistics yet).
async function lockSellers(manager: EntityManager, keys: readonly string[]): Promise<SellerRow[]> {
  if (keys.length === 0) return [];
  const split = keys.map((k) => k.split("\u0001"));
  return manager.query(
    `SELECT s.id, s.marketplace::text AS marketplace, s.external_id, s.public_name, s.opened_at, s.brand_count, s.strike_count,
            s.registered_name, s.contact, s.payment_account, s.listing_count, s.listing_score_sum,
            (SELECT count(*) FROM suspected_infringement si WHERE si.seller_id = s.id AND si.status IN ${CONFIRMED_STATUSES})::int AS confirmed
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(m, e, n)
      CROSS JOIN LATERAL (
              SELECT * FROM seller WHERE marketplace = k.m::marketplace AND external_id = k.e LIMIT 1 FOR UPDATE
            ) s
      ORDER BY k.n`,
    [column(split, (k) => k[0]), column(split, (k) => k[1])],
  );
}

// The batch's sellers, locked: the stored ones read and merged with the batch's record of them,
// the new ones inserted. A seller another batch inserted meanwhile is read and locked then.
async function prepareSellers(
  manager: EntityManager,
  rows: readonly PreparedRow[],
  newId: () => string,
): Promise<{ sellers: Map<string, SellerState>; created: number }> {
  const records = new Map<string, SellerRecord>();
  for (const { sellerKey, seller } of rows) records.set(sellerKey, seller);
  const keys = [...records.keys()].sort();
  const sellers = new Map<string, SellerState>();
  const take = (found: SellerRow[]) => {
    for (const row of found) {
      const key = keyOf(row.marketplace, row.external_id);
      sellers.set(key, merged(row, records.get(key)!));
    }
  };
  take(await lockSellers(manager, keys));

  const missing = keys.filter((k) => !sellers.has(k));
  if (missing.length === 0) return { sellers, created: 0 };
  const drafts = missing.map((key) => ({ key, id: newId(), marketplace: key.split("\u0001")[0], seller: records.get(key)! }));
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO seller (id, marketplace, external_id, public_name, opened_at, brand_count, strike_count, registered_name, contact, payment_account)
     SELECT u.id, u.m::marketplace, u.e, u.n, u.o, u.b, u.k, u.r, u.c, u.p
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::int[], $8::text[], $9::text[], $10::text[])
         AS u(id, m, e, n, o, b, k, r, c, p)
     ON CONFLICT (marketplace, external_id) DO NOTHING
     RETURNING id`,
    [
      column(drafts, (d) => d.id),
      column(drafts, (d) => d.marketplace),
      column(drafts, (d) => d.seller.externalId),
      column(drafts, (d) => d.seller.name),
      column(drafts, (d) => isoInstant(d.seller.openedAt)),
      column(drafts, (d) => d.seller.brandCount),
      column(drafts, (d) => d.seller.strikeCount),
      column(drafts, (d) => d.seller.registeredName),
      column(drafts, (d) => d.seller.contact),
      column(drafts, (d) => d.seller.paymentAccount),
    ],
  );
  const insertedIds = new Set(inserted.map((r) => r.id));
  for (const draft of drafts) {
    if (!insertedIds.has(draft.id)) continue;
    const { seller } = draft;
    sellers.set(draft.key, {
      id: draft.id,
      marketplace: draft.marketplace,
      externalId: seller.externalId,
      name: seller.name,
      openedAt: seller.openedAt ? new Date(seller.openedAt) : null,
      brandCount: seller.brandCount,
      strikeCount: seller.strikeCount,
      registeredName: seller.registeredName,
      contact: seller.contact,
      paymentAccount: seller.paymentAccount,
      listingCount: 0,
      listingScoreSum: 0,
      confirmed: 0,
      changed: false,
    });
  }
  // Inserted by a concurrent batch since the first read: stored now.
  take(await lockSellers(manager, drafts.filter((d) => !insertedIds.has(d.id)).map((d) => d.key)));
  return { sellers, created: insertedIds.size };
}

async function storedListings(manager: EntityManager, rows: readonly PreparedRow[]): Promise<Map<string, StoredListing>> {
  const found: StoredListing[] = await manager.query(
    `SELECT l.id, l.marketplace::text AS marketplace, l.external_id, l.seller_id, l.fingerprint, l.risk_score, l.last_seen_at,
            ARRAY(SELECT si.brand_id::text FROM suspected_infringement si WHERE si.listing_id = l.id ORDER BY si.brand_id) AS case_brand_ids
       FROM unnest($1::text[], $2::text[]) AS k(m, e)
      CROSS JOIN LATERAL (SELECT * FROM listing WHERE marketplace = k.m::marketplace AND external_id = k.e LIMIT 1) l`,
    [column(rows, (r) => r.marketplace), column(rows, (r) => r.externalId)],
  );
  return new Map(found.map((l) => [keyOf(l.marketplace, l.external_id), l]));
}

const LISTING_COLUMNS = [
  "id", "seller_id", "marketplace", "external_id", "title", "description", "price_minor", "currency", "specs", "image_hashes",
  "review_count", "average_rating", "five_star_first_week", "new_account_review_share", "duplicate_review_share", "listed_at",
  "risk_score", "risk_signals", "model_version", "fingerprint", "first_seen_at", "last_seen_at",
] as const;

// The rows' content columns come as COPY text from their preparation.
function listingCopyText(fresh: readonly Scored[], content: Buffer, version: string): CopyText {
  const text = new CopyText();
  const versionText = copyText(version);
  for (const s of fresh) {
    const seen = s.seenAt.toISOString();
    text
      .add(`${s.id}\t${s.seller.id}\t`)
      .addBytes(content.subarray(s.row.copyAt, s.row.contentEnd))
      .add(`\t${s.assessment.score}\t${copyJson(JSON.stringify(s.assessment.signals))}\t${versionText}\t${s.fingerprint}\t${seen}\t${seen}\n`);
  }
  return text;
}

// The listing columns of each write, as unnest parameters $1..$21.
function listingParameters(writes: readonly Scored[], content: Buffer, version: string): unknown[] {
  const r = writes.map((w) => contentOf(w.row, content));
  return [
    column(writes, (w) => w.id),
    column(r, (x) => x.marketplace),
    column(r, (x) => x.externalId),
    column(writes, (w) => w.seller.id),
    column(r, (x) => x.title),
    column(r, (x) => x.description),
    column(r, (x) => x.price.amountMinor),
    column(r, (x) => x.price.currency),
    column(r, (x) => JSON.stringify(x.specs)),
    column(r, (x) => arrayLiteral(x.imageHashes)),
    column(r, (x) => x.reviews.count),
    column(r, (x) => x.reviews.averageRating),
    column(r, (x) => x.reviews.fiveStarFirstWeek),
    column(r, (x) => x.reviews.newAccountShare),
    column(r, (x) => x.reviews.duplicateTextShare),
    column(r, (x) => isoInstant(x.listedAt)),
    column(writes, (w) => w.assessment.score),
    column(writes, (w) => JSON.stringify(w.assessment.signals)),
    column(writes, () => version),
    column(writes, (w) => w.fingerprint),
    column(writes, (w) => w.seenAt.toISOString()),
  ];
}

const LISTING_ARRAYS = `$1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[],
                   $10::text[], $11::int[], $12::real[], $13::int[], $14::real[], $15::real[], $16::timestamptz[], $17::smallint[],
                   $18::text[], $19::text[], $20::text[], $21::timestamptz[]`;
const LISTING_NAMES = "id, m, e, s, t, d, p, c, sp, ih, rc, ar, fw, na, du, la, rs, sig, v, f, seen";

// A stored listing that a concurrent batch rewrote after this batch read it: what this batch
// would write of it, and move between its stores' running totals, rests on the old row. The
// batch rolls back and runs again (listing-ingest.ts), reading the listing as it is now.
export class StaleListingError extends Error {
  constructor() {
    super("a listing of the batch was rewritten by a concurrent batch");
  }
}

// New listings: none of them was stored when the batch read them. If a concurrent batch stores
// one meanwhile, the unique key refuses the insert and the whole batch is run again.
async function insertListings(manager: EntityManager, fresh: readonly Scored[], content: Buffer, options: BatchOptions): Promise<void> {
  if (fresh.length === 0) return;
  if (options.copy) {
    await copyRows(manager, "listing", LISTING_COLUMNS, listingCopyText(fresh, content, options.model.version));
    return;
  }
  await manager.query(
    `INSERT INTO listing (id, marketplace, external_id, seller_id, title, description, price_minor, currency, specs, image_hashes,
                         review_count, average_rating, five_star_first_week, new_account_review_share, duplicate_review_share,
                         listed_at, risk_score, risk_signals, model_version, fingerprint, first_seen_at, last_seen_at)
     SELECT u.id, u.m::marketplace, u.e, u.s, u.t, u.d, u.p, u.c, u.sp::jsonb, u.ih::text[], u.rc, u.ar, u.fw, u.na, u.du,
            u.la, u.rs, u.sig::jsonb, u.v, u.f, u.seen, u.seen
       FROM unnest(${LISTING_ARRAYS}) AS u(${LISTING_NAMES})`,
    listingParameters(fresh, content, options.model.version),
  );
}

// Changed listings, rewritten; unchanged ones seen later than last time, only moved forward.
async function updateListings(
  manager: EntityManager,
  changed: readonly Scored[],
  seenOnly: readonly Scored[],
  content: Buffer,
  version: string,
): Promise<void> {
  if (changed.length > 0) {
    // Each only if it is still the row this batch read (its fingerprint tells).
    const [{ rewritten }]: { rewritten: number }[] = await manager.query(
      `WITH rewritten AS (
         UPDATE listing l SET
           seller_id = u.s, title = u.t, description = u.d, price_minor = u.p, currency = u.c, specs = u.sp::jsonb,
           image_hashes = u.ih::text[], review_count = u.rc, average_rating = u.ar, five_star_first_week = u.fw,
           new_account_review_share = u.na, duplicate_review_share = u.du, listed_at = u.la, risk_score = u.rs,
           risk_signals = u.sig::jsonb, model_version = u.v, fingerprint = u.f, last_seen_at = GREATEST(l.last_seen_at, u.seen)
           FROM unnest(${LISTING_ARRAYS}, $22::text[]) AS u(${LISTING_NAMES}, was)
          WHERE l.id = u.id AND l.fingerprint IS NOT DISTINCT FROM u.was
         RETURNING 1
       )
       SELECT count(*)::int AS rewritten FROM rewritten`,
      [...listingParameters(changed, content, version), column(changed, (s) => s.stored!.fingerprint)],
    );
    if (rewritten < changed.length) throw new StaleListingError();
  }
  if (seenOnly.length > 0) {
    await manager.query(
      `UPDATE listing l SET last_seen_at = GREATEST(l.last_seen_at, u.seen)
         FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, seen)
        WHERE l.id = u.id`,
      [column(seenOnly, (s) => s.id), column(seenOnly, (s) => s.seenAt.toISOString())],
    );
  }
}

const INFRINGEMENT_COLUMNS = [
  "id", "owner_org_id", "brand_id", "listing_id", "seller_id", "marketplace", "risk_score", "risk_signals", "model_version",
  "detected_at", "updated_at",
] as const;

// The infringement columns of each brand match, as unnest parameters $1..$8: (id, o, b, l, s, m,
// score, sig), a new id each.
function infringementParameters(rows: readonly { w: Scored; b: BrandAssessment }[], newId: () => string): string[] {
  return [
    column(rows, () => newId()),
    column(rows, (x) => x.b.brand.ownerOrgId),
    column(rows, (x) => x.b.brand.id),
    column(rows, (x) => x.w.id),
    column(rows, (x) => x.w.seller.id),
    column(rows, (x) => x.w.row.marketplace),
    column(rows, (x) => x.b.score),
    column(rows, (x) => JSON.stringify(x.b.signals)),
  ];
}

// The flagged brand matches of new listings: new infringements, nothing to update.
async function insertInfringements(manager: EntityManager, fresh: readonly Scored[], options: BatchOptions): Promise<number> {
  const rows = fresh.flatMap((w) => w.assessment.brands.filter((b) => b.flagged).map((b) => ({ w, b })));
  if (rows.length === 0) return 0;
  const version = options.model.version;
  const now = options.now.toISOString();
  if (options.copy) {
    const text = new CopyText();
    const versionText = copyText(version);
    for (const { w, b } of rows) {
      text.add(
        `${options.newId()}\t${b.brand.ownerOrgId}\t${b.brand.id}\t${w.id}\t${w.seller.id}\t${w.row.marketplace}\t${b.score}\t` +
          `${copyJson(JSON.stringify(b.signals))}\t${versionText}\t${now}\t${now}\n`,
      );
    }
    await copyRows(manager, "suspected_infringement", INFRINGEMENT_COLUMNS, text);
    return rows.length;
  }
  await manager.query(
    `INSERT INTO suspected_infringement (id, owner_org_id, brand_id, listing_id, seller_id, marketplace, risk_score, risk_signals,
                                        model_version, detected_at, updated_at)
     SELECT u.id, u.o, u.b, u.l, u.s, u.m::marketplace, u.score, u.sig::jsonb, $9, $10, $10
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::smallint[], $8::text[])
         AS u(id, o, b, l, s, m, score, sig)`,
    [...infringementParameters(rows, options.newId), version, now],
  );
  return rows.length;
}

// Re-scored stored listings: flagged matches become (or update) the brand's infringement; a
// re-score below the threshold, or of a brand the listing no longer claims, updates an
// infringement the brand already has, and creates none. Every case on the listing is among them,
// so a listing that moved to another seller takes all its infringements along: one naming the old
// seller would give its brand a seller its listing no longer has, and none that it has, through
// the row scopes (src/auth/row-scopes.ts).
async function upsertInfringements(manager: EntityManager, changed: readonly Scored[], options: BatchOptions): Promise<{ created: number; updated: number }> {
  const rows = changed.flatMap((w) => w.assessment.brands.map((b) => ({ w, b })));
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
      ...infringementParameters(rows, options.newId),
      column(rows, (x) => x.b.flagged),
      options.model.version,
      options.now.toISOString(),
    ],
  );
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created };
}

// The batch's sellers get their merged record, and running totals moved by what this batch
// changed; the score follows from them and the record. One statement for all of them.
async function updateSellers(manager: EntityManager, sellers: ReadonlyMap<string, SellerState>, scored: readonly Scored[], options: BatchOptions): Promise<void> {
  const delta = new Map<string, { count: number; sum: number }>();
  const move = (sellerId: string, count: number, sum: number) => {
    const d = delta.get(sellerId) ?? { count: 0, sum: 0 };
    delta.set(sellerId, { count: d.count + count, sum: d.sum + sum });
  };
  for (const s of scored) {
    if (s.stored && s.stored.fingerprint === s.fingerprint) continue;
    if (s.stored) move(s.stored.seller_id, -1, -s.stored.risk_score);
    move(s.seller.id, 1, s.assessment.score);
  }
  const updates = [...sellers.values()].map((seller) => {
    const d = delta.get(seller.id) ?? { count: 0, sum: 0 };
    const count = seller.listingCount + d.count;
    const sum = seller.listingScoreSum + d.sum;
    const { score, signals } = sellerScore(count, sum, options.model.sellerHistory(sellerFacts(seller, options.now)));
    return { seller, count, sum, score, signals };
  });
  // Sellers outside this batch that a listing moved away from: their totals only, in one statement.
  const inBatch = new Set(updates.map((u) => u.seller.id));
  const left = [...delta].filter(([sellerId]) => !inBatch.has(sellerId));
  if (left.length > 0) {
    await manager.query(
      `UPDATE seller s SET listing_count = s.listing_count + u.c, listing_score_sum = s.listing_score_sum + u.sm
         FROM unnest($1::uuid[], $2::int[], $3::bigint[]) AS u(id, c, sm)
        WHERE s.id = u.id`,
      [column(left, ([id]) => id), column(left, ([, d]) => d.count), column(left, ([, d]) => d.sum)],
    );
  }
  await manager.query(
    `UPDATE seller s SET public_name = u.n, opened_at = u.o, brand_count = u.b, strike_count = u.k, registered_name = u.r,
            contact = u.ct, payment_account = u.pa, listing_count = u.c, listing_score_sum = u.sm, risk_score = u.score,
            risk_signals = u.sig::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[],
                   $9::int[], $10::bigint[], $11::smallint[], $12::text[])
         AS u(id, n, o, b, k, r, ct, pa, c, sm, score, sig)
      WHERE s.id = u.id
        AND (s.public_name, s.opened_at, s.brand_count, s.strike_count, s.registered_name, s.contact, s.payment_account,
             s.listing_count, s.listing_score_sum, s.risk_score, s.risk_signals)
            IS DISTINCT FROM (u.n, u.o, u.b, u.k, u.r, u.ct, u.pa, u.c, u.sm, u.score, u.sig::jsonb)`,
    [
      column(updates, (u) => u.seller.id),
      column(updates, (u) => u.seller.name),
      column(updates, (u) => u.seller.openedAt?.toISOString() ?? null),
      column(updates, (u) => u.seller.brandCount),
      column(updates, (u) => u.seller.strikeCount),
      column(updates, (u) => u.seller.registeredName),
      column(updates, (u) => u.seller.contact),
      column(updates, (u) => u.seller.paymentAccount),
      column(updates, (u) => u.count),
      column(updates, (u) => u.sum),
      column(updates, (u) => u.score),
      column(updates, (u) => JSON.stringify(u.signals satisfies RiskSignal[])),
    ],
  );
}

export async function writeListingBatch(
  manager: EntityManager,
  batch: readonly BatchRow[] | PreparedBatch,
  options: BatchOptions,
): Promise<BatchWritten> {
  const prepared = "rows" in batch ? batch : prepareBatch(batch, options.model, options.intel);
  const { kept, rejections } = dedupe(prepared.rows);
  const content = contentBuffer(prepared);
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
  kept.sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
  // A batch's statements are planned over thousands of rows, above PostgreSQL's jit_above_cost,
  // and its LLVM compiled several of them at ~190 ms each, longer than they run, some while the
  // batch held its sellers' locks: a third of the server's CPU in an ingest.
  await manager.query("SET LOCAL jit = off");

  // Before the sellers are locked, to keep the time a concurrent batch may wait on them short. A
  // stored listing that a concurrent writer changes after it was read is caught when it is written
  // (its fingerprint, or the unique key of a new one), and the batch runs again.
  const intel = options.intel
    ? await options.intel.viewsOf(manager, prepared.intelKeys, kept.map((row) => row.intelKeys))
    : kept.map(() => NO_INTEL);
  const stored = await storedListings(manager, kept);
  const { sellers, created } = await prepareSellers(manager, kept, options.newId);
  counts.sellersCreated = created;
  counts.sellersUpdated = [...sellers.values()].filter((s) => s.changed).length;

  const scored: Scored[] = kept.map((row, index) => {
    const seller = sellers.get(row.sellerKey)!;
    const seenAt = row.seenAt ?? options.now;
    const before = stored.get(row.key);
    const assessment = options.model.finish(row.assessment, sellerFacts(seller, seenAt), intel[index], before?.case_brand_ids);
    return {
      row,
      id: before?.id ?? options.newId(),
      seller,
      seenAt,
      assessment,
      fingerprint: fingerprintOf(row, content, seller, assessment, options.model.version),
      stored: before,
    };
  });

  const fresh: Scored[] = [];
  const changed: Scored[] = [];
  const seenOnly: Scored[] = [];
  for (const s of scored) {
    if (!s.stored) fresh.push(s);
    else if (s.stored.fingerprint !== s.fingerprint) changed.push(s);
    // Unchanged listings are written only to move last_seen_at forward.
    else if (s.seenAt > new Date(s.stored.last_seen_at)) seenOnly.push(s);
  }
  counts.inserted = fresh.length;
  counts.updated = changed.length;
  counts.unchanged = scored.length - fresh.length - changed.length;

  await insertListings(manager, fresh, content, options);
  await updateListings(manager, changed, seenOnly, content, options.model.version);
  counts.infringementsCreated = await insertInfringements(manager, fresh, options);
  const upserted = await upsertInfringements(manager, changed, options);
  counts.infringementsCreated += upserted.created;
  counts.infringementsUpdated = upserted.updated;
  await updateSellers(manager, sellers, scored, options);
  return { counts, rejections };
}
