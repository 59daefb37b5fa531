import { z } from "zod";
import { Marketplace } from "../entities/enums";
import { isoCurrencyOf, isPastEvent, isStorableText, MAX_SPECS } from "../domain/validation";
import { isHash64 } from "../matching/perceptual-hash";

// One listing as a feed delivers it (an NDJSON line or a ListingInput), with its seller and review
// statistics. A listing is identified by marketplace + externalId, its seller by marketplace +
// seller.externalId. Fields not named here (such as a generator's `label`) are ignored.

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(isStorableText, "must not contain NUL characters or unpaired surrogates");
// Required text shows something: spaces, control, format (zero-width, text-direction) characters
// or combining marks alone read as nothing.
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{M}]/u;
const requiredText = (max: number) => text(max).refine((s) => VISIBLE.test(s), "must not be empty");
// A marketplace's id of a listing or a store: the ingest keys rows by marketplace and id joined with
// a control character, and no real id holds one.
const CONTROL = /\p{Cc}/u;
const idText = (max: number) => requiredText(max).refine((s) => !CONTROL.test(s), "must not contain control characters");
// A store's identity, which referred agencies read: a blank value is a scan that had none, and
// leaves the stored one as it is, like a value left out; stored, it would erase it.
const nullIfBlank = (value: string | null) => (value === null || value.trim().length === 0 ? null : value);
const identityText = (max: number) => text(max).nullable().default(null).transform(nullIfBlank);
// A share is kept to six decimal places: PostgreSQL's real column refuses a value as small as 1e-50
// (out of its range), which failed the whole batch.
const roundShare = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);
const share = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").nullable().default(null).transform(roundShare);
const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-11-23T08:00:00Z" });
// A listing's dates (listed, seen, its store opened) are in the past, from 1990 on. One that is
// not a date-time at all is the format check's to report, not this one's.
const isPast = (value: string | null) => {
  if (value === null) return true;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || isPastEvent(ms);
};
const pastInstant = instant.nullable().default(null).refine(isPast, "must be in the past, and in 1990 or later");
// Upper case as stored, whatever the case sent: the rule of every money input (isoCurrencyOf).
const currency = z.string().transform((text, context) => {
  const code = isoCurrencyOf(text);
  if (code === null) context.addIssue({ code: "custom", message: "must be an ISO 4217 code such as CNY" });
  return code ?? z.NEVER;
});

// Counts are bounded by what a store or a listing can have, well inside the database's integer
// columns (a strike added to the largest int would overflow when a takedown is approved).
const MAX_STORE_COUNT = 100_000;
const MAX_REVIEW_COUNT = 1_000_000_000;
const count = (max: number) => z.number().int().min(0).max(max, `must be at most ${max}`);

const SellerRecord = z.object({
  externalId: idText(100),
  name: requiredText(200),
  openedAt: pastInstant,
  // Left out or null: the stored count stays (a new store's is 0), as a missing opening date does.
  brandCount: count(MAX_STORE_COUNT).nullable().default(null),
  // Strikes the marketplace has given the store; a lower count never replaces a higher one.
  strikeCount: count(MAX_STORE_COUNT).default(0),
  registeredName: identityText(300),
  contact: identityText(300),
  paymentAccount: identityText(300),
});

const ReviewRecord = z
  .object({
    count: count(MAX_REVIEW_COUNT),
    averageRating: z.number().min(1, "must be between 1 and 5").max(5, "must be between 1 and 5").nullable().default(null),
    fiveStarFirstWeek: count(MAX_REVIEW_COUNT).default(0),
    newAccountShare: share,
    duplicateTextShare: share,
  })
  // Else the brushing signal would explain "500 of 10 reviews were five stars in the first week".
  .refine((r) => r.fiveStarFirstWeek <= r.count, { message: "must not be more than the review count", path: ["fiveStarFirstWeek"] });

// The specs are counted whatever faults they have, so that a row's reason names them all.
const SpecsRecord = z.record(text(100), text(500)).refine((specs) => !isObject(specs) || Object.keys(specs).length <= MAX_SPECS, {
  message: `must hold at most ${MAX_SPECS} specs`,
  when: () => true,
});

