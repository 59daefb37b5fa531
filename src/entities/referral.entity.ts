import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { ReferralStatus } from "./enums";
import { Organization } from "./organization.entity";
import { bigintAsNumber } from "./transformers";

// A bundle of confirmed infringements (and so their sellers) that the platform sends to one law
// enforcement agency, with the outcome the agency records. The agency is the tenant that sees it:
// agency_org_id plays the part of owner_org_id in the row scopes.
@Entity("referral")
@Index("idx_referral_agency_created", ["agencyOrgId", "createdAt", "id"])
// What the referred cases' rows refer to, with their agency (sameOwnerAs).
@Unique("uq_referral_id_agency", ["id", "agencyOrgId"])
export class Referral {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "agency_org_id", type: "uuid" })
  agencyOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "agency_org_id" })
  agencyOrg?: Organization;

  @Column({ type: "text" })
  summary: string;

  @Column({ type: "enum", enum: ReferralStatus, enumName: "referral_status", default: ReferralStatus.REFERRED })
  status: ReferralStatus;

  @Column({ name: "raid_date", type: "date", nullable: true })
  raidDate: string | null;

  @Column({ type: "int", default: 0 })
  arrests: number;

  @Column({ name: "seized_units", type: "int", default: 0 })
  seizedUnits: number;

  @Column({ name: "seized_value_minor", type: "bigint", transformer: bigintAsNumber, nullable: true })
  seizedValueMinor: number | null;

  @Column({ name: "seized_value_currency", type: "char", length: 3, nullable: true })
  seizedValueCurrency: string | null;

  // When the agency first recorded an outcome figure (arrests, seized units or value); never moved
  // afterwards. Progress reports date a referral's outcome by its raid date, or by this without one.
  @Column({ name: "outcome_recorded_at", type: "timestamptz", nullable: true })
  outcomeRecordedAt: Date | null;

  // The start of the month whose published report counted its raid, or its outcome figures: they
  // stay dated in that month, whatever raid date the agency gives later, so that no other month's
  // report counts them again (src/domain/reports/figure-sources.ts).
  @Column({ name: "raid_reported_in", type: "timestamptz", nullable: true })
  raidReportedIn: Date | null;

  @Column({ name: "outcome_reported_in", type: "timestamptz", nullable: true })
  outcomeReportedIn: Date | null;

  // Set when the platform withdraws a referral it sent in error; the cases it held are then no
  // longer the agency's, and are named in the withdrawal's audit event.
  @Column({ name: "withdrawn_at", type: "timestamptz", nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: "withdrawal_reason", type: "text", nullable: true })
  withdrawalReason: string | null;

  @Column({ name: "created_by_user_id", type: "uuid", nullable: true })
  createdByUserId: string | null;

  @Column({ name: "created_by_api_key_id", type: "uuid", nullable: true })
  createdByApiKeyId: string | null;

  // Millisecond precision, so that a pagination cursor holds the exact value.
  @CreateDateColumn({ name: "created_at", type: "timestamptz", precision: 3 })
  createdAt: Date;

  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt: Date;
}
