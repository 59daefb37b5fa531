import { badInput } from "../errors";

// Input checks shared by the workflows. Each names the field and what it accepts, so a
// client can fix its request; they run before any transaction starts.

// Characters that show nothing: text made only of them is as empty as spaces.
const INVISIBLE = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/g;
export const showsNothing = (text: string) => !text.replace(INVISIBLE, "");

export function requiredText(value: string | null | undefined, field: string, maxLength: number): string {
  const text = value?.trim() ?? "";
  if (showsNothing(text)) throw badInput(`\`${field}\` must not be empty`);
  if (text.length > maxLength) throw badInput(`\`${field}\` must be at most ${maxLength} characters`);
  return text;
}

// The specs a product or a listing holds at most: a genuine catalogue's product, and a scanned
// listing measured against it.
export const MAX_SPECS = 50;

// A name (of an organization, a person, a brand), as invitations take it.
export const MAX_NAME_LENGTH = 200;

// A name is read by people, and compared with other names as stored: it is kept in its compatible
// form (NFKC: full-width "Ｓｗａｒｏｖｓｋｉ" is "Swarovski"), without the characters that show nothing
// ("Swa\u200Brovski" would pass for another name than Swarovski), and holds no control or
// text-direction characters, which would make it read otherwise than it compares.
const HIDDEN_IN_NAMES = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const NOT_IN_NAMES = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
export const holdsControlCharacters = (text: string) => NOT_IN_NAMES.test(text);

export function checkName(value: string, what: string): string {
  const name = value.normalize("NFKC").replace(HIDDEN_IN_NAMES, "").trim();
  if (!name || name.length > MAX_NAME_LENGTH) throw badInput(`${what} must be 1 to ${MAX_NAME_LENGTH} characters`);
  if (holdsControlCharacters(name)) throw badInput(`${what} must not hold control or text-direction characters`);
  return name;
}

// A reference a person reads and looks up elsewhere (an order, a court's case) is one line that
// reads as it compares, as a name is.
export function checkReference<T extends string | null>(text: T, field: string): T {
  if (text !== null && holdsControlCharacters(text)) throw badInput(`\`${field}\` must not hold control or text-direction characters`);
  return text;
}

// Text that is only spaces or invisible characters reads as none given, as requiredText reads it as empty.
export function optionalText(value: string | null | undefined, field: string, maxLength: number): string | null {
  const text = value?.trim() ?? "";
  return showsNothing(text) ? null : requiredText(text, field, maxLength);
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

// The one currency rule of every money input and of the ingest: an ISO 4217 code in any case, with
// spaces around it or not ("cny " is CNY), kept upper case as ISO writes it and as every amount
// is stored; null when it is no code. Letters are checked before upper-casing, which would turn a
// dotless ı or a long ſ into I or S.
export function isoCurrencyOf(text: string): string | null {
  // Most codes come as stored (an ingest asks for every listing's): one look-up.
  if (CURRENCIES.has(text)) return text;
  const code = text.trim();
  if (!/^[A-Za-z]{3}$/.test(code)) return null;
  const upper = code.toUpperCase();
  return CURRENCIES.has(upper) ? upper : null;
}

export interface MoneyValue {
  amountMinor: number;
  currency: string;
}

// A single amount is at most 10 billion in major units (the largest seizures and claims are far
// below it), so that the sums a progress report adds up stay exact integers.
const MAX_AMOUNT_MINOR = 1_000_000_000_000;

// Integer minor units of an ISO 4217 currency; never a float.
export function checkMoney(value: MoneyValue, field: string, { allowZero }: { allowZero: boolean }): MoneyValue {
  const currency = isoCurrencyOf(value.currency);
  if (currency === null) {
    throw badInput(`\`${field}.currency\` must be an ISO 4217 code such as CNY, USD or EUR`);
  }
  const min = allowZero ? 0 : 1;
  if (!Number.isSafeInteger(value.amountMinor) || value.amountMinor < min || value.amountMinor > MAX_AMOUNT_MINOR) {
    throw badInput(`\`${field}.amountMinor\` must be a whole number of minor units (cents, fen), from ${min} to ${MAX_AMOUNT_MINOR}`);
  }
  return { amountMinor: value.amountMinor, currency };
}

export function checkCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw badInput(`\`${field}\` must be a whole number, 0 or more`);
  return value;
}

