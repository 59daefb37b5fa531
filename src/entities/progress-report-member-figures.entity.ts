import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Organization } from "./organization.entity";
import { ProgressReport } from "./progress-report.entity";
import type { MemberFigure } from "./report-table";

// One member's own, unsuppressed figures for one report: shown to that member beside the alliance's.
@Entity("progress_report_member_figures")
@Unique("uq_progress_report_member_figures", ["reportId", "ownerOrgId"])
export class ProgressReportMemberFigures {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ name: "owner_org_id", type: "uuid" })
  ownerOrgId: string;

  @ManyToOne(() => Organization, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "owner_org_id" })
  ownerOrg?: Organization;

  @Column({ name: "report_id", type: "uuid" })
  reportId: string;

  @ManyToOne(() => ProgressReport, { onDelete: "CASCADE" })
  @JoinColumn({ name: "report_id" })
  report?: ProgressReport;

  @Column({ type: "jsonb" })
  figures: MemberFigure[];
}
