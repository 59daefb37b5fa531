import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

// Append-only: written in the same transaction as the change it records, never updated.
@Entity("audit_event")
@Index("idx_audit_event_org_time", ["ownerOrgId", "createdAt"])
@Index("idx_audit_event_time", ["createdAt", "id"])
// The log's filters: an action or a kind of target (the platform's, or a member's own), and who
// acted. Without them a count read the whole log, and a page of a rare action walked it back.
@Index("idx_audit_event_action", ["action", "ownerOrgId", "createdAt"])
@Index("idx_audit_event_target_type", ["targetType", "ownerOrgId", "createdAt"])
@Index("idx_audit_event_actor_user", ["actorUserId", "createdAt"], { where: `"actor_user_id" IS NOT NULL` })
@Index("idx_audit_event_actor_key", ["actorApiKeyId", "createdAt"], { where: `"actor_api_key_id" IS NOT NULL` })
export class AuditEvent {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  // The organization of the actor; its admins may read the event.
  @Column({ name: "owner_org_id", type: "uuid", nullable: true })
  ownerOrgId: string | null;

  @Column({ name: "actor_user_id", type: "uuid", nullable: true })
  actorUserId: string | null;

  @Column({ name: "actor_api_key_id", type: "uuid", nullable: true })
  actorApiKeyId: string | null;

  @Column({ type: "text" })
  action: string;

  @Column({ name: "target_type", type: "text" })
  targetType: string;

  @Column({ name: "target_id", type: "uuid", nullable: true })
  targetId: string | null;

  @Column({ type: "jsonb", nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: "jsonb", nullable: true })
  after: Record<string, unknown> | null;

  // Millisecond precision, so that a pagination cursor holds the exact value.
  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;
}