// A JSON object may hold a `__proto__` key, which a record drops without a word: refused, beside
// the specs' other faults (a refinement before the record would hold them back).
const Specs = z.unknown().transform((specs, context) => {
  const hasProtoKey = isObject(specs) && Object.hasOwn(specs, "__proto__");
  if (hasProtoKey) context.addIssue({ code: "custom", message: "must not hold a spec named __proto__", input: specs });
  const parsed = SpecsRecord.safeParse(specs);
  for (const { path, message } of parsed.error?.issues ?? []) context.addIssue({ code: "custom", path, message, input: specs });
  return parsed.success && !hasProtoKey ? parsed.data : z.NEVER;
});

const MAX_IMAGE_HASHES = 50;

const NO_REVIEWS = { count: 0, averageRating: null, fiveStarFirstWeek: 0, newAccountShare: null, duplicateTextShare: null };

export const ListingRecordSchema = z.object({
  marketplace: z.enum(Marketplace, { message: `must be one of ${Object.values(Marketplace).join(", ")}` }),
  externalId: idText(100),
  title: requiredText(500),
  description: text(10_000).default(""),
  price: z.object({
    amountMinor: z.number().int("must be a whole number of minor units").min(0).max(Number.MAX_SAFE_INTEGER),
    currency,
  }),
  specs: Specs.default({}),
  imageHashes: z
    .array(z.string().refine(isHash64, "must be 64-bit hashes as 16 hex digits"))
    // A refinement, not .max(): zod refuses an array past its max before reading its items, which
    // left their faults to be found one mended row later.
    .refine((hashes) => !Array.isArray(hashes) || hashes.length <= MAX_IMAGE_HASHES, {
      message: `must hold at most ${MAX_IMAGE_HASHES} image hashes`,
      when: () => true,
    })
    .default([]),
  reviews: ReviewRecord.default(NO_REVIEWS),
  listedAt: pastInstant,
  // When the scanner saw the listing; defaults to the time of the ingest.
  seenAt: pastInstant,
  seller: SellerRecord,
});

export type ListingRecord = z.output<typeof ListingRecordSchema>;
export type SellerRecord = ListingRecord["seller"];

export type Validated = { ok: true; record: ListingRecord } | { ok: false; reason: string };

// A valid record as the schema outputs it, or a reason naming every fault of an invalid one, so
// that a feed is fixed in one go. The schema decides whatever the fast check does not accept; only
// the rows it refuses pay for the reason.
export function validateListingRecord(value: unknown): Validated {
  const record = validRecordOf(value);
  if (record) return { ok: true, record };
  const parsed = ListingRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  return { ok: false, reason: faultsOf(parsed.error.issues) };
}

// Fields named for one fault at most; past them they are counted, so that a reason stays short
// however many specs a row gets wrong alike.
const NAMED_FIELDS = 5;

// Each fault in the schema's order, naming its field; the fields of one object or record that fail
// alike are named together ("seller.registeredName, seller.contact: must be at most 300 characters").
function faultsOf(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const faults = new Map<string, { fields: string[]; message: string }>();
  for (const { path, message } of issues) {
    // A key as JSON writes it: a NUL or a lone surrogate in it is escaped, not echoed.
    const keys = path.map((key) => JSON.stringify(String(key)).slice(1, -1));
    const alike = `${keys.slice(0, -1).join(".")}\u0000${message}`;
    const fault = faults.get(alike) ?? { fields: [], message };
    fault.fields.push(keys.join(".") || "record");
    faults.set(alike, fault);
  }
  const named = ({ fields }: { fields: string[] }) =>
    fields.slice(0, NAMED_FIELDS).join(", ") + (fields.length > NAMED_FIELDS ? ` and ${fields.length - NAMED_FIELDS} more` : "");
  return [...faults.values()].map((fault) => `${named(fault)}: ${fault.message}`).join("; ");
}

// The schema's output for a record with nothing unusual about it, else null (the schema then
// decides). An ingest validates every record, and the schema takes several times as long: this
// accepts nothing the schema refuses, and builds the same record, keys in the same order.
function validRecordOf(value: unknown): ListingRecord | null {
  if (!isObject(value)) return null;
  const { marketplace, externalId, title, description = "", price, specs = {}, imageHashes = [], reviews, listedAt = null, seenAt = null } = value;
  if (!MARKETPLACES.has(marketplace as Marketplace) || !isId(externalId) || !isText(title, 500, true) || !isText(description, 10_000)) {
    return null;
  }
  if (!isObject(price) || !isWhole(price.amountMinor)) return null;
  const currency = currencyOf(price.currency);
  if (currency === null) return null;
  if (!isInstantOrNull(listedAt) || !isInstantOrNull(seenAt) || !areImageHashes(imageHashes)) return null;
  const validSpecs = specsOf(specs);
  const validReviews = reviews === undefined ? { ...NO_REVIEWS } : reviewsOf(reviews);
  const seller = sellerOf(value.seller);
  if (!validSpecs || !validReviews || !seller) return null;
  return {
    marketplace: marketplace as Marketplace,
    externalId: externalId as string,
    title: title as string,
    description: description as string,
    price: { amountMinor: price.amountMinor as number, currency },
    specs: validSpecs,
    imageHashes: [...imageHashes],
    reviews: validReviews,
    listedAt: listedAt as string | null,
    seenAt: seenAt as string | null,
    seller,
  };
}

