import type { EntityManager } from "typeorm";
import type { MemberFigure, ReportMetric, ReportTable } from "../../entities/report-table";
import { deriveQuarterTable, platformTable, protectMemberTables, type DisclosureRules, type MemberTableFigures } from "./disclosure-control";
import { FIGURE_SOURCES, LINKED_METRICS, ownersByCategory, UNCATEGORIZED, type Contribution, type FigureSource } from "./figure-sources";
import type { ReportPeriod } from "./period";
import { byCategory, MARKETPLACES } from "./table-order";

export interface BuiltReport {
  tables: ReportTable[];
  // The metrics computed (see ProgressReport.metrics).
  metrics: ReportMetric[];
  // Each member's own, unsuppressed figures.
  memberFigures: Map<string, MemberFigure[]>;
}

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
  const { ownersOf, members } = await ownersByCategory(manager, period);
  // A report goes to every member, and a category is a name from members' catalogues: it is named
  // only when enough members could contribute to it (their brands' main category), and the figures
  // of one that fewer members' brands are in count under UNCATEGORIZED. Enough is one more than
  // the minimum of contributors: to each of its members, the others must still be that many, or
  // its zeros would be their exact figures (and withheld, their row with them).
  const named = [...ownersOf]
    .filter(([category, owners]) => category !== UNCATEGORIZED && owners.size > rules.minContributors)
    .map(([category]) => category)
    .sort(byCategory);
  // UNCATEGORIZED is a row like the others: those who could contribute to it are the owners of the
  // brands in no named category (a brand's figures are its category's), and every member only for a
  // figure that may concern no brand. Counting every member for a brand's figures published the
  // zeros of a row that one member's brands make up.
  const unnamedOwners = new Set([...ownersOf].filter(([category]) => !named.includes(category)).flatMap(([, owners]) => [...owners]));
  const membersOf = (group: FigureSource[]) =>
    new Map([
      ...named.map((category): [string, number] => [category, ownersOf.get(category)!.size]),
      [UNCATEGORIZED, group.some((source) => source.concernsNoBrand) ? members : unnamedOwners.size],
    ]);
  const inNamed = (c: Contribution): Contribution =>
    c.category === null || c.category === UNCATEGORIZED || named.includes(c.category) ? c : { ...c, category: UNCATEGORIZED };
  const collected = new Map<ReportMetric, Contribution[]>();
  const figures = new Map<string, Map<string, MemberFigure>>();
  for (const source of sources) {
    const contributions = (await source.collect(manager, period)).map(inNamed);
    collected.set(source.metric, contributions);
    if (source.attribution === "MEMBERS") addMemberFigures(figures, source.metric, contributions);
  }

  const tablesOf = new Map<ReportMetric, ReportTable[]>();
  const add = (table: ReportTable) => tablesOf.set(table.metric, [...(tablesOf.get(table.metric) ?? []), table]);
  for (const group of protectedTogether(sources)) {
    const [first] = group;
    if (first.attribution === "PLATFORM") {
      add(platformTable(first.metric, MARKETPLACES, collected.get(first.metric) ?? []));
      continue;
    }
    const categories = [...named];
    const contributions = group.flatMap((source) => collected.get(source.metric) ?? []);
    const couldContribute = membersOf(group);
    // The row is there whenever a member could have contributed to it, as a named category's is:
    // left out when nothing in it happened, its absence would say that its few members did nothing.
    const uncategorized = couldContribute.get(UNCATEGORIZED)! > 0 || contributions.some((c) => c.category === UNCATEGORIZED);
    if (uncategorized && !categories.includes(UNCATEGORIZED)) categories.push(UNCATEGORIZED);
    const soleMemberOf = new Map<string, string>();
    if (couldContribute.get(UNCATEGORIZED) === 1 && unnamedOwners.size === 1) soleMemberOf.set(UNCATEGORIZED, [...unnamedOwners][0]);
    const shape = { categories, marketplaces: first.withoutMarketplace ? [] : MARKETPLACES, membersOf: couldContribute, soleMemberOf };
    // A money metric's currencies are tables of their own, never linked to each other.
    const byCurrencyOfGroup = new Map<string | null, MemberTableFigures[]>();
    for (const source of group) {
      for (const [currency, ofCurrency] of byCurrency(source, collected.get(source.metric) ?? [])) {
        byCurrencyOfGroup.set(currency, [...(byCurrencyOfGroup.get(currency) ?? []), { metric: source.metric, currency, contributions: ofCurrency }]);
      }
    }
    for (const ofCurrency of byCurrencyOfGroup.values()) protectMemberTables(ofCurrency, shape, rules).forEach(add);
  }
  return {
    tables: sources.flatMap((source) => tablesOf.get(source.metric) ?? []),
    metrics: sources.map((source) => source.metric),
    memberFigures: flatten(figures),
  };
}

// The sources whose tables are protected together: each alone, but LINKED_METRICS' together.
function protectedTogether(sources: FigureSource[]): FigureSource[][] {
  const groups: FigureSource[][] = [];
  for (const source of sources) {
    const linked = LINKED_METRICS.find((metrics) => metrics.includes(source.metric));
    if (!linked) groups.push([source]);
    else if (!groups.some((group) => group.includes(source))) groups.push(sources.filter((s) => linked.includes(s.metric)));
  }
  return groups;
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
