import type { EntityManager } from "typeorm";
import { copyField, copyJson, copyRows, copyText, CopyText } from "../copy-rows";
import { isoInstant } from "../iso-instant";
import { contentOf, keyOf, type PreparedRow } from "../prepared-row";
import { arrayColumn, arrayLiteral } from "./array-literal";
import type { BatchOptions } from "./batch-options";
import { ListingStatus } from "../../entities/enums";
import type { ScoredListing, StoredListing } from "./scored-listing";

// A batch's listings: the stored ones read, new ones inserted, changed ones rewritten.

// A stored listing that a concurrent writer moved or rewrote after this batch read it: what this
// batch would write of it, and move between its stores' running totals, rests on the old row. The
// batch rolls back and runs again (listing-ingest.ts), reading the listing as it is now. Holding the
// locks of its listings' stores, the batch reads them as no one else may change them; the check
// stays for a listing moved to a store it does not hold, and for any writer that takes no store.
export class StaleListingError extends Error {
  constructor() {
    super("a listing of the batch was rewritten by a concurrent batch");
  }
}

// A listing of the batch already stored: its id, and the key of the store it is under.
export interface StoredListingStore {
  listingId: string;
  storeKey: string;
}

// The stores that the batch's listings already stored are under, by listing key, read before the
// batch locks anything: it locks them with its own stores (prepareSellers), so that no concurrent
// writer (an ingest moving or re-scoring a listing, a takedown removing one, each holding the
// listing's store) changes one of its listings between its read under those locks and its write.
export async function storesOfStoredListings(manager: EntityManager, rows: readonly PreparedRow[]): Promise<Map<string, StoredListingStore>> {
  const found: { m: string; e: string; id: string; seller_marketplace: string; seller_external_id: string }[] = await manager.query(
    `SELECT k.m, k.e, l.id, s.marketplace::text AS seller_marketplace, s.external_id AS seller_external_id
       FROM unnest($1::text[], $2::text[]) AS k(m, e)
      CROSS JOIN LATERAL (SELECT id, seller_id FROM listing WHERE marketplace = k.m::marketplace AND external_id = k.e LIMIT 1) l
       JOIN seller s ON s.id = l.seller_id`,
    [arrayColumn(rows, (r) => r.marketplace), arrayColumn(rows, (r) => r.externalId)],
  );
  return new Map(found.map((l) => [keyOf(l.m, l.e), { listingId: l.id, storeKey: keyOf(l.seller_marketplace, l.seller_external_id) }]));
}

// The batch's stored listings, read with the locks of the stores they are under held (`heldStores`,
// seller ids). One that a concurrent batch moved meanwhile to a store this batch does not hold is
// stale already: the batch runs again, and locks that store then.
export async function storedListings(
  manager: EntityManager,
  rows: readonly PreparedRow[],
  heldStores: ReadonlySet<string>,
): Promise<Map<string, StoredListing>> {
  if (rows.length === 0) return new Map();
  const found: StoredListing[] = await manager.query(
    `SELECT l.id, l.marketplace::text AS marketplace, l.external_id, l.seller_id, l.fingerprint, l.risk_score, l.brand_free_score,
            l.last_seen_at, l.status::text AS status, l.removed_at,
            ARRAY(SELECT si.brand_id::text FROM suspected_infringement si WHERE si.listing_id = l.id ORDER BY si.brand_id) AS case_brand_ids
       FROM unnest($1::text[], $2::text[]) AS k(m, e)
      CROSS JOIN LATERAL (SELECT * FROM listing WHERE marketplace = k.m::marketplace AND external_id = k.e LIMIT 1) l`,
    [arrayColumn(rows, (r) => r.marketplace), arrayColumn(rows, (r) => r.externalId)],
  );
  if (found.some((l) => !heldStores.has(l.seller_id))) throw new StaleListingError();
  return new Map(found.map((l) => [keyOf(l.marketplace, l.external_id), l]));
}

const LISTING_COLUMNS = [
  "id", "seller_id", "marketplace", "external_id", "title", "description", "price_minor", "currency", "specs", "image_hashes",
  "review_count", "average_rating", "five_star_first_week", "new_account_review_share", "duplicate_review_share", "listed_at",
  "risk_score", "risk_signals", "brand_free_score", "model_version", "fingerprint", "first_seen_at", "last_seen_at", "status",
  "removed_at",
] as const;

// A new listing found under a closed store is stored removed, at the batch's time.
const statusOf = (s: ScoredListing) => (s.seller.closed ? ListingStatus.REMOVED : ListingStatus.ACTIVE);

// The rows' content columns come as COPY text from their preparation.
function listingCopyText(fresh: readonly ScoredListing[], content: Buffer, options: BatchOptions): CopyText {
  const text = new CopyText();
  const versionText = copyText(options.model.version);
  const now = options.now.toISOString();
  for (const s of fresh) {
    const seen = s.seenAt.toISOString();
    const status = statusOf(s);
    text
      .add(`${s.id}\t${s.seller.id}\t`)
      .addBytes(content.subarray(s.row.copyAt, s.row.contentEnd))
      .add(
        `\t${s.assessment.score}\t${copyJson(JSON.stringify(s.assessment.signals))}\t${s.assessment.brandFreeScore}\t${versionText}\t${s.fingerprint}\t${seen}\t${seen}` +
          `\t${status}\t${copyField(status === ListingStatus.REMOVED ? now : null)}\n`,
      );
  }
  return text;
}

