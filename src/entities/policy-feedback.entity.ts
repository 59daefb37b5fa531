import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { FeedbackKind, FeedbackStatus, FeedbackVisibility } from "./enums";
import { GovernanceRule } from "./governance-rule.entity";
import { TenantOwned } from "./tenant-owned";

// A member's feedback on one version of a governance rule. owner_org_id and the author columns
// identify the author; src/auth/feedback-projection.ts decides who may see them.
@Entity("policy_feedback")
@Index("idx_policy_feedback_visibility_created", ["visibility", "createdAt"])
@Index("idx_policy_feedback_created", ["createdAt", "id"])
export class PolicyFeedback extends TenantOwned {
  @Column({ name: "author_user_id", type: "uuid", nullable: true })
  authorUserId: string | null;

  @Column({ name: "author_api_key_id", type: "uuid", nullable: true })
  authorApiKeyId: string | null;

  @Index()
  @Column({ name: "rule_id", type: "uuid" })
  ruleId: string;

  @ManyToOne(() => GovernanceRule, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "rule_id" })
  rule?: GovernanceRule;

  @Column({ type: "enum", enum: FeedbackKind, enumName: "feedback_kind" })
  kind: FeedbackKind;

  @Column({ type: "text" })
  body: string;

  @Column({ type: "enum", enum: FeedbackVisibility, enumName: "feedback_visibility" })
  visibility: FeedbackVisibility;

  @Column({ type: "enum", enum: FeedbackStatus, enumName: "feedback_status", default: FeedbackStatus.SUBMITTED })
  status: FeedbackStatus;

  @Column({ type: "text", nullable: true })
  response: string | null;

  @Column({ name: "responded_at", type: "timestamptz", nullable: true })
  respondedAt: Date | null;

  // Kept on the row so that showing the count never reads who endorsed.
  @Column({ name: "endorsement_count", type: "int", default: 0 })
  endorsementCount: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
