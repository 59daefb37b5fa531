import type { EntityManager } from "typeorm";
import { intelCandidatesOf, intelEvidence, intelSignalFor } from "../domain/intel/intel-match-signal";
import type { KeyedHasher } from "../domain/intel/keyed-hash";
import type { IntelView } from "../risk/signals/intel-match";
import type { ListingRecord } from "./listing-record";

// Where a batch's intelligence comes from: the members' shared indicators, looked up for the whole
// batch in one statement, in the batch's own transaction.
export interface IntelSource {
  viewsOf(manager: EntityManager, records: readonly ListingRecord[]): Promise<IntelView[]>;
}

export function sharedIntelligence(hasher: KeyedHasher, minMembers: number): IntelSource {
  return {
    async viewsOf(manager, records) {
      const candidates = records.map((record) =>
        intelCandidatesOf({
          seller: { marketplace: record.marketplace, externalId: record.seller.externalId },
          title: record.title,
          imageHashes: record.imageHashes,
        }),
      );
      const evidence = await intelEvidence(manager, hasher, candidates);
      return evidence.map((ofRecord) => ({ signalFor: (ownerOrgId) => intelSignalFor(ofRecord, ownerOrgId, minMembers) }));
    },
  };
}
