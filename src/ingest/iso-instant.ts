// A validated ISO 8601 date-time as the ingest writes it: in UTC with milliseconds, as Date
// writes it. Most feeds send that form already, and it is kept as it is (a Date round trip, per
// record, is not free); any other form (an offset, fewer or more digits) goes through a Date.
const DATE_FORM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function isoInstant(value: string): string;
export function isoInstant(value: string | null): string | null;
export function isoInstant(value: string | null): string | null {
  return value === null || DATE_FORM.test(value) ? value : new Date(value).toISOString();
}
