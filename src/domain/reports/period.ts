import { ReportPeriodKind } from "../../entities/enums";
import { badInput } from "../../errors";

export interface ReportPeriod {
  kind: ReportPeriodKind;
  // "2026-10" or "2026-Q4".
  label: string;
  // UTC, start inclusive, end exclusive.
  start: Date;
  end: Date;
  // A quarter's three months, in order; a month's is itself.
  months: string[];
}

const monthLabel = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

// The alliance's figures start long after this; a two-digit year would be read as 19xx by Date.UTC.
const FIRST_YEAR = 2000;

export function parsePeriod(value: string): ReportPeriod {
  const text = value.trim().toUpperCase();
  const year = Number(/^(\d{4})-/.exec(text)?.[1]);
  if (year < FIRST_YEAR) throw badInput(`"${value.slice(0, 40)}" is not a report period: its year must be ${FIRST_YEAR} or later`);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    return {
      kind: ReportPeriodKind.MONTH,
      label: text,
      start: new Date(Date.UTC(year, m - 1, 1)),
      end: new Date(Date.UTC(year, m, 1)),
      months: [text],
    };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    const first = (q - 1) * 3 + 1;
    return {
      kind: ReportPeriodKind.QUARTER,
      label: text,
      start: new Date(Date.UTC(year, first - 1, 1)),
      end: new Date(Date.UTC(year, first + 2, 1)),
      months: [first, first + 1, first + 2].map((m) => monthLabel(year, m)),
    };
  }
  throw badInput(`"${value.slice(0, 40)}" is not a report period: use a month like "2026-10" or a quarter like "2026-Q4"`);
}
