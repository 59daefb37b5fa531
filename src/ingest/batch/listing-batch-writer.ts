import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import type { SellerFacts } from "../../risk/facts";
import type { ListingAssessment } from "../../risk/risk-model";
import { NO_INTEL } from "../../risk/signals/intel-match";
import { contentBuffer, prepareBatch, type BatchRow, type PreparedBatch, type PreparedRow } from "../prepared-row";
import { removeListings } from "../../domain/listing-removal";
import type { BatchOptions } from "./batch-options";
import { insertInfringements, upsertInfringements } from "./infringements";
import { insertListings, storedListings, storesOfStoredListings, updateListings } from "./listings";
import type { ScoredListing } from "./scored-listing";
import { isRelisting, relistListings } from "./relisting";
import { applyStrikePolicy, prepareSellers, sellerFacts, updateSellers } from "./sellers";

export type { BatchRow } from "../prepared-row";
export type { BatchOptions } from "./batch-options";
export { StaleListingError } from "./listings";

// Writes one batch of valid listing records with a fixed number of set-based statements
// (unnest arrays or COPY, whatever the batch size), inside the caller's transaction:
//   1. look the batch up in shared intelligence, 2. find the stores its stored listings are under,
//   3. lock those and the batch's sellers, reading the batch's with their history (and the cases
//   confirmed on its stored listings, which those listings' scores leave out), 4. insert the
//   new sellers, 5. read the listings already stored, with the brands that have a case on each,
//   then finish scoring in memory, 6. insert new listings, update changed ones, 7. insert the
//   infringements of flagged brand matches, and re-score every case on a changed listing, 8. put
//   back removed listings seen for sale again since, with their cases (rarely any), 9. apply the
//   strike policy to the strikes the scans report (rarely any change), 10. update the sellers:
//   record, running totals and score.
// A listing whose fingerprint (content, seller and scores) is unchanged is not rewritten.

export interface Rejection {
  line: number;
  reason: string;
}

export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  // Removed listings seen for sale again after their removal (relisting.ts), among the above.
  relisted: number;
  // Earlier lines of a listing that a later line of the same batch replaced: the later one is
  // written, as it would have been over the earlier had they been in two batches.
  superseded: number;
  infringementsCreated: number;
  infringementsUpdated: number;
  sellersCreated: number;
  sellersUpdated: number;
}

export const emptyBatchCounts = (): BatchCounts => ({
  inserted: 0,
  updated: 0,
  unchanged: 0,
  relisted: 0,
  superseded: 0,
  infringementsCreated: 0,
  infringementsUpdated: 0,
  sellersCreated: 0,
  sellersUpdated: 0,
});

// Later lines win over earlier lines for the same listing.
function dedupe(rows: readonly PreparedRow[]): { kept: PreparedRow[]; superseded: number } {
  const last = new Map<string, PreparedRow>();
  for (const row of rows) last.set(row.key, row);
  return { kept: [...last.values()], superseded: rows.length - last.size };
}

// What the stored row depends on: the record as sent, its seller and the seller's record as the
// listing's scores read it, and the scores (the signals follow from these). The SHA-1 of the same
// text as JSON.stringify([content, facts, scores, version]), hashed as UTF-8, with the content's JSON
// from the record's preparation.
function fingerprintOf(row: PreparedRow, content: Buffer, sellerId: string, seller: SellerFacts, assessment: ListingAssessment, version: string): string {
  const confirmedBy = [...seller.confirmedBy].sort(([a], [b]) => (a < b ? -1 : 1));
  const facts = [sellerId, seller.strikeCount, confirmedBy, seller.openedAt?.getTime() ?? null, seller.brandCount];
  const scores = [assessment.score, assessment.brandFreeScore, ...assessment.brands.map((b) => `${b.brand.id}:${b.score}`)];
  return createHash("sha1")
    .update("[")
    .update(content.subarray(row.contentAt, row.copyAt))
    .update(`,${JSON.stringify(facts)},${JSON.stringify(scores)},${JSON.stringify(version)}]`)
    .digest("base64");
}

export async function writeListingBatch(
  manager: EntityManager,
  batch: readonly BatchRow[] | PreparedBatch,
  options: BatchOptions,
): Promise<BatchCounts> {
  const prepared = "rows" in batch ? batch : prepareBatch(batch, options.model, options.intel);
  const { kept, superseded } = dedupe(prepared.rows);
  const content = contentBuffer(prepared);
  const counts = { ...emptyBatchCounts(), superseded };
  if (kept.length === 0) return counts;
  kept.sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
  // A batch's statements are planned over thousands of rows, above PostgreSQL's jit_above_cost,
  // and its LLVM compiled several of them at ~190 ms each, longer than they run, some while the
  // batch held its sellers' locks: a third of the server's CPU in an ingest.
  await manager.query("SET LOCAL jit = off");

  // Before the sellers are locked, to keep the time a concurrent batch may wait on them short.
  const intel = options.intel
    ? await options.intel.viewsOf(manager, prepared.intelKeys, kept.map((row) => row.intelKeys))
    : kept.map(() => NO_INTEL);
  // The stored listings are read once the batch holds their stores (those it names and those they
  // are under now): a batch that waited on a concurrent one for a store reads what that one wrote,
  // rather than a row it rewrote meanwhile (found stale when written, the batch would run again, and
  // could lose every attempt to the next batch taking the store). A listing stored meanwhile by a
  // concurrent batch is refused by its unique key, and the batch runs again, finding it stored.
  const storesNow = await storesOfStoredListings(manager, kept);
  const { sellers, created, held } = await prepareSellers(manager, kept, storesNow.values(), options);
  const stored = await storedListings(manager, kept.filter((row) => storesNow.has(row.key)), held);
  counts.sellersCreated = created;
  counts.sellersUpdated = [...sellers.values()].filter((s) => s.changed).length;

  const scored: ScoredListing[] = kept.map((row, index) => {
    const seller = sellers.get(row.sellerKey)!;
    const seenAt = row.seenAt ?? options.now;
    const before = stored.get(row.key);
    const facts = sellerFacts(seller, seenAt, before?.id);
    const assessment = options.model.finish(row.assessment, facts, intel[index], before?.case_brand_ids);
    return {
      row,
      id: before?.id ?? options.newId(),
      seller,
      seenAt,
      assessment,
      fingerprint: fingerprintOf(row, content, seller.id, facts, assessment, options.model.version),
      stored: before,
    };
  });

  const fresh: ScoredListing[] = [];
  const changed: ScoredListing[] = [];
  const seenOnly: ScoredListing[] = [];
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
  counts.relisted = await relistListings(manager, scored.filter(isRelisting), options);
  // First the stores this batch's scans close, whose listings go with the closure's reason; then a
  // listing found under a store closed before goes as the store's other listings went when it
  // closed: pending takedown requests on it superseded, their cases REMOVED, by no one but the scan.
  await applyStrikePolicy(manager, sellers, options);
  const movedIntoClosedStores = changed.filter((s) => s.seller.closed).map((s) => s.id);
  if (movedIntoClosedStores.length) await removeListings(manager, null, { listingIds: movedIntoClosedStores }, "found under a closed store", {});
  await updateSellers(manager, sellers, scored, options);
  return counts;
}
