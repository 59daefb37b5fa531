import type { Marketplace } from "../entities/enums";
import { parseHash64 } from "../matching/perceptual-hash";
import type { ListingFacts } from "../risk/facts";
import type { PreparedAssessment, RiskModel } from "../risk/risk-model";
import { copyField, copyText } from "./copy-rows";
import type { IntelKeyCollector, IntelSource } from "./intel-source";
import { isoInstant } from "./iso-instant";
import type { ListingRecord, SellerRecord } from "./listing-record";

// A valid record with everything about it that needs no database: its keys, its signals that do
// not depend on its seller, the keys intelligence looks it up by, and its content as the writer
// stores and fingerprints it. A file ingest prepares each record as it reads it, outside any
// transaction (mostly on a worker thread), so that this work overlaps with the database writing
// the previous batch. A prepared row carries strings rather than the record's objects: it is
// copied from the worker to the writer, and strings are cheap to copy and to keep.

export interface BatchRow {
  // The line number in a file, or the row index of a GraphQL batch.
  line: number;
  record: ListingRecord;
}

// The record less its seller and seenAt: what the listing row stores of it.
export type ListingContent = Omit<ListingRecord, "seller" | "seenAt">;

export interface PreparedRow {
  line: number;
  marketplace: Marketplace;
  externalId: string;
  key: string;
  sellerKey: string;
  seller: SellerRecord;
  seenAt: Date | null;
  assessment: PreparedAssessment;
  // The record's intel lookup keys, as indexes into its batch's.
  intelKeys: readonly number[];
  // JSON of the content (contentOf reads it back).
  contentJson: string;
  // The listing's columns that come from the content (marketplace to listed_at), as COPY text.
  contentCopy: string;
}

// A batch's prepared rows, with the intel lookup keys they refer to.
export interface PreparedBatch {
  rows: PreparedRow[];
  intelKeys: readonly string[];
}

// Sorts like ORDER BY marketplace::text, external_id COLLATE "C" for the ASCII ids marketplaces use.
export const keyOf = (marketplace: string, externalId: string) => `${marketplace}\u0001${externalId}`;

// Only the unnest path (the embedded database, and rewriting changed listings) needs the content
// as values; JSON gives it back exactly as the record had it.
export const contentOf = (row: PreparedRow): ListingContent => JSON.parse(row.contentJson);

export function listingFacts(record: ListingRecord): ListingFacts {
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

export function prepareBatch(rows: readonly BatchRow[], model: RiskModel, intel: IntelSource | undefined): PreparedBatch {
  const intelKeys = intel?.batchKeys();
  return { rows: rows.map((row) => prepareRow(row, model, intelKeys)), intelKeys: intelKeys?.keys ?? [] };
}

function prepareRow({ line, record }: BatchRow, model: RiskModel, intelKeys: IntelKeyCollector | undefined): PreparedRow {
  return {
    line,
    marketplace: record.marketplace,
    externalId: record.externalId,
    key: keyOf(record.marketplace, record.externalId),
    sellerKey: keyOf(record.marketplace, record.seller.externalId),
    seller: record.seller,
    seenAt: record.seenAt ? new Date(record.seenAt) : null,
    assessment: model.prepare(listingFacts(record)),
    intelKeys: intelKeys ? intelKeys.add(record) : [],
    contentJson: JSON.stringify(contentFields(record)),
    contentCopy: contentCopy(record),
  };
}

// The content, keys in the record's order (the fingerprints of stored listings depend on it).
function contentFields(record: ListingRecord): ListingContent {
  const { marketplace, externalId, title, description, price, specs, imageHashes, reviews, listedAt } = record;
  return { marketplace, externalId, title, description, price, specs, imageHashes, reviews, listedAt };
}

function contentCopy({ marketplace, externalId, title, description, price, specs, imageHashes, reviews, listedAt }: ListingRecord): string {
  return (
    `${marketplace}\t${copyText(externalId)}\t${copyText(title)}\t${copyText(description)}\t${price.amountMinor}\t${price.currency}\t` +
    `${copyText(JSON.stringify(specs))}\t{${imageHashes.join(",")}}\t${reviews.count}\t${copyField(reviews.averageRating)}\t` +
    `${reviews.fiveStarFirstWeek}\t${copyField(reviews.newAccountShare)}\t${copyField(reviews.duplicateTextShare)}\t${copyField(isoInstant(listedAt))}`
  );
}
