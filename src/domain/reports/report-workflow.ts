import type { DataSource, EntityManager } from "typeorm";
import { scopedQuery } from "../../auth/scoped-query";
import type { Viewer } from "../../auth/viewer";
import type { Config } from "../../config";
import { ProgressReport, ProgressReportMemberFigures } from "../../entities";
import { ReportPeriodKind, ReportStatus } from "../../entities/enums";
import { badInput, conflict, notFound } from "../../errors";
import { recordAudit } from "../audit";
import { parsePeriod, type ReportPeriod } from "./period";
import { pinReportedReferrals, referralFingerprint } from "./figure-sources";
import { buildMonthReport, buildQuarterReport, type BuiltReport } from "./report-builder";
import { lockKey } from "../../db/advisory-lock";
import { inTransactionAs } from "../../auth/live-credential";
import { optionalText } from "../validation";

const MAX_NOTE_LENGTH = 5000;

// DRAFT -> REVIEWED -> PUBLISHED. Regenerating a draft or a reviewed report starts it over as a
// draft; a published report never changes (a quarter is built from published months, and members
// may already hold what was published).
export async function generateProgressReport(dataSource: DataSource, config: Config, viewer: Viewer, periodLabel: string, now = new Date()) {
  const period = parsePeriod(periodLabel);
  // Published, a report never changes: one of a period still running would leave out the rest of it for good.
  if (period.end > now) {
    throw badInput(`${period.label} has not ended: a report covers a finished period (this one can be generated from ${period.end.toISOString().slice(0, 10)})`);
  }
  // One snapshot for the whole report (REPEATABLE READ): each figure source is a statement of its
  // own, and at READ COMMITTED a referral changed between two of them had its seizures counted
  // without its raid, or the referral fingerprint described other data than the figures. The
  // snapshot is taken by the lock's statement, before it waits for another generation of the period:
  // the report row that one updated is then a serialization failure, and run again.
  return inTransactionAs(dataSource, viewer, async (manager) => {
    await lockKey(manager, "progress_report", period.label);
    const existing = await scopedQuery(manager, viewer, ProgressReport, "report")
      .andWhere("report.period_kind = :kind AND report.period_start = :start", { kind: period.kind, start: period.start })
      .setLock("pessimistic_write")
      .getOne();
    if (existing?.status === ReportStatus.PUBLISHED) {
      throw badInput(`The report for ${period.label} is published and cannot be regenerated`, { status: existing.status });
    }
    const built =
      period.kind === ReportPeriodKind.MONTH
        ? await buildMonthReport(manager, period, config.reports)
        : await buildFromPublishedMonths(manager, viewer, period);
    const fields = {
      referralFingerprint: period.kind === ReportPeriodKind.MONTH ? await referralFingerprint(manager, period) : null,
      periodKind: period.kind,
      period: period.label,
      periodStart: period.start,
      periodEnd: period.end,
      status: ReportStatus.DRAFT,
      tables: built.tables,
      metrics: built.metrics,
      minContributors: config.reports.minContributors,
      dominanceShare: config.reports.dominanceShare,
      generatedAt: new Date(),
      reviewedAt: null,
      reviewNote: null,
      publishedAt: null,
    };
    let report: ProgressReport;
    if (existing) {
      await manager.update(ProgressReport, { id: existing.id }, fields);
      await manager.delete(ProgressReportMemberFigures, { reportId: existing.id });
      report = Object.assign(existing, fields);
    } else {
      // A report of the period that another generation inserted after this one's snapshot is not
      // seen above; ON CONFLICT makes inserting it again a serialization failure at REPEATABLE READ
      // (run again, to regenerate that report), where a plain insert would break the unique key.
      const inserted = await manager.createQueryBuilder().insert().into(ProgressReport).values(fields).orIgnore().execute();
      report = manager.create(ProgressReport, { ...fields, ...inserted.generatedMaps[0] });
    }
    const rows = [...built.memberFigures].map(([ownerOrgId, figures]) => ({ ownerOrgId, reportId: report.id, figures }));
    if (rows.length) await manager.insert(ProgressReportMemberFigures, rows);
    await recordAudit(manager, viewer, {
      action: "progressReport.generate",
      targetType: "ProgressReport",
      targetId: report.id,
      after: { period: period.label },
    });
    return report;
  }, "REPEATABLE READ");
}

