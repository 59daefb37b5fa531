import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from "typeorm";

// One version of a governance rule. A new version is a new row; old ones stay readable.
@Entity("governance_rule")
@Unique("uq_governance_rule_code_version", ["code", "version"])
export class GovernanceRule {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text" })
  code: string;

  @Column({ type: "int" })
  version: number;

  @Column({ type: "text" })
  title: string;

  @Column({ type: "text" })
  body: string;

  @Column({ name: "effective_at", type: "timestamptz" })
  effectiveAt: Date;

  @Column({ name: "published_by_user_id", type: "uuid" })
  publishedByUserId: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
