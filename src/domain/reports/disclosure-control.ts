import { SuppressionReason, type ReportCell, type ReportMetric, type ReportTable } from "../../entities/report-table";
import type { Contribution } from "./figure-sources";
import { byCategory, byMarketplace } from "./table-order";

// Statistical disclosure control of the members' figures in a progress report.
//
// 1. Primary suppression: a cell (totals included) is withheld when fewer than `minContributors`
//    members contributed to it, or when one member accounts for more than `dominanceShare` of it:
//    otherwise a member that knows its own figure could subtract it and learn another member's.
//    A cell is also withheld when its largest contributor could tell every other's figure exactly
//    (EXACT_ESTIMATE): it knows the others' sum, and each of them has at least one unit (a member
//    with nothing is no contributor), so when that sum is their number (three members, 1 each; or
//    3, 1 and 1) it knows each is 1. And when the second largest could tell the largest's figure
//    within NARROW_SHARE of it (NARROW_ESTIMATE, the p% rule): it knows the largest is the others'
//    sum less the rest, and the rest is at least one unit each.
//    A category with fewer than `minContributors` members has its whole row withheld, zeros too:
//    everyone knows who the category's members are, so a published zero would be their exact
//    figure, and a withheld cell beside zeros would say where they were active. A zero is
//    published only where more than `minContributors` members could have contributed: to one of
//    them, a zero is the figure of every other, so it must stay k others.
//    Some readers know more than their own figures (`Contribution.knownBy`): an agency knows every
//    member's share of the referrals it received, a member every outcome of a referral holding its
//    cases. For each such reader, what is left of a cell once its knowledge is taken out must
//    itself be 0 or the work of at least `minContributors` - 1 members, none of whom it could pin
//    within NARROW_SHARE; else the cell is withheld.
// 2. Complementary suppression: each row of the table with its row total, and each column with
//    its column total, is a sum. A line with exactly one withheld cell gives it away (total minus
//    the rest). So does a line with one withheld cell that holds anything beyond what a reader
//    knows: a member alone in another withheld cell of the line (its own), or any reader beside
//    a withheld zero, subtracts it as known. So for every reader (every member, every other
//    knower, and one who knows nothing), until no line has exactly one withheld cell holding more
//    than it knows, another cell of such a line that does is withheld too: its smallest, or the
//    line's total when none is left. A withheld zero of a row of few members does hold more than
//    a reader knows (that they did nothing there), and so does every total that sums it: a column
//    whose other cells are published zeros withholds its total, or the zero would be its total
//    less the others.
// 3. Overlapping periods: a quarter is NOT computed from the raw data. It is derived from its three
//    published month reports (deriveQuarterTable): each quarter cell is the sum of the months'
//    published cells, withheld wherever any month withheld it. Every published quarter cell is
//    therefore a sum of published month cells: the quarter adds no information a member did not
//    already have from the months, so no subtraction between the reports (quarter minus months, or
//    one report's totals against the other's) recovers a withheld value. Each month's lines keep 0
//    or at least 2 withheld cells, so the union of the months' withheld cells in a quarter line has
//    0 or at least 2 as well. Months never overlap one another. This holds for every table alike:
//    counts, money tables (one per currency, each protected and derived on its own; a month
//    without a currency's table had none of it, all zero), and the referral outcomes that are
//    apportioned between members before they get here.
// 4. Linked tables: two tables that count nearly the same events (LINKED_METRICS in
//    figure-sources.ts: an approved takedown removes its listing) would each tell a member about
//    the other's withheld cells: a published cell of one bounds, or nearly is, the same withheld
//    cell of the other. Such tables are protected together: a cell withheld in one is withheld
//    in the other (LINKED_TABLE), and complementary suppression runs again on both, until both
//    withhold the same cells and no line of either has exactly one.
export interface DisclosureRules {
  minContributors: number;
  dominanceShare: number;
}

// How close to the largest contributor's figure the second largest may come: no closer than this share of it.
const NARROW_SHARE = 0.1;

type Key = string;
const keyOf = (category: string | null, marketplace: string | null): Key => JSON.stringify([category, marketplace]);

