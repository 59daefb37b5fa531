import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Organization } from "./organization.entity";
import { UserRole } from "./enums";

@Entity("app_user")
export class User {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;

  // Stored lower-cased, so the unique index is case-insensitive.
  @Column({ type: "text", unique: true })
  email: string;

  @Column({ name: "display_name", type: "text" })
  displayName: string;

  @Column({ type: "enum", enum: UserRole, enumName: "user_role" })
  role: UserRole;

  @Column({ name: "password_hash", type: "text" })
  passwordHash: string;

  @Column({ name: "disabled_at", type: "timestamptz", nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
