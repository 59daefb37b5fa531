import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from "typeorm";
import { Brand } from "./brand.entity";
import { IndicatorDistribution, IndicatorKind } from "./enums";
import { sameOwnerAs, TenantOwned } from "./tenant-owned";

// One piece of shared intelligence, owned by the organization that contributed it. Every match
// compares value_hash (an HMAC of kind and normalized value), never the value itself.
@Entity("indicator")
@Unique("uq_indicator_owner_hash", ["ownerOrgId", "valueHash"])
@Index("idx_indicator_value_hash", ["valueHash"])
// The list's orders.
@Index("idx_indicator_created", ["createdAt", "id"])
@Index("idx_indicator_confidence", ["confidence", "id"])
@Index("idx_indicator_last_seen", ["lastSeenAt", "id"])
// The same under one kind (the list's `kinds` filter with one kind).
@Index("idx_indicator_kind_created", ["kind", "createdAt", "id"])
@Index("idx_indicator_kind_confidence", ["kind", "confidence", "id"])
@Index("idx_indicator_kind_last_seen", ["kind", "lastSeenAt", "id"])
// One brand's, or one contributor's, by confidence (a member's indicators hold few scores, so the
// confidence index alone passes most of the others' first).
@Index("idx_indicator_brand_confidence", ["brandId", "confidence", "id"])
@Index("idx_indicator_owner_confidence", ["ownerOrgId", "confidence", "id"])
export class Indicator extends TenantOwned {
  @Column({ type: "enum", enum: IndicatorKind, enumName: "indicator_kind" })
  kind: IndicatorKind;

  @Column({ type: "text" })
  value: string;

  // Not loaded with the row: nothing but SQL comparisons needs it.
  @Column({ name: "value_hash", type: "bytea", select: false })
  valueHash: Buffer;

  // Fixed by the INSERT that creates the row; later only widened (src/domain/intel/distribution.ts).
  @Column({ type: "enum", enum: IndicatorDistribution, enumName: "indicator_distribution" })
  distribution: IndicatorDistribution;

  @Column({ type: "smallint" })
  confidence: number;

  @Column({ type: "text", nullable: true })
  note: string | null;

  @Column({ name: "brand_id", type: "uuid", nullable: true })
  brandId: string | null;

  @ManyToOne(() => Brand, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("brand_id"))
  brand?: Brand;

  @Column({ name: "expires_at", type: "timestamptz", nullable: true })
  expiresAt: Date | null;

  // Millisecond precision, so that a pagination cursor holds the exact value.
  @Column({ name: "first_seen_at", type: "timestamptz", precision: 3, default: () => "now()" })
  firstSeenAt: Date;

  // Moved forward by sightings.
  @Column({ name: "last_seen_at", type: "timestamptz", precision: 3, default: () => "now()" })
  lastSeenAt: Date;

  @Column({ name: "created_at", type: "timestamptz", precision: 3, default: () => "now()" })
  createdAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", precision: 3, default: () => "now()" })
  updatedAt: Date;
}
