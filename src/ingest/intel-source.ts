import type { EntityManager } from "typeorm";
import { BoundedMemo } from "../bounded-memo";
import { intelEvidenceOfHashes, intelSignalFor, titleCandidatesOf, valueCandidatesOf } from "../domain/intel/intel-match-signal";
import type { Config } from "../config";
import { intelHmacSecret, KeyedHasher, MemoizedKeyedHasher, secretKeyFrom } from "../domain/intel/keyed-hash";
import { IndicatorKind } from "../entities/enums";
import type { IntelView } from "../risk/signals/intel-match";
import type { ListingRecord } from "./listing-record";

// Where a batch's intelligence comes from: the members' shared indicators. A record's lookup keys
// are worked out as it is read, outside any transaction; the whole batch is then looked up in one
// statement, in the batch's own transaction.
export interface IntelSource {
  lookupKeysOf(record: ListingRecord): readonly string[];
  viewsOf(manager: EntityManager, lookupKeys: readonly (readonly string[])[]): Promise<IntelView[]>;
}

// The keyed hashes of a title's phrases, for the last titles seen (a feed repeats titles across
// sellers and scans; a title has about 30 phrases).
const REMEMBERED_TITLES = 20_000;

// `hasher` hashes values that recur (sellers, title phrases; a MemoizedKeyedHasher remembers
// them), `onceHasher` those that rarely do (image hashes), so that they do not crowd the memo.
export function sharedIntelligence(hasher: KeyedHasher, minMembers: number, onceHasher: KeyedHasher = hasher): IntelSource {
  const titles = new BoundedMemo<string, string>(REMEMBERED_TITLES);
  return {
    // The keyed hashes (hex) of the listing's seller, image hashes and title phrases, as one
    // string: one value to hand from a worker thread to the writer instead of thirty.
    lookupKeysOf(record) {
      const values = valueCandidatesOf({ seller: { marketplace: record.marketplace, externalId: record.seller.externalId }, imageHashes: record.imageHashes });
      const phrases = titles.get(record.title, (title) => titleCandidatesOf(title).map((c) => hasher.hashHex(c.kind, c.value)).join(""));
      return [values.map((c) => (c.kind === IndicatorKind.IMAGE_HASH ? onceHasher : hasher).hashHex(c.kind, c.value)).join("") + phrases];
    },
    async viewsOf(manager, lookupKeys) {
      const evidence = await intelEvidenceOfHashes(manager, lookupKeys.map(([joined]) => splitHashes(joined)));
      return evidence.map((ofRecord) => ({ signalFor: (ownerOrgId) => intelSignalFor(ofRecord, ownerOrgId, minMembers) }));
    },
  };
}

const HEX_HASH = 64;
function splitHashes(joined: string): string[] {
  const hashes: string[] = [];
  for (let at = 0; at < joined.length; at += HEX_HASH) hashes.push(joined.slice(at, at + HEX_HASH));
  return hashes;
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

// Hashes of title phrases and sellers remembered across batches: about 15 MB.
const MEMOIZED_HASHES = 100_000;

export function sharedIntelligenceOf(setup: SharedIntelligenceSetup): IntelSource {
  const key = secretKeyFrom(setup.hmacSecret);
  return sharedIntelligence(new MemoizedKeyedHasher(key, MEMOIZED_HASHES), setup.minMembers, new KeyedHasher(key));
}