// Text that PostgreSQL cannot store (a NUL character) or that is not Unicode (an unpaired
// surrogate, which would be stored as U+FFFD rather than as sent, or refused in a JSON key).
const UNSTORABLE_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Most text has neither a NUL nor a surrogate at all, which one character class finds fastest (an
// ingest checks every text of every listing).
const MAY_BE_UNSTORABLE = /[\0\uD800-\uDFFF]/;
export const isStorableText = (text: string) => !MAY_BE_UNSTORABLE.test(text) || !UNSTORABLE_TEXT.test(text);

// Nothing this alliance records (a listing, a store's opening, a test buy, a lawsuit, a raid, a
// sighting) happened before online marketplaces did: an earlier date is a slip (1900, 0026).
const EARLIEST_EVENT_DAY = "1990-01-01";
const EARLIEST_EVENT_MS = Date.parse(`${EARLIEST_EVENT_DAY}T00:00:00Z`);

// A little clock skew between client and server is not an error.
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const isNotFuture = (epochMs: number) => epochMs <= Date.now() + FUTURE_TOLERANCE_MS;

export const isPastEvent = (epochMs: number) => epochMs >= EARLIEST_EVENT_MS && isNotFuture(epochMs);

// A date-time of something that happened: not in the future, and not before 1990.
export function checkPastInstant(value: Date, field: string): Date {
  if (Number.isNaN(value.getTime())) throw badInput(`\`${field}\` is not a valid date-time`);
  if (!isNotFuture(value.getTime())) throw badInput(`\`${field}\` must not be in the future`);
  if (value.getTime() < EARLIEST_EVENT_MS) throw badInput(`\`${field}\` must not be before ${EARLIEST_EVENT_DAY}`);
  return value;
}

// The furthest ahead of UTC that a local date runs (Kiribati's Line Islands).
const LATEST_UTC_OFFSET_MS = 14 * 3600 * 1000;

// YYYY-MM-DD, a day of the calendar: JavaScript's parser takes 2026-02-30, rolling it over.
export const isCalendarDate = (value: string): boolean => {
  const midnight = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(value);
};

// A local calendar date, YYYY-MM-DD, not in the future nor before 1990. Not in the future is not
// after today in the time zone furthest ahead: an agency east of UTC records a raid of its today
// while it is still yesterday in UTC.
export function checkPastLocalDate(value: string, field: string): string {
  if (!isCalendarDate(value)) throw badInput(`\`${field}\` must be a date as YYYY-MM-DD`);
  const latestToday = new Date(Date.now() + LATEST_UTC_OFFSET_MS).toISOString().slice(0, 10);
  if (value > latestToday) throw badInput(`\`${field}\` must not be in the future`);
  if (value < EARLIEST_EVENT_DAY) throw badInput(`\`${field}\` must not be before ${EARLIEST_EVENT_DAY}`);
  return value;
}

export function checkSha256(value: string, field: string): string {
  const hex = value.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw badInput(`\`${field}\` must be a SHA-256 digest: 64 hexadecimal digits`);
  return hex;
}

// One item of a list of ids: what the client sent (to name it in errors), and the database id when
// it was a valid id of the expected type.
export interface IdItem {
  given: string;
  id: string | null;
}

export interface ItemProblem {
  id: string;
  reason: string;
}

export function checkItemCount(items: readonly IdItem[], field: string, max: number) {
  if (items.length === 0) throw badInput(`\`${field}\` must name at least one id`);
  if (items.length > max) throw badInput(`\`${field}\` may name at most ${max} ids; got ${items.length}`);
}

// All or nothing: one bad item refuses the whole list, and the error names every bad item.
export function refuseItems(problems: ItemProblem[], total: number, what: string) {
  if (!problems.length) return;
  const listed = problems.map((p) => `${p.id}: ${p.reason}`).join("; ");
  throw badInput(`${problems.length} of ${total} ${what}, so nothing was changed: ${listed}`, { invalidItems: problems });
}
