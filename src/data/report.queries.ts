import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { ProgressReport } from "../entities";
import type { ReportPeriodKind, ReportStatus } from "../entities/enums";
import { paginate, type PageRequest } from "./keyset-pagination";

// Newest period first; members and agencies see published reports only (the row scope).
export function listProgressReports(
  manager: EntityManager,
  viewer: Viewer,
  filter: { periodKind?: ReportPeriodKind; statuses?: ReportStatus[] },
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, ProgressReport, "report");
  if (filter.periodKind) query.andWhere("report.period_kind = :periodKind", { periodKind: filter.periodKind });
  if (filter.statuses) query.andWhere("report.status = ANY(:statuses)", { statuses: filter.statuses });
  return paginate(
    query,
    "report",
    { name: "periodStart", column: "period_start", kind: "instant", direction: "DESC", valueOf: (row) => row.periodStart.toISOString() },
    page,
  );
}
