import type { EntityManager } from "typeorm";
import { SellerStatus } from "../../entities/enums";
import type { RiskSignal } from "../../entities/risk-signal";
import { statusAfterStrikes, strikeStatusReason, type StrikePolicy } from "../../domain/store-penalty-policy";
import { confirmedByOf, confirmedBySql, confirmedOnOf, confirmedOnSql, rescoreStores } from "../../domain/store-record";
import { recordAudits } from "../../domain/audit";
import { removeListings } from "../../domain/listing-removal";
import type { SellerFacts } from "../../risk/facts";
import { storeScores } from "../../risk/seller-score";
import { isoInstant } from "../iso-instant";
import type { SellerRecord } from "../listing-record";
import { keyOf, type PreparedRow } from "../prepared-row";
import { arrayColumn, arrayLiteral } from "./array-literal";
import type { BatchOptions } from "./batch-options";
import type { StoredListingStore } from "./listings";
import type { ScoredListing, SellerState } from "./scored-listing";

// A batch's sellers: locked and read with their history, new ones inserted, and written back with
// the batch's record of them, their running totals and their score.

const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

interface SellerRow {
  id: string;
  marketplace: string;
  status: string;
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
  brand_free_score_sum: string;
  // JSON: {organization id: its confirmed cases against the seller}.
  confirmed_by: string;
  // JSON: {listing id: the organizations of its confirmed cases}, for the batch's stored listings.
  confirmed_on: string;
}

// The cases confirmed on the listing itself taken out of the store's: a re-score of a confirmed case
// would otherwise count its own confirmation as the store's record ("1 confirmed case of yours"),
// evidence for itself; so would the listing's other scores. The store's own score and its other
// listings' count them.
function confirmedElsewhere(confirmedBy: ReadonlyMap<string, number>, here: readonly string[] | undefined): ReadonlyMap<string, number> {
  if (!here) return confirmedBy;
  const rest = new Map(confirmedBy);
  for (const org of here) {
    const n = (rest.get(org) ?? 0) - 1;
    if (n > 0) rest.set(org, n);
    else rest.delete(org);
  }
  return rest;
}

// The store's record as a score reads it: the store's own (no `listingId`), or one listing's.
export function sellerFacts(seller: SellerState, seenAt: Date, listingId?: string): SellerFacts {
  return {
    strikeCount: seller.strikeCount,
    confirmedBy: listingId === undefined ? seller.confirmedBy : confirmedElsewhere(seller.confirmedBy, seller.confirmedOn.get(listingId)),
    openedAt: seller.openedAt,
    brandCount: seller.brandCount,
    seenAt,
  };
}

// What the stored row says of the store, as a scan would.
const storedScan = (stored: SellerRow): SellerRecord => ({
  externalId: stored.external_id,
  name: stored.public_name,
  openedAt: stored.opened_at?.toISOString() ?? null,
  brandCount: stored.brand_count,
  strikeCount: stored.strike_count,
  registeredName: stored.registered_name,
  contact: stored.contact,
  paymentAccount: stored.payment_account,
});

// A store as the batch leaves it: what its scans say, and what the database keeps of it besides;
// its status as the strike policy leaves it at the strikes its scans report (addStrike's rule: a
// store is never let off). The kept fields are written out, not spread: a spread followed by new
// properties gave every state a V8 map of its own (about 27 µs a store, and every later read of a
// state's field went through a megamorphic lookup), 4% of the main thread's time in an ingest.
type KeptOfStore = Pick<SellerState, "id" | "marketplace" | "listingCount" | "listingScoreSum" | "brandFreeScoreSum" | "confirmedBy" | "confirmedOn" | "status">;
const stateOf = (scan: SellerRecord, kept: KeptOfStore, policy: StrikePolicy | undefined): SellerState => {
  const status = policy ? statusAfterStrikes(scan.strikeCount, kept.status, policy) : kept.status;
  return {
    id: kept.id,
    marketplace: kept.marketplace,
    listingCount: kept.listingCount,
    listingScoreSum: kept.listingScoreSum,
    brandFreeScoreSum: kept.brandFreeScoreSum,
    status,
    confirmedBy: kept.confirmedBy,
    confirmedOn: kept.confirmedOn,
    statusBefore: kept.status,
    closed: status === SellerStatus.CLOSED,
    externalId: scan.externalId,
    name: scan.name,
    openedAt: scan.openedAt ? new Date(scan.openedAt) : null,
    // A new store whose scans gave no brand count counts none.
    brandCount: scan.brandCount ?? 0,
    strikeCount: scan.strikeCount,
    registeredName: scan.registeredName,
    contact: scan.contact,
    paymentAccount: scan.paymentAccount,
    changed: false,
  };
};

// Whether the batch's scans moved the store under the strike policy.
const statusMoved = (seller: SellerState) => seller.status !== seller.statusBefore;

