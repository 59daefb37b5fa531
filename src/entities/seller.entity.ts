import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Marketplace, SellerStatus } from "./enums";
import type { RiskSignal } from "./risk-signal";
import { bigintAsNumber } from "./transformers";

// A store on a marketplace. Platform data, not owned by a member: members reach a seller only
// through their own infringements (see src/auth/row-scopes).
@Entity("seller")
@Unique("uq_seller_marketplace_external_id", ["marketplace", "externalId"])
// The stores list's orders (the platform's score, the members' brand-free score, strikes): read in
// order, a page stops after its rows, where a member with 25,000 stores had them all read and sorted.
@Index("idx_seller_score", ["riskScore", "id"])
@Index("idx_seller_brand_free_score", ["brandFreeRiskScore", "id"])
@Index("idx_seller_strikes", ["strikeCount", "id"])
export class Seller {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "enum", enum: Marketplace, enumName: "marketplace" })
  marketplace: Marketplace;

  @Column({ name: "external_id", type: "text" })
  externalId: string;

  @Column({ name: "public_name", type: "text" })
  publicName: string;

  @Column({ type: "enum", enum: SellerStatus, enumName: "seller_status", default: SellerStatus.ACTIVE })
  status: SellerStatus;

  @Column({ name: "strike_count", type: "int", default: 0 })
  strikeCount: number;

  @Column({ name: "risk_score", type: "smallint", default: 0 })
  riskScore: number;

  // The same score made from its listings' brand-free scores: what members and agencies read
  // (src/auth/store-score.ts), since a listing's own score is measured against other brands'
  // catalogues.
  @Column({ name: "brand_free_risk_score", type: "smallint", default: 0 })
  brandFreeRiskScore: number;

  // Why the store was last penalized or closed, and when (the store penalty policy writes both).
  @Column({ name: "status_reason", type: "text", nullable: true })
  statusReason: string | null;

  @Column({ name: "status_changed_at", type: "timestamptz", nullable: true })
  statusChangedAt: Date | null;
  // Platform only: the store's own record, and its listings' part (LISTINGS).
  @Column({ name: "risk_signals", type: "jsonb", default: () => "'[]'" })
  riskSignals: RiskSignal[];

  // Running totals of its listings' scores, so that a batch re-scores a seller without reading
  // all its listings.
  @Column({ name: "listing_count", type: "int", default: 0 })
  listingCount: number;

  @Column({ name: "listing_score_sum", type: "bigint", default: 0, transformer: bigintAsNumber })
  listingScoreSum: number;

  @Column({ name: "brand_free_score_sum", type: "bigint", default: 0, transformer: bigintAsNumber })
  brandFreeScoreSum: number;

  @Column({ name: "opened_at", type: "timestamptz", nullable: true })
  openedAt: Date | null;

  // How many different brands the store sells, as the marketplace reports it.
  @Column({ name: "brand_count", type: "int", default: 0 })
  brandCount: number;

  // Identity: only the platform and the agencies it was referred to may read these.
  @Column({ name: "registered_name", type: "text", nullable: true })
  registeredName: string | null;

  @Column({ type: "text", nullable: true })
  contact: string | null;

  @Column({ name: "payment_account", type: "text", nullable: true })
  paymentAccount: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
