import type { EntityManager } from "typeorm";
import { Marketplace } from "../../entities/enums";
import type { MemberFigure, ReportMetric, ReportTable } from "../../entities/report-table";
import { deriveQuarterTable, platformTable, protectMemberTable, type DisclosureRules } from "./disclosure-control";
import { FIGURE_SOURCES, membersByCategory, UNCATEGORIZED, type Contribution, type FigureSource } from "./figure-sources";
import type { ReportPeriod } from "./period";

export interface BuiltReport {
  tables: ReportTable[];
  // The metrics computed (see ProgressReport.metrics).
  metrics: ReportMetric[];
  // Each member's own, unsuppressed figures.
  memberFigures: Map<string, MemberFigure[]>;
}

const MARKETPLACES = Object.values(Marketplace);

const figureKey = (metric: ReportMetric, currency: string | null | undefined, category: string | null, marketplace: string | null) =>
  JSON.stringify([metric, currency ?? null, category, marketplace]);

function addMemberFigures(into: Map<string, Map<string, MemberFigure>>, metric: ReportMetric, contributions: Contribution[]) {
  for (const { orgId, category, marketplace, value, currency } of contributions) {
    if (!orgId) continue;
    const figures = into.get(orgId) ?? new Map<string, MemberFigure>();
    for (const c of [category, null]) {
      for (const m of [marketplace, null]) {
        const key = figureKey(metric, currency, c, m);
        const figure = figures.get(key) ?? { metric, ...(currency ? { currency } : {}), category: c, marketplace: m, value: 0 };
        figure.value += value;
        figures.set(key, figure);
      }
    }
    into.set(orgId, figures);
  }
}

const flatten = (figures: Map<string, Map<string, MemberFigure>>) =>
  new Map([...figures].map(([orgId, byKey]) => [orgId, [...byKey.values()]]));

// A money figure's contributions by currency (one table each, never summed across currencies);
// a count's all together.
function byCurrency(source: FigureSource, contributions: Contribution[]): [string | null, Contribution[]][] {
  if (!source.money) return [[null, contributions]];
  const groups = new Map<string, Contribution[]>();
  for (const contribution of contributions) {
    if (!contribution.currency) throw new Error(`${source.metric}: a money contribution without a currency`);
    groups.set(contribution.currency, [...(groups.get(contribution.currency) ?? []), contribution]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

// A month straight from the data, each figure source on its own.
export async function buildMonthReport(
  manager: EntityManager,
  period: ReportPeriod,
  rules: DisclosureRules,
  sources: FigureSource[] = FIGURE_SOURCES,
): Promise<BuiltReport> {
  const catalogue: { category: string }[] = await manager.query(`SELECT DISTINCT category FROM product ORDER BY category`);
  const membersOf = await membersByCategory(manager);
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
    for (const [currency, ofCurrency] of byCurrency(source, contributions)) {
      const marketplaces = source.withoutMarketplace ? [] : MARKETPLACES;
      tables.push(protectMemberTable(source.metric, currency, { categories, marketplaces, membersOf }, ofCurrency, rules));
    }
    addMemberFigures(figures, source.metric, contributions);
  }
  return { tables, metrics: sources.map((source) => source.metric), memberFigures: flatten(figures) };
}

export interface PublishedMonth {
  tables: ReportTable[];
  metrics: ReportMetric[];
  memberFigures: { orgId: string; figures: MemberFigure[] }[];
}

// A quarter from its three published months only (disclosure-control.ts, point 3). A metric is in
// the quarter when all three months computed it; each of its tables (one per currency for money)
// is derived from the months' same tables, a month without one having had none of it.
export function buildQuarterReport(months: PublishedMonth[]): BuiltReport {
  const metrics = months[0].metrics.filter((metric) => months.every((month) => month.metrics.includes(metric)));
  const tableKey = (table: Pick<ReportTable, "metric" | "currency">) => JSON.stringify([table.metric, table.currency ?? null]);
  const kinds = new Map<string, ReportTable>();
  for (const month of months) for (const table of month.tables) if (!kinds.has(tableKey(table))) kinds.set(tableKey(table), table);
  const tables = metrics.flatMap((metric) =>
    [...kinds.values()]
      .filter((table) => table.metric === metric)
      .sort((a, b) => (a.currency ?? "").localeCompare(b.currency ?? ""))
      .map((table) => deriveQuarterTable(table, months.map((month) => month.tables.find((t) => tableKey(t) === tableKey(table))))),
  );
  const figures = new Map<string, Map<string, MemberFigure>>();
  for (const month of months) {
    for (const { orgId, figures: own } of month.memberFigures) {
      const byKey = figures.get(orgId) ?? new Map<string, MemberFigure>();
      for (const figure of own) {
        if (!metrics.includes(figure.metric)) continue;
        const key = figureKey(figure.metric, figure.currency, figure.category, figure.marketplace);
        const sum = byKey.get(key) ?? { ...figure, value: 0 };
        sum.value += figure.value;
        byKey.set(key, sum);
      }
      figures.set(orgId, byKey);
    }
  }
  return { tables, metrics, memberFigures: flatten(figures) };
}