// Why a cell with these per-member values must be withheld, or null when it may be published.
// `couldContribute`: how many members could have contributed to it (a category's members; every
// member for a total). A zero cell of a line at least k members could contribute to tells nothing
// about any member and is published.
export function primarySuppression(memberValues: number[], rules: DisclosureRules, couldContribute = Infinity): SuppressionReason | null {
  if (couldContribute < rules.minContributors) return SuppressionReason.FEW_CONTRIBUTORS;
  const positive = memberValues.filter((value) => value > 0);
  const total = positive.reduce((sum, value) => sum + value, 0);
  if (total === 0) return null;
  if (positive.length < rules.minContributors) return SuppressionReason.FEW_CONTRIBUTORS;
  const [largest, second] = [...positive].sort((a, b) => b - a);
  if (largest > rules.dominanceShare * total) return SuppressionReason.DOMINANT_CONTRIBUTOR;
  if (total - largest === positive.length - 1) return SuppressionReason.EXACT_ESTIMATE;
  if (total - largest - second - (positive.length - 2) < NARROW_SHARE * largest) return SuppressionReason.NARROW_ESTIMATE;
  return null;
}

// The additive lines of a table: each row with its row total, each column with its column total
// (the totals row and column included, both ending in the grand total). The total comes last.
function linesOf(categories: (string | null)[], marketplaces: (string | null)[]): Key[][] {
  const rows = [...categories, null];
  const columns = [...marketplaces, null];
  return [
    ...rows.map((category) => columns.map((marketplace) => keyOf(category, marketplace))),
    ...columns.map((marketplace) => rows.map((category) => keyOf(category, marketplace))),
  ];
}

// The table's rows and columns, how many members could contribute to each category's row (for
// Uncategorized, see buildMonthReport), and a row's only member where one alone could.
export interface TableShape {
  categories: string[];
  marketplaces: string[];
  membersOf: ReadonlyMap<string, number>;
  soleMemberOf?: ReadonlyMap<string, string>;
}

// One table's members' figures, before protection.
export interface MemberTableFigures {
  metric: ReportMetric;
  currency: string | null;
  contributions: Contribution[];
}

// A member's part of a cell, and who knows it: the member, and `knownBy`.
interface Part {
  orgId: string;
  value: number;
  knownBy: ReadonlySet<string>;
}

// One who reads the report knowing nothing of anyone's figures (the public, a member with none).
const KNOWS_NOTHING = "";

// What `reader` does not know of a cell: its parts that neither are its own nor known to it, by member.
function unknownTo(parts: readonly Part[], reader: string): number[] {
  const byMember = new Map<string, number>();
  for (const part of parts) {
    if (part.orgId === reader || part.knownBy.has(reader)) continue;
    byMember.set(part.orgId, (byMember.get(part.orgId) ?? 0) + part.value);
  }
  return [...byMember.values()].filter((value) => value > 0);
}

// Whether a reader that knows part of a cell would learn too much of the rest from its total: one
// member alone in what is left (or fewer than k - 1), or the largest of it pinned within NARROW_SHARE.
function revealsRestTo(parts: readonly Part[], reader: string, rules: DisclosureRules): boolean {
  const rest = unknownTo(parts, reader);
  if (rest.length === 0) return false;
  if (rest.length < rules.minContributors - 1) return true;
  const largest = Math.max(...rest);
  const others = rest.reduce((sum, value) => sum + value, 0) - largest;
  return others - (rest.length - 1) < NARROW_SHARE * largest;
}

// A cell with its parts, for the checks that follow primary suppression. `coversFewMembers`: the
// cell is, or sums, a cell of a row that fewer than k + 1 members could contribute to, whose zeros
// are withheld too: what such a cell holds, a zero included, is unknown to every reader but
// `knownWholeBy`, the only member that could contribute to the rows of few it covers, if one.
interface CellWithParts extends ReportCell {
  parts: Part[];
  coversFewMembers: boolean;
  knownWholeBy: string | null;
}

