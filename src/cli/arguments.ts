import { InvalidArgumentError } from "commander";
import { Scope } from "../auth/scopes";

// The CLI's option values, checked as strictly as the configuration's: digits only for a count
// (Number would take "1e3" and "0x10"), ISO 8601 for a date (Date would take "March 5 2027").

const DIGITS = /^\d+$/;

export const positiveInt = (value: string): number => {
  const n = DIGITS.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number above 0, in digits");
  return n;
};

// The generator's seed is 32 bits (random.ts): a larger one would give a smaller one's data. 0 is
// a seed like any other.
const MAX_SEED = 0xffff_ffff;
export const seedNumber = (value: string): number => {
  const n = DIGITS.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n > MAX_SEED) throw new InvalidArgumentError(`expected a whole number from 0 to ${MAX_SEED}, in digits`);
  return n;
};

export const scopeList = (value: string): Scope[] => {
  const known = new Set<string>(Object.values(Scope));
  const scopes = value.split(",").map((s) => s.trim());
  if (scopes.some((s) => s === "")) throw new InvalidArgumentError(`an empty scope in "${value}": separate scopes with single commas`);
  const unknown = scopes.filter((s) => !known.has(s));
  if (unknown.length) throw new InvalidArgumentError(`unknown scopes ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
  return scopes as Scope[];
};

// A date (UTC midnight) or a date-time with its zone, e.g. 2027-03-05 or 2027-03-05T12:00:00Z.
const ISO_8601 = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d))?$/;

export const isoDate = (value: string): Date => {
  const text = value.trim();
  const date = ISO_8601.test(text) && isCalendarDay(text.slice(0, 10)) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError("expected an ISO 8601 date or date-time with its zone, e.g. 2027-03-05 or 2027-03-05T12:00:00Z");
  return date;
};

// Date rolls 2027-02-30 over to March 2nd rather than refuse it.
function isCalendarDay(day: string): boolean {
  const [year, month, date] = day.split("-").map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}