async function buildFromPublishedMonths(manager: EntityManager, viewer: Viewer, period: ReportPeriod): Promise<BuiltReport> {
  const months = await scopedQuery(manager, viewer, ProgressReport, "report")
    .andWhere("report.period_kind = :kind AND report.period = ANY(:labels) AND report.status = :published", {
      kind: ReportPeriodKind.MONTH,
      labels: period.months,
      published: ReportStatus.PUBLISHED,
    })
    .orderBy("report.period_start", "ASC")
    .getMany();
  if (months.length !== period.months.length) {
    const have = new Set(months.map((month) => month.period));
    const missing = period.months.filter((label) => !have.has(label));
    throw conflict(
      `A quarter is built from its published months, so that it cannot be subtracted from them: publish ${missing.join(", ")} first`,
    );
  }
  const figures = await scopedQuery(manager, viewer, ProgressReportMemberFigures, "figures")
    .andWhere("figures.report_id = ANY(:ids)", { ids: months.map((month) => month.id) })
    .getMany();
  return buildQuarterReport(
    months.map((month) => ({
      tables: month.tables,
      metrics: month.metrics,
      memberFigures: figures.filter((row) => row.reportId === month.id).map((row) => ({ orgId: row.ownerOrgId, figures: row.figures })),
    })),
  );
}

const NEXT: Partial<Record<ReportStatus, ReportStatus>> = {
  [ReportStatus.DRAFT]: ReportStatus.REVIEWED,
  [ReportStatus.REVIEWED]: ReportStatus.PUBLISHED,
};

// `review`: what a review says, and the figures it approves, by when they were generated (none: the
// report's, whichever they are).
async function advance(
  dataSource: DataSource,
  viewer: Viewer,
  id: string,
  to: ReportStatus,
  review: { note: string | null; generatedAt: Date | null } | null,
) {
  // Publishing a month checks its referrals against its figures, then pins them: in one snapshot
  // (REPEATABLE READ), so that the pin dates exactly the referrals the check found. At READ
  // COMMITTED a raid date moved out of the month between the two statements would pass the check
  // and escape the pin; at REPEATABLE READ it makes the pin a serialization failure, and the
  // publication runs again, and is refused.
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const report = await scopedQuery(manager, viewer, ProgressReport, "report")
      .andWhere("report.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    if (!report) throw notFound("ProgressReport");
    // Regenerating keeps the report's id and makes it a DRAFT again: a review of the figures
    // generated before would otherwise approve ones its reviewer never saw.
    if (review?.generatedAt && review.generatedAt.getTime() !== report.generatedAt.getTime()) {
      throw conflict(`The report was regenerated since: review the figures generated at ${report.generatedAt.toISOString()}`);
    }
    if (NEXT[report.status] !== to) {
      const allowed = NEXT[report.status];
      throw badInput(`A ${report.status} report cannot become ${to}; ${allowed ? `next it can become ${allowed}` : "it is final"}`, {
        allowedStatuses: allowed ? [allowed] : [],
      });
    }
    // A quarter counts nothing of its own: it is built from its published months.
    const pinned = to === ReportStatus.PUBLISHED && report.periodKind === ReportPeriodKind.MONTH ? parsePeriod(report.period) : null;
    if (pinned && (await referralFingerprint(manager, pinned)) !== report.referralFingerprint) {
      throw conflict(
        `The referrals' raids or outcomes in ${report.period} changed since this report was generated ` +
          `(${report.generatedAt.toISOString()}), so publishing would not pin the ones its figures count: generate it again, then review and publish it`,
      );
    }
    const now = new Date();
    const changes = review ? { status: to, reviewedAt: now, reviewNote: review.note } : { status: to, publishedAt: now };
    await manager.update(ProgressReport, { id }, changes);
    if (pinned) await pinReportedReferrals(manager, pinned);
    await recordAudit(manager, viewer, {
      action: to === ReportStatus.REVIEWED ? "progressReport.review" : "progressReport.publish",
      targetType: "ProgressReport",
      targetId: id,
      before: { status: report.status },
      after: { status: to },
    });
    return Object.assign(report, changes);
  }, "REPEATABLE READ");
}

export function reviewProgressReport(
  dataSource: DataSource,
  viewer: Viewer,
  input: { id: string; note?: string | null; generatedAt?: Date | null },
) {
  const note = optionalText(input.note, "note", MAX_NOTE_LENGTH);
  return advance(dataSource, viewer, input.id, ReportStatus.REVIEWED, { note, generatedAt: input.generatedAt ?? null });
}

export const publishProgressReport = (dataSource: DataSource, viewer: Viewer, id: string) =>
  advance(dataSource, viewer, id, ReportStatus.PUBLISHED, null);
