import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Organization } from "./organization.entity";
import { PolicyFeedback } from "./policy-feedback.entity";

// One member organization's endorsement of one feedback: once each (the unique constraint), and
// readable only by the endorsing organization.
@Entity("policy_feedback_endorsement")
@Unique("uq_policy_feedback_endorsement", ["feedbackId", "ownerOrgId"])
export class PolicyFeedbackEndorsement {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;

  @Column({ name: "feedback_id", type: "uuid" })
  feedbackId: string;

  @ManyToOne(() => PolicyFeedback, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "feedback_id" })
  feedback?: PolicyFeedback;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