// The stored seller with the batch's record of it applied, as a later scan is (laterScan).
function merged(stored: SellerRow, record: SellerRecord, policy: StrikePolicy | undefined): SellerState {
  const state = stateOf(
    laterScan(storedScan(stored), record),
    {
      id: stored.id,
      marketplace: stored.marketplace,
      listingCount: stored.listing_count,
      listingScoreSum: Number(stored.listing_score_sum),
      brandFreeScoreSum: Number(stored.brand_free_score_sum),
      status: stored.status as SellerStatus,
      confirmedBy: confirmedByOf(stored.confirmed_by),
      confirmedOn: confirmedOnOf(stored.confirmed_on),
    },
    policy,
  );
  state.changed =
    statusMoved(state) ||
    state.name !== stored.public_name ||
    !sameTime(state.openedAt, stored.opened_at) ||
    state.brandCount !== stored.brand_count ||
    state.strikeCount !== stored.strike_count ||
    state.registeredName !== stored.registered_name ||
    state.contact !== stored.contact ||
    state.paymentAccount !== stored.payment_account;
  return state;
}

// Two scans of one store as one record, the stored row being the earliest: a field the later scan
// leaves out keeps the earlier one's, and strikes never go down. A batch folds its scans of a store
// in line order, so that where the lines fall into batches changes nothing.
function laterScan(earlier: SellerRecord | undefined, later: SellerRecord): SellerRecord {
  if (!earlier) return later;
  return {
    ...later,
    openedAt: later.openedAt ?? earlier.openedAt,
    brandCount: later.brandCount ?? earlier.brandCount,
    strikeCount: Math.max(earlier.strikeCount, later.strikeCount),
    registeredName: later.registeredName ?? earlier.registeredName,
    contact: later.contact ?? earlier.contact,
    paymentAccount: later.paymentAccount ?? earlier.paymentAccount,
  };
}

// Locked in key order, so that two batches touching one seller work on it one after the other
// and cannot lock two sellers in opposite orders. Each key is looked up by its index (LATERAL ...
// LIMIT 1 keeps the planner from hashing the whole table when it has no statistics yet). With each
// its confirmed cases, and those on `listingIds` (the batch's stored listings) by listing.
async function lockSellers(manager: EntityManager, keys: readonly string[], listingIds: readonly string[]): Promise<SellerRow[]> {
  if (keys.length === 0) return [];
  const split = keys.map((k) => k.split("\u0001"));
  return manager.query(
    `SELECT s.id, s.marketplace::text AS marketplace, s.status::text AS status, s.external_id, s.public_name, s.opened_at, s.brand_count, s.strike_count,
            s.registered_name, s.contact, s.payment_account, s.listing_count, s.listing_score_sum, s.brand_free_score_sum,
            ${confirmedBySql("s.id")} AS confirmed_by, ${confirmedOnSql("s.id", "$3::uuid[]")} AS confirmed_on
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(m, e, n)
      CROSS JOIN LATERAL (
              SELECT * FROM seller WHERE marketplace = k.m::marketplace AND external_id = k.e LIMIT 1 FOR UPDATE
            ) s
      ORDER BY k.n`,
    [arrayColumn(split, (k) => k[0]), arrayColumn(split, (k) => k[1]), arrayLiteral(listingIds)],
  );
}