// Each cell (totals included) with its value and its primary suppression, if any.
function primaryCells({ categories, marketplaces, membersOf, soleMemberOf }: TableShape, contributions: Contribution[], rules: DisclosureRules): Map<Key, CellWithParts> {
  const partsOf = new Map<Key, Part[]>();
  for (const { orgId, category, marketplace, value, knownBy } of contributions) {
    if (!orgId) continue;
    const part = { orgId, value, knownBy: new Set(knownBy ?? []) };
    for (const c of [category, null]) for (const m of [marketplace, null]) partsOf.set(keyOf(c, m), [...(partsOf.get(keyOf(c, m)) ?? []), part]);
  }

  const fewMembers = (category: string) => (membersOf.get(category) ?? 0) <= rules.minContributors;
  const rowsOfFew = categories.filter(fewMembers);
  // Who knows every row of few a cell covers: its only member, when the cell covers one such row.
  const knownWholeBy = (covered: string[]) => (covered.length === 1 ? (soleMemberOf?.get(covered[0]) ?? null) : null);
  const cells = new Map<Key, CellWithParts>();
  for (const category of [...categories, null]) {
    for (const marketplace of [...marketplaces, null]) {
      const parts = partsOf.get(keyOf(category, marketplace)) ?? [];
      const byMember = new Map<string, number>();
      for (const { orgId, value } of parts) byMember.set(orgId, (byMember.get(orgId) ?? 0) + value);
      const values = [...byMember.values()];
      const couldContribute = category === null ? Infinity : (membersOf.get(category) ?? 0);
      const value = values.reduce((sum, v) => sum + v, 0);
      const knowers = new Set(parts.flatMap((part) => [...part.knownBy]));
      const suppression =
        primarySuppression(values, rules, couldContribute) ??
        (value === 0 && couldContribute <= rules.minContributors ? SuppressionReason.FEW_CONTRIBUTORS : null) ??
        ([...knowers].some((reader) => revealsRestTo(parts, reader, rules)) ? SuppressionReason.FEW_CONTRIBUTORS : null);
      const covered = category === null ? rowsOfFew : rowsOfFew.filter((row) => row === category);
      cells.set(keyOf(category, marketplace), {
        category,
        marketplace,
        value,
        suppression,
        parts,
        coversFewMembers: covered.length > 0,
        knownWholeBy: knownWholeBy(covered),
      });
    }
  }
  return cells;
}

// Everyone whose knowledge complementary suppression must hold against: each member (its own
// figures), each other knower, and one who knows nothing.
function readersOf(cells: Map<Key, CellWithParts>): string[] {
  const readers = new Set<string>([KNOWS_NOTHING]);
  for (const cell of cells.values()) for (const part of cell.parts) [part.orgId, ...part.knownBy].forEach((reader) => readers.add(reader));
  return [...readers];
}

// Complementary suppression (point 2). For each reader, a line's withheld cells add up to what it
// can compute (the total less the published cells and what it knows of the withheld ones). When
// exactly one of them holds anything the reader does not know, that is its value; when none does,
// the reader learns that the others put nothing in them, which is what withholding a zero (or a
// cell it holds alone) was for. Either way, cells holding something it does not know are withheld
// until there are two. True when it withheld anything.
function withholdComplements(cells: Map<Key, CellWithParts>, lines: Key[][], readers: readonly string[]): boolean {
  let withheldAny = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const lineCells = line.map((key) => cells.get(key) as CellWithParts);
      const withheld = lineCells.filter((cell) => cell.suppression);
      if (withheld.length === 0) continue;
      for (const reader of readers) {
        const hidesFrom = (cell: CellWithParts) =>
          (cell.coversFewMembers && cell.knownWholeBy !== reader) || unknownTo(cell.parts, reader).length > 0;
        if (withheld.filter(hidesFrom).length >= 2) continue;
        const total = lineCells.at(-1) as CellWithParts;
        const candidates = lineCells
          .slice(0, -1)
          .filter((cell) => !cell.suppression && hidesFrom(cell))
          .sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
        const complement = candidates[0] ?? total;
        // Only a line that holds nothing beyond what the reader knows can offer nothing.
        if (complement.suppression || !hidesFrom(complement)) continue;
        complement.suppression = SuppressionReason.COMPLEMENTARY;
        withheld.push(complement);
        changed = withheldAny = true;
      }
    }
  }
  return withheldAny;
}

