import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Listing } from "./listing.entity";
import { Seller } from "./seller.entity";
import { Brand } from "./brand.entity";
import { Organization } from "./organization.entity";
import { sameOwnerAs } from "./tenant-owned";
import { InfringementStatus, Marketplace } from "./enums";
import type { RiskSignal } from "./risk-signal";

// One listing suspected of infringing one brand. seller_id and marketplace are copied from the
// listing so that the owner's dashboard filters and the seller row scope need no join.
@Entity("suspected_infringement")
@Unique("uq_infringement_listing_brand", ["listingId", "brandId"])
// What its owner's notes, takedowns, test buys and referrals refer to (sameOwnerAs).
@Unique("uq_infringement_id_owner", ["id", "ownerOrgId"])
// An owner's cases in each dashboard order. The columns the dashboard filters on follow the order's
// (they do not change it, as id is unique), so that a filtered totalCount is read from the index
// alone: with the filters checked on heap rows, a brand's count of its high-risk FLAGGED cases
// visited thousands of scattered pages. updated_at likewise, for a sync's window oldest first.
@Index("idx_infringement_owner_detected", ["ownerOrgId", "detectedAt", "id", "status", "marketplace", "brandId", "riskScore", "updatedAt"])
@Index("idx_infringement_owner_score", ["ownerOrgId", "riskScore", "id", "status", "marketplace", "brandId", "detectedAt"])
// The platform's view of every member's cases, in the same two orders; and the cases changed since
// a time (a sync's updatedFrom), for the platform and for a brand: a minute's changes are few.
// updated_at follows the detected order's columns so that an updatedFrom window on a page oldest
// first (the platform's, an agency's) is checked on the index's entries, not on each case's row.
@Index("idx_infringement_detected", ["detectedAt", "id", "updatedAt"])
@Index("idx_infringement_score", ["riskScore", "id"])
@Index("idx_infringement_updated", ["updatedAt", "ownerOrgId"])
@Index("idx_infringement_seller_owner", ["sellerId", "ownerOrgId"])
// A seller's confirmed infringements, counted for its history by every ingest batch that meets
// it: a small index of the few confirmed cases, instead of visiting every case of the seller.
@Index("idx_infringement_seller_confirmed", ["sellerId"], { where: `"status" IN ('CONFIRMED', 'TAKEDOWN_REQUESTED', 'REMOVED')` })
export class SuspectedInfringement {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;

  @Column({ name: "brand_id", type: "uuid" })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("brand_id"))
  brand?: Brand;

  @Column({ name: "listing_id", type: "uuid" })
  listingId: string;

  @ManyToOne(() => Listing, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "listing_id" })
  listing?: Listing;

  @Column({ name: "seller_id", type: "uuid" })
  sellerId: string;

  @ManyToOne(() => Seller, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "seller_id" })
  seller?: Seller;

  @Column({ type: "enum", enum: Marketplace, enumName: "marketplace" })
  marketplace: Marketplace;

  @Column({ type: "enum", enum: InfringementStatus, enumName: "infringement_status", default: InfringementStatus.FLAGGED })
  status: InfringementStatus;

  @Column({ name: "risk_score", type: "smallint" })
  riskScore: number;

  @Column({ name: "risk_signals", type: "jsonb", default: () => "'[]'" })
  riskSignals: RiskSignal[];

  @Column({ name: "model_version", type: "text" })
  modelVersion: string;

  // The score and signals as they stood when a review or a test buy last confirmed the case: what
  // it was confirmed on, which later scans (re-scoring the columns above) do not change. Null
  // until it is first confirmed.
  @Column({ name: "confirmed_at", type: "timestamptz", precision: 3, nullable: true })
  confirmedAt: Date | null;

  @Column({ name: "confirmed_risk_score", type: "smallint", nullable: true })
  confirmedRiskScore: number | null;

  @Column({ name: "confirmed_risk_signals", type: "jsonb", nullable: true })
  confirmedRiskSignals: RiskSignal[] | null;

  @Column({ name: "confirmed_model_version", type: "text", nullable: true })
  confirmedModelVersion: string | null;

  // Millisecond precision, so that a pagination cursor holds the exact value.
  @Column({ name: "detected_at", type: "timestamptz", precision: 3, default: () => "now()" })
  detectedAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}
