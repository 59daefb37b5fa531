import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { Indicator } from "./indicator.entity";
import { TenantOwned } from "./tenant-owned";

// A member's confirmation that it has seen an indicator; owned by the sighting organization, which
// (with the platform) is the only one to learn who sighted.
@Entity("indicator_sighting")
@Index("idx_indicator_sighting_indicator", ["indicatorId", "seenAt"])
export class IndicatorSighting extends TenantOwned {
  @Column({ name: "indicator_id", type: "uuid" })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: "CASCADE" })
  @JoinColumn({ name: "indicator_id" })
  indicator?: Indicator;

  @Column({ name: "seen_at", type: "timestamptz", precision: 3 })
  seenAt: Date;

  @Column({ type: "text" })
  source: string;

  @Column({ name: "recorded_at", type: "timestamptz", precision: 3, default: () => "now()" })
  recordedAt: Date;
}