const MARKETPLACES = new Set(Object.values(Marketplace));
const INSTANT = z.regexes.datetime({ offset: true });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number, required = false): value is string =>
  typeof value === "string" && value.length <= max && isStorableText(value) && (!required || VISIBLE.test(value));
const isTextOrNull = (value: unknown, max: number) => value === null || isText(value, max);
const isId = (value: unknown): value is string => isText(value, 100, true) && !CONTROL.test(value);
const isWhole = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isCount = (value: unknown, max: number): value is number => isWhole(value) && value <= max;
const isShareOrNull = (value: unknown) => value === null || (typeof value === "number" && value >= 0 && value <= 1);
const currencyOf = (value: unknown) => (typeof value === "string" ? isoCurrencyOf(value) : null);
const isInstantOrNull = (value: unknown) => value === null || (typeof value === "string" && INSTANT.test(value) && isPast(value));

// Index by index, as the schema reads an array (`every` would skip the holes of a sparse one).
function areImageHashes(value: unknown): value is string[] {
  if (!Array.isArray(value) || value.length > MAX_IMAGE_HASHES) return false;
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== "string" || !isHash64(value[i])) return false;
  }
  return true;
}

// A plain object's own enumerable keys, as the schema reads a record; anything else (a __proto__
// key, symbols, a class instance) is left to the schema.
function specsOf(specs: unknown): Record<string, string> | null {
  if (!isObject(specs)) return null;
  const prototype = Object.getPrototypeOf(specs);
  if (prototype !== Object.prototype && prototype !== null) return null;
  if (Object.getOwnPropertySymbols(specs).length > 0) return null;
  const valid: Record<string, string> = {};
  const keys = Object.keys(specs);
  if (keys.length > MAX_SPECS) return null;
  for (const key of keys) {
    const spec = specs[key];
    if (key === "__proto__" || !isText(key, 100) || !isText(spec, 500)) return null;
    valid[key] = spec;
  }
  return valid;
}

function reviewsOf(reviews: unknown): ListingRecord["reviews"] | null {
  if (!isObject(reviews)) return null;
  const { count, averageRating = null, fiveStarFirstWeek = 0, newAccountShare = null, duplicateTextShare = null } = reviews;
  const ratingOk = averageRating === null || (typeof averageRating === "number" && averageRating >= 1 && averageRating <= 5);
  if (!isCount(count, MAX_REVIEW_COUNT) || !ratingOk || !isCount(fiveStarFirstWeek, MAX_REVIEW_COUNT) || fiveStarFirstWeek > count) return null;
  if (!isShareOrNull(newAccountShare) || !isShareOrNull(duplicateTextShare)) return null;
  return {
    count,
    averageRating: averageRating as number | null,
    fiveStarFirstWeek,
    newAccountShare: roundShare(newAccountShare as number | null),
    duplicateTextShare: roundShare(duplicateTextShare as number | null),
  };
}

function sellerOf(seller: unknown): SellerRecord | null {
  if (!isObject(seller)) return null;
  const { externalId, name, openedAt = null, brandCount = null, strikeCount = 0, registeredName = null, contact = null, paymentAccount = null } = seller;
  if (!isId(externalId) || !isText(name, 200, true) || !isInstantOrNull(openedAt) || !(brandCount === null || isCount(brandCount, MAX_STORE_COUNT)) || !isCount(strikeCount, MAX_STORE_COUNT)) {
    return null;
  }
  if (!isTextOrNull(registeredName, 300) || !isTextOrNull(contact, 300) || !isTextOrNull(paymentAccount, 300)) return null;
  return {
    externalId,
    name,
    openedAt: openedAt as string | null,
    brandCount: brandCount as number | null,
    strikeCount,
    registeredName: nullIfBlank(registeredName as string | null),
    contact: nullIfBlank(contact as string | null),
    paymentAccount: nullIfBlank(paymentAccount as string | null),
  };
}
