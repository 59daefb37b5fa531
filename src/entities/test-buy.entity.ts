import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { TestBuyOutcome } from "./enums";
import type { EvidenceItem } from "./evidence-item";
import { sameOwnerAs, TenantOwned } from "./tenant-owned";
import { SuspectedInfringement } from "./suspected-infringement.entity";
import { bigintAsNumber } from "./transformers";

// A purchase made to check whether an infringement's listing sells fakes. Owned by the brand that
// owns the infringement, whoever placed the order.
@Entity("test_buy")
@Index("idx_test_buy_infringement", ["infringementId", "orderedAt"])
@Index("idx_test_buy_ordered", ["orderedAt", "id"])
export class TestBuy extends TenantOwned {
  @Column({ name: "infringement_id", type: "uuid" })
  infringementId: string;

  @ManyToOne(() => SuspectedInfringement, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("infringement_id"))
  infringement?: SuspectedInfringement;

  @Column({ name: "ordered_at", type: "timestamptz", precision: 3 })
  orderedAt: Date;

  @Column({ name: "cost_minor", type: "bigint", transformer: bigintAsNumber })
  costMinor: number;

  @Column({ type: "char", length: 3 })
  currency: string;

  @Column({ name: "order_reference", type: "text" })
  orderReference: string;

  @Column({ type: "enum", enum: TestBuyOutcome, enumName: "test_buy_outcome", default: TestBuyOutcome.PENDING })
  outcome: TestBuyOutcome;

  @Column({ type: "text", nullable: true })
  findings: string | null;

  // Each item carries the SHA-256 of its file, so that the chain of evidence can be checked later.
  @Column({ type: "jsonb", default: () => "'[]'" })
  evidence: EvidenceItem[];

  @Column({ name: "recorded_by_user_id", type: "uuid", nullable: true })
  recordedByUserId: string | null;

  @Column({ name: "recorded_by_api_key_id", type: "uuid", nullable: true })
  recordedByApiKeyId: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "outcome_recorded_at", type: "timestamptz", nullable: true })
  outcomeRecordedAt: Date | null;
}
