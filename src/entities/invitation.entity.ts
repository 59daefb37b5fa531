import { Column, CreateDateColumn, Entity } from "typeorm";
import { InvitationKind, UserRole } from "./enums";
import { TenantOwned } from "./tenant-owned";

export interface InvitedBrand {
  name: string;
  aliases: string[];
}

// A single-use, expiring invitation. Only the SHA-256 of its token is stored; the token is shown
// once to whoever invites. owner_org_id is the inviting organization (the platform for MEMBER).
@Entity("invitation")
export class Invitation extends TenantOwned {
  @Column({ type: "enum", enum: InvitationKind, enumName: "invitation_kind" })
  kind: InvitationKind;

  // Stored lower-cased, like app_user.email.
  @Column({ type: "text" })
  email: string;

  @Column({ name: "display_name", type: "text" })
  displayName: string;

  @Column({ type: "enum", enum: UserRole, enumName: "user_role" })
  role: UserRole;

  // MEMBER only: the organization and brands that accepting creates.
  @Column({ name: "organization_name", type: "text", nullable: true })
  organizationName: string | null;

  @Column({ type: "jsonb", default: () => "'[]'" })
  brands: InvitedBrand[];

  @Column({ name: "token_hash", type: "text", unique: true })
  tokenHash: string;

  @Column({ name: "invited_by_user_id", type: "uuid" })
  invitedByUserId: string;

  @Column({ name: "expires_at", type: "timestamptz" })
  expiresAt: Date;

  @Column({ name: "accepted_at", type: "timestamptz", nullable: true })
  acceptedAt: Date | null;

  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;

  // The organization the invitation created (MEMBER) or joined (USER), once accepted.
  @Column({ name: "accepted_org_id", type: "uuid", nullable: true })
  acceptedOrgId: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
