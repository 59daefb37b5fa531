import { z } from "zod";
import { Marketplace } from "../entities/enums";
import { isHash64 } from "../matching/perceptual-hash";

// One listing as a feed delivers it (an NDJSON line or a ListingInput), with its seller and review
// statistics. A listing is identified by marketplace + externalId, its seller by marketplace +
// seller.externalId. Fields not named here (such as a generator's `label`) are ignored.

const NUL = "\u0000";
const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes(NUL), "must not contain NUL characters");
const requiredText = (max: number) => text(max).refine((s) => s.trim().length > 0, "must not be empty");
const share = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").nullable().default(null);
const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-11-23T08:00:00Z" });

const SellerRecord = z.object({
  externalId: requiredText(100),
  name: requiredText(200),
  openedAt: instant.nullable().default(null),
  brandCount: z.number().int().min(0).default(0),
  // Strikes the marketplace has given the store; a lower count never replaces a higher one.
  strikeCount: z.number().int().min(0).default(0),
  registeredName: text(300).nullable().default(null),
  contact: text(300).nullable().default(null),
  paymentAccount: text(300).nullable().default(null),
});

const ReviewRecord = z.object({
  count: z.number().int().min(0),
  averageRating: z.number().min(1, "must be between 1 and 5").max(5, "must be between 1 and 5").nullable().default(null),
  fiveStarFirstWeek: z.number().int().min(0).default(0),
  newAccountShare: share,
  duplicateTextShare: share,
});

export const ListingRecordSchema = z.object({
  marketplace: z.enum(Marketplace, { message: `must be one of ${Object.values(Marketplace).join(", ")}` }),
  externalId: requiredText(100),
  title: requiredText(500),
  description: text(10_000).default(""),
  price: z.object({
    amountMinor: z.number().int("must be a whole number of minor units").min(0).max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as CNY"),
  }),
  specs: z.record(text(100), text(500)).default({}),
  imageHashes: z.array(z.string().refine(isHash64, "must be 64-bit hashes as 16 hex digits")).max(50).default([]),
  reviews: ReviewRecord.default({ count: 0, averageRating: null, fiveStarFirstWeek: 0, newAccountShare: null, duplicateTextShare: null }),
  listedAt: instant.nullable().default(null),
  // When the scanner saw the listing; defaults to the time of the ingest.
  seenAt: instant.nullable().default(null),
  seller: SellerRecord,
});

export type ListingRecord = z.output<typeof ListingRecordSchema>;
export type SellerRecord = ListingRecord["seller"];

export type Validated = { ok: true; record: ListingRecord } | { ok: false; reason: string };

// A clear reason for the first few problems of a record, each naming its field.
export function validateListingRecord(value: unknown): Validated {
  const parsed = ListingRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const reasons = parsed.error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.join(".") || "record";
    return `${field}: ${issue.message}`;
  });
  return { ok: false, reason: reasons.join("; ") };
}
