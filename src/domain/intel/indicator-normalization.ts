import { domainToASCII } from "node:url";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { IndicatorKind, Marketplace } from "../../entities/enums";
import { isHash64 } from "../../matching/perceptual-hash";

// One canonical text per real-world value, so that the same phone, seller or address written
// differently hashes to the same key and matches.

export type Normalized = { ok: true; value: string } | { ok: false; reason: string };

const MAX_VALUE_LENGTH = 1000;
// The marketplace of most listings; a phone written without a country code is read as Chinese.
const DEFAULT_PHONE_REGION = "CN";
const MARKETPLACES = Object.values(Marketplace) as string[];

const ok = (value: string): Normalized => ({ ok: true, value });
const fail = (reason: string): Normalized => ({ ok: false, reason });

// Unicode compatibility forms (full-width digits, ligatures) folded, case folded, runs of space one.
const foldText = (raw: string) => raw.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

function phone(raw: string): Normalized {
  const compact = raw.normalize("NFKC").trim().replace(/^00/, "+");
  const parsed = parsePhoneNumberFromString(compact, DEFAULT_PHONE_REGION);
  if (!parsed?.isValid()) {
    return fail("is not a valid phone number; write it with its country code, e.g. +86 138 0013 8000");
  }
  return ok(parsed.number);
}

function seller(raw: string): Normalized {
  const match = /^\s*([A-Za-z]+)\s*[:/]\s*(\S+)\s*$/.exec(raw.normalize("NFKC"));
  const marketplace = match?.[1].toUpperCase();
  if (!match || !marketplace || !MARKETPLACES.includes(marketplace)) {
    return fail(`must be marketplace:sellerId, e.g. TAOBAO:store-8841, with a marketplace of ${MARKETPLACES.join(", ")}`);
  }
  return ok(`${marketplace}:${match[2]}`);
}

function imageHash(raw: string): Normalized {
  const hex = raw.trim().toLowerCase().replace(/^0x/, "");
  return isHash64(hex) ? ok(hex) : fail("must be a 64-bit perceptual hash written as 16 hex digits");
}

function domain(raw: string): Normalized {
  const host = raw
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/?#].*$/, "")
    .replace(/:\d+$/, "")
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  const ascii = domainToASCII(host);
  return ascii && /^([a-z0-9-]+\.)+[a-z0-9-]{2,}$/.test(ascii) ? ok(ascii) : fail("must be a domain name, e.g. fake-store.example");
}

function paymentAccount(raw: string): Normalized {
  // Card and account numbers are written with spaces or dashes in between; neither is significant.
  const value = raw.normalize("NFKC").toLowerCase().replace(/[\s-]+/g, "");
  return value ? ok(value) : fail("must not be empty");
}

function folded(raw: string): Normalized {
  const value = foldText(raw);
  return value ? ok(value) : fail("must not be empty");
}

const NORMALIZERS: Record<IndicatorKind, (raw: string) => Normalized> = {
  [IndicatorKind.SELLER]: seller,
  [IndicatorKind.KEYWORD]: folded,
  [IndicatorKind.IMAGE_HASH]: imageHash,
  [IndicatorKind.PHONE]: phone,
  [IndicatorKind.ADDRESS]: folded,
  [IndicatorKind.PAYMENT_ACCOUNT]: paymentAccount,
  [IndicatorKind.DOMAIN]: domain,
  [IndicatorKind.FACTORY]: folded,
};

export function normalizeIndicatorValue(kind: IndicatorKind, raw: string): Normalized {
  if (raw.length > MAX_VALUE_LENGTH) return fail(`must be at most ${MAX_VALUE_LENGTH} characters`);
  return NORMALIZERS[kind](raw);
}

// The searchable phrases of a listing title: each word, each run of two and three words, and,
// since Chinese is written without spaces, every 2 to 4 character run of Han characters.
export function titleKeywords(title: string): string[] {
  const folded = foldText(title);
  const words = folded.split(" ").filter(Boolean);
  const phrases = new Set<string>();
  // Each phrase extends the one before it (an ingest takes a title's phrases for every title it has
  // not seen lately, and slicing and joining each anew cost a third more).
  for (let i = 0; i < words.length; i += 1) {
    let phrase = words[i];
    phrases.add(phrase);
    for (let n = 2; n <= 3 && i + n <= words.length; n += 1) phrases.add((phrase += ` ${words[i + n - 1]}`));
  }
  for (const run of folded.match(/\p{Script=Han}{2,}/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 2 <= chars.length; i += 1) {
      let phrase = chars[i];
      for (let n = 2; n <= 4 && i + n <= chars.length; n += 1) phrases.add((phrase += chars[i + n - 1]));
    }
  }
  return [...phrases];
}
