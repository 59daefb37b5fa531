import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Brand } from "./brand.entity";
import { Marketplace, TakedownStatus } from "./enums";
import { Listing } from "./listing.entity";
import { sameOwnerAs, TenantOwned } from "./tenant-owned";
import { Seller } from "./seller.entity";
import { SuspectedInfringement } from "./suspected-infringement.entity";

// A brand's request that the platform take a listing down, and the platform's decision on it.
// brand, listing, seller and marketplace are copied from the infringement so that the platform's
// queue filters and the brand's history need no join.
@Entity("takedown_request")
@Index("idx_takedown_owner_requested", ["ownerOrgId", "requestedAt", "id"])
@Index("idx_takedown_status_requested", ["status", "requestedAt", "id"])
@Index("idx_takedown_requested", ["requestedAt", "id"])
// An infringement's requests in the order they were made (its takedownRequests field).
@Index("idx_takedown_infringement_requested", ["infringementId", "requestedAt", "id"])
// At most one undecided request per infringement, whatever the application does.
@Index("uq_takedown_pending_infringement", ["infringementId"], { unique: true, where: `"status" = 'PENDING'` })
export class TakedownRequest extends TenantOwned {
  @Column({ name: "infringement_id", type: "uuid" })
  infringementId: string;

  @ManyToOne(() => SuspectedInfringement, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("infringement_id"))
  infringement?: SuspectedInfringement;

  @Column({ name: "brand_id", type: "uuid" })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("brand_id"))
  brand?: Brand;

  @Index()
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

  @Column({ type: "enum", enum: TakedownStatus, enumName: "takedown_status", default: TakedownStatus.PENDING })
  status: TakedownStatus;

  @Column({ type: "text" })
  reason: string;

  @Column({ name: "requested_by_user_id", type: "uuid", nullable: true })
  requestedByUserId: string | null;

  @Column({ name: "requested_by_api_key_id", type: "uuid", nullable: true })
  requestedByApiKeyId: string | null;

  // Millisecond precision, so that a pagination cursor holds the exact value.
  @CreateDateColumn({ name: "requested_at", type: "timestamptz", precision: 3 })
  requestedAt: Date;

  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt: Date | null;

  @Column({ name: "decided_by_user_id", type: "uuid", nullable: true })
  decidedByUserId: string | null;

  @Column({ name: "decided_by_api_key_id", type: "uuid", nullable: true })
  decidedByApiKeyId: string | null;

  @Column({ name: "decision_note", type: "text", nullable: true })
  decisionNote: string | null;
}