// Linked tables (point 4): a cell withheld in one of them is withheld in all. True when it
// withheld anything.
function withholdLinked(tables: Map<Key, CellWithParts>[]): boolean {
  let withheldAny = false;
  for (const key of tables[0].keys()) {
    if (!tables.some((cells) => cells.get(key)?.suppression)) continue;
    for (const cells of tables) {
      const cell = cells.get(key) as CellWithParts;
      if (cell.suppression) continue;
      cell.suppression = SuppressionReason.LINKED_TABLE;
      withheldAny = true;
    }
  }
  return withheldAny;
}

// Protects tables of one shape together: each on its own as points 1 and 2 say, and, when there
// are several, linked (point 4).
export function protectMemberTables(figures: MemberTableFigures[], shape: TableShape, rules: DisclosureRules): ReportTable[] {
  const tables = figures.map(({ contributions }) => primaryCells(shape, contributions, rules));
  const lines = linesOf(shape.categories, shape.marketplaces);
  const readers = tables.map(readersOf);
  for (let changed = true; changed; ) {
    changed = withholdLinked(tables);
    tables.forEach((cells, index) => {
      if (withholdComplements(cells, lines, readers[index])) changed = true;
    });
  }
  return figures.map(({ metric, currency }, index) => ({
    metric,
    attribution: "MEMBERS",
    currency,
    categories: shape.categories,
    marketplaces: shape.marketplaces,
    // The withheld values leave here: they are never stored with the report.
    cells: [...tables[index].values()].map(({ parts: _parts, coversFewMembers: _few, knownWholeBy: _knownBy, ...cell }) =>
      cell.suppression ? { ...cell, value: null } : cell,
    ),
  }));
}

// The platform's own figures: per marketplace and in all, nothing withheld.
export function platformTable(metric: ReportMetric, marketplaces: string[], contributions: Contribution[]): ReportTable {
  const byMarketplace = new Map<string, number>();
  for (const { marketplace, value } of contributions) byMarketplace.set(marketplace, (byMarketplace.get(marketplace) ?? 0) + value);
  const cells: ReportCell[] = marketplaces.map((marketplace) => ({
    category: null,
    marketplace,
    value: byMarketplace.get(marketplace) ?? 0,
    suppression: null,
  }));
  cells.push({ category: null, marketplace: null, value: cells.reduce((sum, cell) => sum + (cell.value ?? 0), 0), suppression: null });
  return { metric, attribution: "PLATFORM", currency: null, categories: [], marketplaces, cells };
}

// A quarter's table from its months' published tables (see 3. above). A cell a month does not
// have (a category new since) was zero in that month, and so was every cell of a month that has
// no table for this metric and currency (a money metric has none in a month without that currency).
export function deriveQuarterTable(
  table: Pick<ReportTable, "metric" | "attribution" | "currency">,
  months: (ReportTable | undefined)[],
): ReportTable {
  const present = months.filter((month): month is ReportTable => month !== undefined);
  const categories = [...new Set(present.flatMap((month) => month.categories))].sort(byCategory);
  const marketplaces = [...new Set(present.flatMap((month) => month.marketplaces))].sort(byMarketplace);
  const monthCells = present.map((month) => new Map(month.cells.map((cell) => [keyOf(cell.category, cell.marketplace), cell])));
  const isPlatform = table.attribution === "PLATFORM";
  const rows: (string | null)[] = isPlatform ? [null] : [...categories, null];
  const cells: ReportCell[] = [];
  for (const category of rows) {
    for (const marketplace of [...marketplaces, null]) {
      const key = keyOf(category, marketplace);
      const found = monthCells.map((cellsOfMonth) => cellsOfMonth.get(key));
      const withheld = found.some((cell) => cell?.suppression);
      cells.push({
        category,
        marketplace,
        value: withheld ? null : found.reduce((sum, cell) => sum + (cell?.value ?? 0), 0),
        suppression: withheld ? SuppressionReason.SUPPRESSED_IN_A_MONTH : null,
      });
    }
  }
  return {
    metric: table.metric,
    attribution: table.attribution,
    currency: table.currency ?? null,
    categories: isPlatform ? [] : categories,
    marketplaces,
    cells,
  };
}
