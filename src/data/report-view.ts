import { ownFigureShownIn, suppressionShownTo } from "../auth/report-visibility";
import type { Viewer } from "../auth/viewer";
import type { ProgressReportMemberFigures } from "../entities";
import type { ReportCell, ReportTable } from "../entities/report-table";

export type ReportTableWithOwn = Omit<ReportTable, "cells"> & { cells: (ReportCell & { ownValue: number | null })[] };

const keyOf = (metric: string, currency: string | null | undefined, category: string | null, marketplace: string | null) =>
  JSON.stringify([metric, currency ?? null, category, marketplace]);

// The published tables as the viewer reads them: each withheld cell's reason as it may know it,
// and its own figure beside each cell where it may read one (ownFigureShownIn), 0 where it
// contributed nothing; null elsewhere, and for the platform and agencies, which are not members.
export function withOwnFigures(viewer: Viewer, tables: ReportTable[], own: ProgressReportMemberFigures | null): ReportTableWithOwn[] {
  const ownValues = new Map((own?.figures ?? []).map((f) => [keyOf(f.metric, f.currency, f.category, f.marketplace), f.value]));
  return tables.map((table) => {
    const ownShown = ownFigureShownIn(viewer, table);
    return {
      ...table,
      currency: table.currency ?? null,
      cells: table.cells.map((cell) => ({
        ...cell,
        suppression: suppressionShownTo(viewer, cell.suppression),
        ownValue: ownShown ? (ownValues.get(keyOf(table.metric, table.currency, cell.category, cell.marketplace)) ?? 0) : null,
      })),
    };
  });
}
