import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, Unique } from "typeorm";
import { TenantOwned } from "./tenant-owned";
import { PolicyFeedback } from "./policy-feedback.entity";

// One member organization's endorsement of one feedback: once each (the unique constraint), and
// readable only by the endorsing organization.
@Entity("policy_feedback_endorsement")
@Unique("uq_policy_feedback_endorsement", ["feedbackId", "ownerOrgId"])
export class PolicyFeedbackEndorsement extends TenantOwned {
  @Column({ name: "feedback_id", type: "uuid" })
  feedbackId: string;

  @ManyToOne(() => PolicyFeedback, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "feedback_id" })
  feedback?: PolicyFeedback;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
