import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from "typeorm";
import { ReportPeriodKind, ReportStatus } from "./enums";
import type { ReportMetric, ReportTable } from "./report-table";

// The alliance's figures for one month or quarter, already passed through disclosure control:
// `tables` never holds a suppressed value. Each member's own figures are in
// progress_report_member_figures, readable by that member only.
@Entity("progress_report")
@Unique("uq_progress_report_period", ["periodKind", "periodStart"])
export class ProgressReport {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "period_kind", type: "enum", enum: ReportPeriodKind, enumName: "report_period_kind" })
  periodKind: ReportPeriodKind;

  // "2026-10" or "2026-Q4".
  @Column({ type: "text" })
  period: string;

  @Column({ name: "period_start", type: "timestamptz" })
  periodStart: Date;

  @Column({ name: "period_end", type: "timestamptz" })
  periodEnd: Date;

  @Column({ type: "enum", enum: ReportStatus, enumName: "report_status", default: ReportStatus.DRAFT })
  status: ReportStatus;

  @Column({ type: "jsonb" })
  tables: ReportTable[];

  // The metrics the report computed. A money metric has one table per currency present, so none
  // at all in a period without any: this list tells "none" from "not computed" (a report made
  // before the metric existed), which a quarter derived from its months needs.
  @Column({ type: "jsonb", default: () => "'[]'" })
  metrics: ReportMetric[];

  // The disclosure-control parameters the tables were built with.
  @Column({ name: "min_contributors", type: "int" })
  minContributors: number;

  @Column({ name: "dominance_share", type: "real" })
  dominanceShare: number;

  @Column({ name: "generated_at", type: "timestamptz" })
  generatedAt: Date;

  // A month's: the referral data its raid and outcome figures rest on, as generated (an md5,
  // figure-sources.ts, referralFingerprint). Publishing pins the referrals dated in the month as
  // they are then, so it refuses the month when they no longer match its figures. None for a
  // quarter, built from published months, and for a month generated before it was recorded.
  @Column({ name: "referral_fingerprint", type: "text", nullable: true })
  referralFingerprint: string | null;

  @Column({ name: "reviewed_at", type: "timestamptz", nullable: true })
  reviewedAt: Date | null;

  @Column({ name: "review_note", type: "text", nullable: true })
  reviewNote: string | null;

  @Column({ name: "published_at", type: "timestamptz", nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
