import { Column, CreateDateColumn, Entity } from "typeorm";
import { TenantOwned } from "./tenant-owned";
import { UserRole } from "./enums";

@Entity("app_user")
export class User extends TenantOwned {
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

  // When the account was last enabled again: a token issued before it (while, or before, it was
  // disabled) stays dead, rather than coming back to life with the account.
  @Column({ name: "tokens_valid_from", type: "timestamptz", nullable: true })
  tokensValidFrom: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
