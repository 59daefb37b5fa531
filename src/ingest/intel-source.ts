import type { EntityManager } from "typeorm";
import { BoundedMemo } from "../bounded-memo";
import { intelEvidenceOfKeys, intelSignalFor, titleCandidatesOf, valueCandidatesOf } from "../domain/intel/intel-match-signal";
import type { Config } from "../config";
import { intelHmacSecret, KeyedHasher, secretKeyFrom } from "../domain/intel/keyed-hash";
import { IndicatorKind } from "../entities/enums";
import type { IntelView } from "../risk/signals/intel-match";
import type { ListingRecord } from "./listing-record";

// Where a batch's intelligence comes from: the members' shared indicators. A record's lookup keys
// are worked out as it is read, outside any transaction; the whole batch is then looked up in one
// statement, in the batch's own transaction.
export interface IntelSource {
  // Collects the lookup keys of one batch's records, as they are prepared.
  batchKeys(): IntelKeyCollector;
  // The view of each record, from the batch's keys and each record's indexes into them.
  viewsOf(manager: EntityManager, keys: readonly string[], keysOfRecords: readonly (readonly number[])[]): Promise<IntelView[]>;
}

export interface IntelKeyCollector {
  // The batch's keys so far: a key that several records share is mostly there once.
  readonly keys: string[];
  // Adds the record's keys, and returns their indexes in `keys`.
  add(record: ListingRecord): number[];
}

// A keyed hash (hex) remembered across batches, with its index among the keys of the last batch
// that used it: a batch finds a key it already holds without looking it up by its text.
interface RememberedHash {
  hex: string;
  batch: number;
  index: number;
}

// Title phrases recur across listings and sellers across a feed's lines; image hashes rarely
// repeat, and are hashed each time so that they do not crowd the memos. A title has about 30
// phrases; the memos hold roughly 35 MB when full.
const REMEMBERED_TITLES = 20_000;
const REMEMBERED_PHRASES = 100_000;
const REMEMBERED_SELLERS = 50_000;

export function sharedIntelligence(hasher: KeyedHasher, minMembers: number): IntelSource {
  const remember = (kind: IndicatorKind, value: string): RememberedHash => ({ hex: hasher.hashHex(kind, value), batch: -1, index: -1 });
  const phrases = new BoundedMemo<string, RememberedHash>(REMEMBERED_PHRASES);
  const titles = new BoundedMemo<string, RememberedHash[]>(REMEMBERED_TITLES);
  const sellers = new BoundedMemo<string, RememberedHash>(REMEMBERED_SELLERS);
  const phraseHashes = (title: string) => titleCandidatesOf(title).map(({ kind, value }) => phrases.get(value, () => remember(kind, value)));
  let batches = 0;
  return {
    // The keyed hashes of the candidates intelCandidatesOf gives for the listing's marketplace,
    // seller id, image hashes and title.
    batchKeys() {
      const batch = batches++;
      const keys: string[] = [];
      const indexOf = (hash: RememberedHash) => {
        if (hash.batch !== batch) {
          hash.batch = batch;
          hash.index = keys.push(hash.hex) - 1;
        }
        return hash.index;
      };
      return {
        keys,
        add(record) {
          const indexes: number[] = [];
          const values = valueCandidatesOf({ seller: { marketplace: record.marketplace, externalId: record.seller.externalId }, imageHashes: record.imageHashes });
          for (const { kind, value } of values) {
            if (kind === IndicatorKind.SELLER) indexes.push(indexOf(sellers.get(value, () => remember(kind, value))));
            else indexes.push(keys.push(hasher.hashHex(kind, value)) - 1);
          }
          for (const phrase of titles.get(record.title, phraseHashes)) indexes.push(indexOf(phrase));
          return indexes;
        },
      };
    },
    async viewsOf(manager, keys, keysOfRecords) {
      const evidence = await intelEvidenceOfKeys(manager, keys, keysOfRecords);
      return evidence.map((ofRecord) => ({ signalFor: (ownerOrgId) => intelSignalFor(ofRecord, ownerOrgId, minMembers) }));
    },
  };
}

// What a thread needs to look listings up in shared intelligence (plain data, so that a worker
// preparing records can be given it).
export interface SharedIntelligenceSetup {
  hmacSecret: string;
  minMembers: number;
}

export const sharedIntelligenceSetup = (config: Config): SharedIntelligenceSetup => ({
  hmacSecret: intelHmacSecret(config),
  minMembers: config.intel.minMembers,
});

export const sharedIntelligenceOf = (setup: SharedIntelligenceSetup): IntelSource =>
  sharedIntelligence(new KeyedHasher(secretKeyFrom(setup.hmacSecret)), setup.minMembers);
