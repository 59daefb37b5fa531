import { createSecretKey, randomBytes } from "node:crypto";
import { intelCandidatesOf } from "../../src/domain/intel/intel-match-signal";
import { KeyedHasher } from "../../src/domain/intel/keyed-hash";
import { IndicatorKind } from "../../src/entities/enums";
import { generateListings } from "../../src/generator/marketplace-generator";
import { sharedIntelligence } from "../../src/ingest/intel-source";
import { validateListingRecord, type ListingRecord } from "../../src/ingest/listing-record";

// An ingest looks each record up by the keyed hashes of the candidates intelCandidatesOf gives for
// its seller, image hashes and title, worked out batch by batch with memos: exactly those hashes,
// whichever batch a record is in and whatever the memos remember.

const hasher = new KeyedHasher(createSecretKey(randomBytes(32)));
const records = [...generateListings({ listings: 600, seed: 3, now: new Date("2026-11-23T00:00:00.000Z") })].map((listing) => {
  const validated = validateListingRecord(listing);
  if (!validated.ok) throw new Error(validated.reason);
  return validated.record;
});

const expectedHashes = (record: ListingRecord) =>
  new Set(
    intelCandidatesOf({
      seller: { marketplace: record.marketplace, externalId: record.seller.externalId },
      title: record.title,
      imageHashes: record.imageHashes,
    }).map((candidate) => hasher.hashHex(candidate.kind, candidate.value)),
  );

describe("the intel lookup keys of an ingest", () => {
  it("are the keyed hashes of each record's candidates, in every batch, a shared one once per batch", () => {
    const intel = sharedIntelligence(hasher, 2);
    // The same records again in later batches, when the memos remember them.
    for (const batch of [records.slice(0, 250), records.slice(250), records.slice(100, 400)]) {
      const collector = intel.batchKeys();
      const indexes = batch.map((record) => collector.add(record));
      batch.forEach((record, i) => expect(new Set(indexes[i].map((index) => collector.keys[index]))).toEqual(expectedHashes(record)));
      // Image hashes rarely repeat, and are not remembered.
      const images = new Set(batch.flatMap((record) => record.imageHashes.map((hash) => hasher.hashHex(IndicatorKind.IMAGE_HASH, hash.toLowerCase()))));
      const remembered = collector.keys.filter((key) => !images.has(key));
      expect(new Set(remembered).size).toBe(remembered.length);
    }
  });
});