// The listing columns of each write, as unnest parameters $1..$23.
function listingParameters(writes: readonly ScoredListing[], content: Buffer, version: string): unknown[] {
  const r = writes.map((w) => contentOf(w.row, content));
  return [
    arrayColumn(writes, (w) => w.id),
    arrayColumn(r, (x) => x.marketplace),
    arrayColumn(r, (x) => x.externalId),
    arrayColumn(writes, (w) => w.seller.id),
    arrayColumn(r, (x) => x.title),
    arrayColumn(r, (x) => x.description),
    arrayColumn(r, (x) => x.price.amountMinor),
    arrayColumn(r, (x) => x.price.currency),
    arrayColumn(r, (x) => JSON.stringify(x.specs)),
    arrayColumn(r, (x) => arrayLiteral(x.imageHashes)),
    arrayColumn(r, (x) => x.reviews.count),
    arrayColumn(r, (x) => x.reviews.averageRating),
    arrayColumn(r, (x) => x.reviews.fiveStarFirstWeek),
    arrayColumn(r, (x) => x.reviews.newAccountShare),
    arrayColumn(r, (x) => x.reviews.duplicateTextShare),
    arrayColumn(r, (x) => isoInstant(x.listedAt)),
    arrayColumn(writes, (w) => w.assessment.score),
    arrayColumn(writes, (w) => JSON.stringify(w.assessment.signals)),
    arrayColumn(writes, () => version),
    arrayColumn(writes, (w) => w.fingerprint),
    arrayColumn(writes, (w) => w.seenAt.toISOString()),
    arrayColumn(writes, (w) => w.assessment.brandFreeScore),
    arrayColumn(writes, statusOf),
  ];
}

const LISTING_ARRAYS = `$1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[],
                   $10::text[], $11::int[], $12::real[], $13::int[], $14::real[], $15::real[], $16::timestamptz[], $17::smallint[],
                   $18::text[], $19::text[], $20::text[], $21::timestamptz[], $22::smallint[], $23::text[]`;
const LISTING_NAMES = "id, m, e, s, t, d, p, c, sp, ih, rc, ar, fw, na, du, la, rs, sig, v, f, seen, bf, st";

// New listings: none of them was stored when the batch read them. If a concurrent batch stores
// one meanwhile, the unique key refuses the insert and the whole batch is run again.
export async function insertListings(manager: EntityManager, fresh: readonly ScoredListing[], content: Buffer, options: BatchOptions): Promise<void> {
  if (fresh.length === 0) return;
  if (options.copy) {
    await copyRows(manager, "listing", LISTING_COLUMNS, listingCopyText(fresh, content, options));
    return;
  }
  await manager.query(
    `INSERT INTO listing (id, marketplace, external_id, seller_id, title, description, price_minor, currency, specs, image_hashes,
                         review_count, average_rating, five_star_first_week, new_account_review_share, duplicate_review_share,
                         listed_at, risk_score, risk_signals, brand_free_score, model_version, fingerprint, first_seen_at, last_seen_at, status,
                         removed_at)
     SELECT u.id, u.m::marketplace, u.e, u.s, u.t, u.d, u.p, u.c, u.sp::jsonb, u.ih::text[], u.rc, u.ar, u.fw, u.na, u.du,
            u.la, u.rs, u.sig::jsonb, u.bf, u.v, u.f, u.seen, u.seen, u.st::listing_status,
            CASE WHEN u.st = '${ListingStatus.REMOVED}' THEN $24::timestamptz END
       FROM unnest(${LISTING_ARRAYS}) AS u(${LISTING_NAMES})`,
    [...listingParameters(fresh, content, options.model.version), options.now.toISOString()],
  );
}

// Changed listings, rewritten; unchanged ones seen later than last time, only moved forward.
export async function updateListings(
  manager: EntityManager,
  changed: readonly ScoredListing[],
  seenOnly: readonly ScoredListing[],
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
           risk_signals = u.sig::jsonb, brand_free_score = u.bf, model_version = u.v, fingerprint = u.f,
           last_seen_at = GREATEST(l.last_seen_at, u.seen)
           FROM unnest(${LISTING_ARRAYS}, $24::text[]) AS u(${LISTING_NAMES}, was)
          WHERE l.id = u.id AND l.fingerprint IS NOT DISTINCT FROM u.was
         RETURNING 1
       )
       SELECT count(*)::int AS rewritten FROM rewritten`,
      [...listingParameters(changed, content, version), arrayColumn(changed, (s) => s.stored!.fingerprint)],
    );
    if (rewritten < changed.length) throw new StaleListingError();
  }
  if (seenOnly.length > 0) {
    await manager.query(
      `UPDATE listing l SET last_seen_at = GREATEST(l.last_seen_at, u.seen)
         FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, seen)
        WHERE l.id = u.id`,
      [arrayColumn(seenOnly, (s) => s.id), arrayColumn(seenOnly, (s) => s.seenAt.toISOString())],
    );
  }
}
