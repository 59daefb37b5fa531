import { parseHash64 } from "../matching/perceptual-hash";
import type { ListingFacts } from "../risk/facts";
import type { PreparedAssessment, RiskModel } from "../risk/risk-model";
import type { IntelSource } from "./intel-source";
import type { ListingRecord } from "./listing-record";

// A valid record with everything about it that needs no database: its keys, its signals that do
// not depend on its seller, the keys intelligence looks it up by, and the part of its fingerprint
// that comes from the record itself. A file ingest prepares each record as it reads it, outside
// any transaction, so that this work overlaps with the database writing the previous batch.

export interface BatchRow {
  // The line number in a file, or the row index of a GraphQL batch.
  line: number;
  record: ListingRecord;
}

export interface PreparedRow extends BatchRow {
  key: string;
  sellerKey: string;
  seenAt: Date | null;
  assessment: PreparedAssessment;
  intelKeys: readonly string[];
  // JSON of the record less its seller and seenAt.
  contentJson: string;
}

// Sorts like ORDER BY marketplace::text, external_id COLLATE "C" for the ASCII ids marketplaces use.
export const keyOf = (marketplace: string, externalId: string) => `${marketplace}\u0001${externalId}`;

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

export function prepareRow(row: BatchRow, model: RiskModel, intel: IntelSource | undefined): PreparedRow {
  const { record } = row;
  const { seenAt, seller: _seller, ...content } = record;
  return {
    ...row,
    key: keyOf(record.marketplace, record.externalId),
    sellerKey: keyOf(record.marketplace, record.seller.externalId),
    seenAt: seenAt ? new Date(seenAt) : null,
    assessment: model.prepare(listingFacts(record)),
    intelKeys: intel ? intel.lookupKeysOf(record) : [],
    contentJson: JSON.stringify(content),
  };
}
