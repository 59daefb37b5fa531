import { Column, Entity, JoinColumn, ManyToOne, Unique } from "typeorm";
import { TenantOwned } from "./tenant-owned";
import { ProgressReport } from "./progress-report.entity";
import type { MemberFigure } from "./report-table";

// One member's own, unsuppressed figures for one report: shown to that member beside the alliance's.
@Entity("progress_report_member_figures")
@Unique("uq_progress_report_member_figures", ["reportId", "ownerOrgId"])
export class ProgressReportMemberFigures extends TenantOwned {
  @Column({ name: "report_id", type: "uuid" })
  reportId: string;

  @ManyToOne(() => ProgressReport, { onDelete: "CASCADE" })
  @JoinColumn({ name: "report_id" })
  report?: ProgressReport;

  @Column({ type: "jsonb" })
  figures: MemberFigure[];
}
