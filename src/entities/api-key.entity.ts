import { Column, CreateDateColumn, Entity } from "typeorm";
import { TenantOwned } from "./tenant-owned";

@Entity("api_key")
export class ApiKey extends TenantOwned {
  @Column({ type: "text" })
  name: string;

  // The first characters of the key, kept in clear so that an admin can tell keys apart.
  @Column({ type: "text" })
  prefix: string;

  // SHA-256 of the whole key; the key itself is shown once and never stored.
  @Column({ name: "key_hash", type: "text", unique: true })
  keyHash: string;

  @Column({ type: "text", array: true })
  scopes: string[];

  @Column({ name: "created_by_user_id", type: "uuid", nullable: true })
  createdByUserId: string | null;

  // Millisecond precision, so that a pagination cursor holds the exact value.
  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @Column({ name: "expires_at", type: "timestamptz", nullable: true })
  expiresAt: Date | null;

  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;

  @Column({ name: "last_used_at", type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;
}
