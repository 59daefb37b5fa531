import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Seller } from "./seller.entity";
import { ListingStatus, Marketplace } from "./enums";
import type { RiskSignal } from "./risk-signal";
import { bigintAsNumber } from "./transformers";

@Entity("listing")
@Unique("uq_listing_marketplace_external_id", ["marketplace", "externalId"])
export class Listing {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "enum", enum: Marketplace, enumName: "marketplace" })
  marketplace: Marketplace;

  @Column({ name: "external_id", type: "text" })
  externalId: string;

  @Index()
  @Column({ name: "seller_id", type: "uuid" })
  sellerId: string;

  @ManyToOne(() => Seller, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "seller_id" })
  seller?: Seller;

  @Column({ type: "text" })
  title: string;

  @Column({ type: "text", default: "" })
  description: string;

  @Column({ name: "price_minor", type: "bigint", transformer: bigintAsNumber })
  priceMinor: number;

  @Column({ type: "char", length: 3 })
  currency: string;

  @Column({ type: "jsonb", default: () => "'{}'" })
  specs: Record<string, string>;

  @Column({ name: "image_hashes", type: "text", array: true, default: () => "'{}'" })
  imageHashes: string[];

  @Column({ name: "review_count", type: "int", default: 0 })
  reviewCount: number;

  @Column({ name: "average_rating", type: "real", nullable: true })
  averageRating: number | null;

  // Review brushing evidence, as the marketplace's review system reports it.
  @Column({ name: "five_star_first_week", type: "int", default: 0 })
  fiveStarFirstWeek: number;

  @Column({ name: "new_account_review_share", type: "real", nullable: true })
  newAccountReviewShare: number | null;

  @Column({ name: "duplicate_review_share", type: "real", nullable: true })
  duplicateReviewShare: number | null;

  // When the seller put the listing up, as the marketplace reports it.
  @Column({ name: "listed_at", type: "timestamptz", nullable: true })
  listedAt: Date | null;

  // A digest of everything ingest stores for the listing, its score included: an ingest that
  // would store the same digest changes nothing.
  @Column({ type: "text", nullable: true })
  fingerprint: string | null;

  @Column({ type: "enum", enum: ListingStatus, enumName: "listing_status", default: ListingStatus.ACTIVE })
  status: ListingStatus;

  // When it was last removed (a takedown, its store's closure, a scan finding it under a closed
  // store): a scan that sees it for sale after then, under a store not closed, puts it back
  // (src/ingest/batch/relisting.ts); one from before does not. Kept once it is back.
  @Column({ name: "removed_at", type: "timestamptz", nullable: true })
  removedAt: Date | null;

  @Column({ name: "risk_score", type: "smallint", default: 0 })
  riskScore: number;

  // The listing-level explanation may name every brand the listing matched, so only the platform
  // reads it; each brand reads the signals stored on its own infringement.
  @Column({ name: "risk_signals", type: "jsonb", default: () => "'[]'" })
  riskSignals: RiskSignal[];

  // Its score on the signals that read no brand's catalogue (ListingAssessment.brandFreeScore):
  // its part in the store's score that members read.
  @Column({ name: "brand_free_score", type: "smallint", default: 0 })
  brandFreeScore: number;

  @Column({ name: "model_version", type: "text" })
  modelVersion: string;

  @Column({ name: "first_seen_at", type: "timestamptz", default: () => "now()" })
  firstSeenAt: Date;

  @Column({ name: "last_seen_at", type: "timestamptz", default: () => "now()" })
  lastSeenAt: Date;
}
