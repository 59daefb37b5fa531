import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Listing } from "./listing.entity";
import { Organization } from "./organization.entity";
import { Referral } from "./referral.entity";
import { Seller } from "./seller.entity";
import { SuspectedInfringement } from "./suspected-infringement.entity";
import { sameOwnerAs } from "./tenant-owned";

// One infringement included in a referral. The agency, the infringement's owner, its listing and
// seller are copied here (none of them ever changes), and the referral's closing time once it is
// CLOSED, so that every row scope that reaches data through a referral is one indexed EXISTS on
// this table, without a join.
@Entity("referral_infringement")
@Index("idx_referral_infringement_agency_infringement", ["agencyOrgId", "infringementId"])
@Index("idx_referral_infringement_agency_listing", ["agencyOrgId", "listingId"])
@Index("idx_referral_infringement_agency_seller", ["agencyOrgId", "sellerId"])
@Index("idx_referral_infringement_agency_brand", ["agencyOrgId", "brandId"])
@Index("idx_referral_infringement_owner_referral", ["ownerOrgId", "referralId"])
@Index("idx_referral_infringement_seller_owner", ["sellerId", "ownerOrgId"])
export class ReferralInfringement {
  @PrimaryColumn({ name: "referral_id", type: "uuid" })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("referral_id", "agency_org_id", "agencyOrgId"))
  referral?: Referral;

  @PrimaryColumn({ name: "infringement_id", type: "uuid" })
  infringementId: string;

  @ManyToOne(() => SuspectedInfringement, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("infringement_id"))
  infringement?: SuspectedInfringement;

  @Column({ name: "agency_org_id", type: "uuid" })
  agencyOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "agency_org_id" })
  agencyOrg?: Organization;

  // The infringement's owner (a brand's organization).
  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;

  @Column({ name: "brand_id", type: "uuid" })
  brandId: string;

  @Column({ name: "listing_id", type: "uuid" })
  listingId: string;

  @ManyToOne(() => Listing, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "listing_id" })
  listing?: Listing;

  @Column({ name: "seller_id", type: "uuid" })
  sellerId: string;

  // When the referral was CLOSED: evidence the brand records on the case afterwards (a later test
  // buy) is no part of what was referred, and the agency does not read it.
  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt: Date | null;

  @ManyToOne(() => Seller, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "seller_id" })
  seller?: Seller;
}
