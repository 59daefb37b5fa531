import type { ListingStatus, SellerStatus } from "../../entities/enums";
import type { ListingAssessment } from "../../risk/risk-model";
import type { PreparedRow } from "../prepared-row";

// What a batch holds in memory between its reads and its writes.

// A seller as this batch leaves it: its stored record merged with the batch's, and its running
// totals as they were before the batch.
export interface SellerState {
  id: string;
  marketplace: string;
  externalId: string;
  name: string;
  openedAt: Date | null;
  brandCount: number;
  strikeCount: number;
  registeredName: string | null;
  contact: string | null;
  paymentAccount: string | null;
  listingCount: number;
  listingScoreSum: number;
  brandFreeScoreSum: number;
  // As the strike policy leaves it at the strikes its scans report, and as the batch found it.
  status: SellerStatus;
  statusBefore: SellerStatus;
  // A closed store sells nothing: a listing a scan finds under it is stored REMOVED.
  closed: boolean;
  // Its confirmed cases by member organization (SellerFacts.confirmedBy).
  confirmedBy: ReadonlyMap<string, number>;
  // Of those, the ones on the batch's stored listings: by listing id, each case's organization.
  confirmedOn: ReadonlyMap<string, readonly string[]>;
  // Its record or its status moved by this batch (the ingest summary's sellersUpdated).
  changed: boolean;
}

// A listing of the batch that was stored already, as the batch read it.
export interface StoredListing {
  id: string;
  marketplace: string;
  external_id: string;
  seller_id: string;
  fingerprint: string | null;
  risk_score: number;
  brand_free_score: number;
  last_seen_at: Date;
  status: ListingStatus;
  // When it was last removed, if ever.
  removed_at: Date | null;
  // The brands with a case on it.
  case_brand_ids: string[];
}

// A record of the batch with its seller and finished scores.
export interface ScoredListing {
  row: PreparedRow;
  id: string;
  seller: SellerState;
  seenAt: Date;
  assessment: ListingAssessment;
  fingerprint: string;
  stored: StoredListing | undefined;
}
