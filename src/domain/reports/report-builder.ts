import type { EntityManager } from "typeorm";
import { Marketplace } from "../../entities/enums";
import type { MemberFigure, ReportTable } from "../../entities/report-table";
import { deriveQuarterTable, platformTable, protectMemberTable, type DisclosureRules } from "./disclosure-control";
import { FIGURE_SOURCES, UNCATEGORIZED, type Contribution, type FigureSource } from "./figure-sources";
import type { ReportPeriod } from "./period";

export interface BuiltReport {
  tables: ReportTable[];
  // Each member's own, unsuppressed figures.
  memberFigures: Map<string, MemberFigure[]>;
}

const MARKETPLACES = Object.values(Marketplace);

function addMemberFigures(into: Map<string, Map<string, MemberFigure>>, metric: FigureSource["metric"], contributions: Contribution[]) {
  for (const { orgId, category, marketplace, value } of contributions) {
    if (!orgId) continue;
    const figures = into.get(orgId) ?? new Map<string, MemberFigure>();
    for (const c of [category, null]) {
      for (const m of [marketplace, null]) {
        const key = JSON.stringify([metric, c, m]);
        const figure = figures.get(key) ?? { metric, category: c, marketplace: m, value: 0 };
        figure.value += value;
        figures.set(key, figure);
      }
    }
    into.set(orgId, figures);
  }
}

const flatten = (figures: Map<string, Map<string, MemberFigure>>) =>
  new Map([...figures].map(([orgId, byKey]) => [orgId, [...byKey.values()]]));

// A month straight from the data, each figure source on its own.
export async function buildMonthReport(
  manager: EntityManager,
  period: ReportPeriod,
  rules: DisclosureRules,
  sources: FigureSource[] = FIGURE_SOURCES,
): Promise<BuiltReport> {
  const catalogue: { category: string }[] = await manager.query(`SELECT DISTINCT category FROM product ORDER BY category`);
  const tables: ReportTable[] = [];
  const figures = new Map<string, Map<string, MemberFigure>>();
  for (const source of sources) {
    const contributions = await source.collect(manager, period);
    if (source.attribution === "PLATFORM") {
      tables.push(platformTable(source.metric, MARKETPLACES, contributions));
      continue;
    }
    const categories = catalogue.map((row) => row.category);
    if (contributions.some((c) => c.category === UNCATEGORIZED) && !categories.includes(UNCATEGORIZED)) categories.push(UNCATEGORIZED);
    tables.push(protectMemberTable(source.metric, categories, MARKETPLACES, contributions, rules));
    addMemberFigures(figures, source.metric, contributions);
  }
  return { tables, memberFigures: flatten(figures) };
}

// A quarter from its three published months only (disclosure-control.ts, point 3); a metric is in
// the quarter when all three months have it.
export function buildQuarterReport(
  months: { tables: ReportTable[]; memberFigures: { orgId: string; figures: MemberFigure[] }[] }[],
): BuiltReport {
  const metrics = months[0].tables.map((table) => table.metric).filter((metric) => months.every((m) => m.tables.some((t) => t.metric === metric)));
  const tables = metrics.map((metric) => deriveQuarterTable(months.map((m) => m.tables.find((t) => t.metric === metric) as ReportTable)));
  const figures = new Map<string, Map<string, MemberFigure>>();
  for (const month of months) {
    for (const { orgId, figures: own } of month.memberFigures) {
      const byKey = figures.get(orgId) ?? new Map<string, MemberFigure>();
      for (const figure of own) {
        const key = JSON.stringify([figure.metric, figure.category, figure.marketplace]);
        const sum = byKey.get(key) ?? { ...figure, value: 0 };
        sum.value += figure.value;
        byKey.set(key, sum);
      }
      figures.set(orgId, byKey);
    }
  }
  return { tables, memberFigures: flatten(figures) };
}
