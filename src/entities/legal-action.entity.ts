import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { LegalActionStatus } from "./enums";
import { Organization } from "./organization.entity";
import { Seller } from "./seller.entity";
import { bigintAsNumber } from "./transformers";

// A lawsuit against a seller. The plaintiff (the platform or a member brand's organization) owns it.
@Entity("legal_action")
@Index("idx_legal_action_owner_filed", ["ownerOrgId", "filedOn", "id"])
export class LegalAction {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  // The plaintiff.
  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;

  @Index()
  @Column({ name: "seller_id", type: "uuid" })
  sellerId: string;

  @ManyToOne(() => Seller, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "seller_id" })
  seller?: Seller;

  @Column({ type: "text" })
  court: string;

  @Column({ name: "case_number", type: "text", nullable: true })
  caseNumber: string | null;

  @Column({ name: "claim_minor", type: "bigint", transformer: bigintAsNumber })
  claimMinor: number;

  // Claim and judgment are in one currency.
  @Column({ type: "char", length: 3 })
  currency: string;

  @Column({ name: "filed_on", type: "date" })
  filedOn: string;

  @Column({ type: "enum", enum: LegalActionStatus, enumName: "legal_action_status", default: LegalActionStatus.FILED })
  status: LegalActionStatus;

  @Column({ name: "judgment_minor", type: "bigint", transformer: bigintAsNumber, nullable: true })
  judgmentMinor: number | null;

  @Column({ name: "created_by_user_id", type: "uuid", nullable: true })
  createdByUserId: string | null;

  @Column({ name: "created_by_api_key_id", type: "uuid", nullable: true })
  createdByApiKeyId: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}