// The batch's sellers, locked: the stored ones read and merged with the batch's record of them,
// the new ones inserted. A seller another batch inserted meanwhile is read and locked then.
// `storedListings`: the batch's stored listings and the stores they are under, locked with the
// batch's own in one key order, whether the batch names them or not. `held`: every store locked.
export async function prepareSellers(
  manager: EntityManager,
  rows: readonly PreparedRow[],
  storedListings: Iterable<StoredListingStore>,
  { newId, strikePolicy: policy, now }: BatchOptions,
): Promise<{ sellers: Map<string, SellerState>; created: number; held: Set<string> }> {
  const records = new Map<string, SellerRecord>();
  // In line order (the batch's rows come sorted by listing id): a later line's scan of a store is
  // the later one, whichever listing it came with.
  const inLineOrder = [...rows].sort((a, b) => a.line - b.line);
  for (const { sellerKey, seller } of inLineOrder) records.set(sellerKey, laterScan(records.get(sellerKey), seller));
  const keys = [...records.keys()].sort();
  const sellers = new Map<string, SellerState>();
  const held = new Set<string>();
  const take = (found: SellerRow[]) => {
    for (const row of found) {
      held.add(row.id);
      const key = keyOf(row.marketplace, row.external_id);
      const record = records.get(key);
      if (record) sellers.set(key, merged(row, record, policy));
    }
  };
  const stored = [...storedListings];
  const listingIds = stored.map((l) => l.listingId);
  take(await lockSellers(manager, [...new Set([...keys, ...stored.map((l) => l.storeKey)])].sort(), listingIds));

  const missing = keys.filter((k) => !sellers.has(k));
  if (missing.length === 0) return { sellers, created: 0, held };
  const drafts = missing.map((key) => {
    const id = newId();
    const marketplace = key.split("\u0001")[0];
    const seller = records.get(key)!;
    const kept = {
      id,
      marketplace,
      listingCount: 0,
      listingScoreSum: 0,
      brandFreeScoreSum: 0,
      status: SellerStatus.ACTIVE,
      confirmedBy: new Map(),
      confirmedOn: new Map(),
    };
    return { key, id, marketplace, seller, state: stateOf(seller, kept, policy) };
  });
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO seller (id, marketplace, external_id, public_name, opened_at, brand_count, strike_count, registered_name, contact, payment_account,
                         status, status_reason, status_changed_at)
     SELECT u.id, u.m::marketplace, u.e, u.n, u.o, u.b, u.k, u.r, u.c, u.p, u.st::seller_status, u.sr, u.sc
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::int[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::text[], $13::timestamptz[])
         AS u(id, m, e, n, o, b, k, r, c, p, st, sr, sc)
     ON CONFLICT (marketplace, external_id) DO NOTHING
     RETURNING id`,
    [
      arrayColumn(drafts, (d) => d.id),
      arrayColumn(drafts, (d) => d.marketplace),
      arrayColumn(drafts, (d) => d.seller.externalId),
      arrayColumn(drafts, (d) => d.seller.name),
      arrayColumn(drafts, (d) => isoInstant(d.seller.openedAt)),
      arrayColumn(drafts, (d) => d.seller.brandCount ?? 0),
      arrayColumn(drafts, (d) => d.seller.strikeCount),
      arrayColumn(drafts, (d) => d.seller.registeredName),
      arrayColumn(drafts, (d) => d.seller.contact),
      arrayColumn(drafts, (d) => d.seller.paymentAccount),
      arrayColumn(drafts, (d) => d.state.status),
      arrayColumn(drafts, (d) => (statusMoved(d.state) ? strikeStatusReason(d.state.status, d.state.strikeCount, policy!) : null)),
      arrayColumn(drafts, (d) => (statusMoved(d.state) ? now.toISOString() : null)),
    ],
  );
  const insertedIds = new Set(inserted.map((r) => r.id));
  for (const draft of drafts) {
    if (!insertedIds.has(draft.id)) continue;
    sellers.set(draft.key, draft.state);
    held.add(draft.id);
  }
  // Inserted by a concurrent batch since the first read: stored now.
  take(await lockSellers(manager, drafts.filter((d) => !insertedIds.has(d.id)).map((d) => d.key), listingIds));
  return { sellers, created: insertedIds.size, held };
}

interface TotalsDelta {
  count: number;
  sum: number;
  brandFreeSum: number;
}

// The batch's sellers get their merged record, and running totals moved by what this batch
// changed; the scores follow from them and the record. One statement for all of them.
export async function updateSellers(manager: EntityManager, sellers: ReadonlyMap<string, SellerState>, scored: readonly ScoredListing[], options: BatchOptions): Promise<void> {
  const delta = new Map<string, TotalsDelta>();
  const move = (sellerId: string, count: number, sum: number, brandFreeSum: number) => {
    const d = delta.get(sellerId) ?? { count: 0, sum: 0, brandFreeSum: 0 };
    delta.set(sellerId, { count: d.count + count, sum: d.sum + sum, brandFreeSum: d.brandFreeSum + brandFreeSum });
  };
  for (const s of scored) {
    if (s.stored && s.stored.fingerprint === s.fingerprint) continue;
    if (s.stored) move(s.stored.seller_id, -1, -s.stored.risk_score, -s.stored.brand_free_score);
    move(s.seller.id, 1, s.assessment.score, s.assessment.brandFreeScore);
  }
  const updates = [...sellers.values()].map((seller) => {
    const d = delta.get(seller.id) ?? { count: 0, sum: 0, brandFreeSum: 0 };
    const count = seller.listingCount + d.count;
    const sum = seller.listingScoreSum + d.sum;
    const brandFreeSum = seller.brandFreeScoreSum + d.brandFreeSum;
    const history = options.model.sellerHistory(sellerFacts(seller, options.now), null);
    return { seller, count, sum, brandFreeSum, ...storeScores(count, { scoreSum: sum, brandFreeScoreSum: brandFreeSum }, history) };
  });
  // Sellers outside this batch that a listing moved away from: their totals in one statement, then
  // their scores from the totals and their record (rare: a listing seldom changes store).
  const inBatch = new Set(updates.map((u) => u.seller.id));
  const left = [...delta].filter(([sellerId]) => !inBatch.has(sellerId));
  if (left.length > 0) {
    await manager.query(
      `UPDATE seller s SET listing_count = s.listing_count + u.c, listing_score_sum = s.listing_score_sum + u.sm,
              brand_free_score_sum = s.brand_free_score_sum + u.bf
         FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::bigint[]) AS u(id, c, sm, bf)
        WHERE s.id = u.id`,
      [
        arrayColumn(left, ([id]) => id),
        arrayColumn(left, ([, d]) => d.count),
        arrayColumn(left, ([, d]) => d.sum),
        arrayColumn(left, ([, d]) => d.brandFreeSum),
      ],
    );
    await rescoreStores(manager, left.map(([id]) => id), options.model.config, options.now);
  }
  await manager.query(
    `UPDATE seller s SET public_name = u.n, opened_at = u.o, brand_count = u.b, strike_count = u.k, registered_name = u.r,
            contact = u.ct, payment_account = u.pa, listing_count = u.c, listing_score_sum = u.sm, risk_score = u.score,
            risk_signals = u.sig::jsonb, brand_free_score_sum = u.bfs, brand_free_risk_score = u.bf
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[],
                   $9::int[], $10::bigint[], $11::smallint[], $12::text[], $13::bigint[], $14::smallint[])
         AS u(id, n, o, b, k, r, ct, pa, c, sm, score, sig, bfs, bf)
      WHERE s.id = u.id
        AND (s.public_name, s.opened_at, s.brand_count, s.strike_count, s.registered_name, s.contact, s.payment_account,
             s.listing_count, s.listing_score_sum, s.risk_score, s.risk_signals, s.brand_free_score_sum, s.brand_free_risk_score)
            IS DISTINCT FROM (u.n, u.o, u.b, u.k, u.r, u.ct, u.pa, u.c, u.sm, u.score, u.sig::jsonb, u.bfs, u.bf)`,
    [
      arrayColumn(updates, (u) => u.seller.id),
      arrayColumn(updates, (u) => u.seller.name),
      arrayColumn(updates, (u) => u.seller.openedAt?.toISOString() ?? null),
      arrayColumn(updates, (u) => u.seller.brandCount),
      arrayColumn(updates, (u) => u.seller.strikeCount),
      arrayColumn(updates, (u) => u.seller.registeredName),
      arrayColumn(updates, (u) => u.seller.contact),
      arrayColumn(updates, (u) => u.seller.paymentAccount),
      arrayColumn(updates, (u) => u.count),
      arrayColumn(updates, (u) => u.sum),
      arrayColumn(updates, (u) => u.score),
      arrayColumn(updates, (u) => JSON.stringify(u.signals satisfies RiskSignal[])),
      arrayColumn(updates, (u) => u.brandFreeSum),
      arrayColumn(updates, (u) => u.brandFreeScore),
    ],
  );
}

// The stores whose scanned strikes moved them under the strike policy: their status written with
// addStrike's reason, the change audited (by the scan: no one), and a store closed now has its
// other active listings removed, as a closure by takedowns removes them. Rare: one statement when
// no store changed.
export async function applyStrikePolicy(manager: EntityManager, sellers: ReadonlyMap<string, SellerState>, options: BatchOptions): Promise<void> {
  const policy = options.strikePolicy;
  const moved = [...sellers.values()].filter(statusMoved);
  if (!policy || moved.length === 0) return;
  const reasonOf = (seller: SellerState) => strikeStatusReason(seller.status, seller.strikeCount, policy);
  // A store inserted by this batch has its status already (prepareSellers).
  const updated: { id: string }[] = await manager.query(
    `WITH moved AS (
       UPDATE seller s SET status = u.st::seller_status, status_reason = u.sr, status_changed_at = $4
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, st, sr)
        WHERE s.id = u.id AND s.status <> u.st::seller_status
        RETURNING s.id
     )
     SELECT id FROM moved`,
    [arrayColumn(moved, (s) => s.id), arrayColumn(moved, (s) => s.status), arrayColumn(moved, reasonOf), options.now.toISOString()],
  );
  const stored = new Set(updated.map((row) => row.id));
  const actor = options.actor ?? null;
  await recordAudits(
    manager,
    actor,
    moved.map((seller) => ({
      action: `seller.${seller.closed ? "close" : "penalize"}`,
      targetType: "Seller",
      targetId: seller.id,
      // A store new to the feed had no status before.
      before: stored.has(seller.id) ? { status: seller.statusBefore } : null,
      after: { strikeCount: seller.strikeCount, status: seller.status, statusReason: reasonOf(seller), cause: "scan" },
    })),
  );
  for (const seller of moved) {
    if (seller.closed && stored.has(seller.id)) await removeListings(manager, actor, { sellerId: seller.id }, `store closed: ${reasonOf(seller)}`, { cause: "scan" });
  }
}
