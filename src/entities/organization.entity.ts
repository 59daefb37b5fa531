import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";
import { OrgKind, OrgStatus } from "./enums";

@Entity("organization")
export class Organization {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text", unique: true })
  slug: string;

  @Column({ type: "text" })
  name: string;

  @Column({ type: "enum", enum: OrgKind, enumName: "org_kind" })
  kind: OrgKind;

  @Column({ type: "enum", enum: OrgStatus, enumName: "org_status", default: OrgStatus.ACTIVE })
  status: OrgStatus;

  // Why the platform last suspended the member (null once reinstated), and when its status last changed.
  @Column({ name: "status_reason", type: "text", nullable: true })
  statusReason: string | null;

  @Column({ name: "status_changed_at", type: "timestamptz", nullable: true })
  statusChangedAt: Date | null;

  // The domains its users' addresses are at: its admins invite addresses there only, so that no
  // member can try another organization's people's addresses (an invitation's holder would learn
  // at acceptance whether an account exists). The platform sets them; a new member starts with its
  // admin's domain.
  @Column({ name: "email_domains", type: "text", array: true, default: () => "'{}'" })
  emailDomains: string[];

  @Column({ name: "joined_at", type: "timestamptz", default: () => "now()" })
  joinedAt: Date;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
