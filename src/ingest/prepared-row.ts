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
// the previous batch. A prepared row carries few objects, and its content is bytes in its
// batch's buffer: it crosses from the worker to the writer's thread, which keeps it until the
// batch is written, and objects and strings are costly to copy and to keep there.

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
  // Where its content is in its batch's: from contentAt, the content's JSON (contentOf reads it
  // back); from copyAt to contentEnd, the listing's columns that come from the content
  // (marketplace to listed_at) as COPY text.
  contentAt: number;
  copyAt: number;
  contentEnd: number;
}

// A batch's prepared rows, with the intel lookup keys and the content (UTF-8) they refer to.
export interface PreparedBatch {
  rows: PreparedRow[];
  intelKeys: readonly string[];
  // A Buffer, or its bytes after crossing threads (see contentBuffer).
  content: Uint8Array;
}

// Sorts like ORDER BY marketplace::text, external_id COLLATE "C" for the ASCII ids marketplaces use.
export const keyOf = (marketplace: string, externalId: string) => `${marketplace}\u0001${externalId}`;

export const contentBuffer = ({ content }: PreparedBatch): Buffer => Buffer.from(content.buffer, content.byteOffset, content.byteLength);

// Only the unnest path (the embedded database, and rewriting changed listings) needs the content
// as values; JSON gives it back exactly as the record had it.
export const contentOf = (row: PreparedRow, content: Buffer): ListingContent => JSON.parse(content.toString("utf8", row.contentAt, row.copyAt));

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
  const batch = new BatchPreparation(model, intel);
  for (const row of rows) batch.add(row);
  return batch.done();
}

// A batch prepared row by row, as its records are read: a record is done with as soon as it is
// prepared, and its content is bytes right away (on a worker thread, what lives until the whole
// chunk is sent is copied, and promoted, by the garbage collector).
export class BatchPreparation {
  private readonly rows: PreparedRow[] = [];
  private readonly intelKeys: IntelKeyCollector | undefined;
  private readonly content = new ContentBytes();

  constructor(
    private readonly model: RiskModel,
    intel: IntelSource | undefined,
  ) {
    this.intelKeys = intel?.batchKeys();
  }

  add(row: BatchRow): void {
    this.rows.push(prepareRow(row, this.model, this.intelKeys, this.content));
  }

  done(): PreparedBatch {
    return { rows: this.rows, intelKeys: this.intelKeys?.keys ?? [], content: this.content.bytes() };
  }
}

// Texts laid out one after the other as UTF-8, each one's place known as it is added.
class ContentBytes {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;

  get length(): number {
    return this.used;
  }

  // Returns where the text ends.
  add(text: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + 3 * text.length > this.buffer.length) this.grow(3 * text.length);
    this.used += this.buffer.write(text, this.used);
    return this.used;
  }

  // A buffer of its own (not a slice of Node's pool), so that it can be moved to another thread.
  bytes(): Buffer {
    const bytes = Buffer.allocUnsafeSlow(this.used);
    this.buffer.copy(bytes, 0, 0, this.used);
    return bytes;
  }

  private grow(more: number): void {
    const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.used + more));
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
  }
}

function prepareRow({ line, record }: BatchRow, model: RiskModel, intelKeys: IntelKeyCollector | undefined, content: ContentBytes): PreparedRow {
  const contentAt = content.length;
  const copyAt = content.add(JSON.stringify(contentFields(record)));
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
    contentAt,
    copyAt,
    contentEnd: content.add(contentCopy(record)),
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
