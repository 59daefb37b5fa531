import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index } from "typeorm";
import { SuspectedInfringement } from "./suspected-infringement.entity";
import { sameOwnerAs, TenantOwned } from "./tenant-owned";
import { InfringementStatus } from "./enums";

// A note on an infringement; a review decision is a note that also records the status change.
@Entity("infringement_note")
@Index("idx_infringement_note_infringement", ["infringementId", "createdAt"])
export class InfringementNote extends TenantOwned {
  @Column({ name: "infringement_id", type: "uuid" })
  infringementId: string;

  @ManyToOne(() => SuspectedInfringement, { onDelete: "RESTRICT" })
  @JoinColumn(sameOwnerAs("infringement_id"))
  infringement?: SuspectedInfringement;

  @Column({ name: "author_user_id", type: "uuid", nullable: true })
  authorUserId: string | null;

  @Column({ name: "author_api_key_id", type: "uuid", nullable: true })
  authorApiKeyId: string | null;

  @Column({ type: "text" })
  body: string;

  @Column({ name: "from_status", type: "enum", enum: InfringementStatus, enumName: "infringement_status", nullable: true })
  fromStatus: InfringementStatus | null;

  @Column({ name: "to_status", type: "enum", enum: InfringementStatus, enumName: "infringement_status", nullable: true })
  toStatus: InfringementStatus | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
