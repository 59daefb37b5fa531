import { generateListings } from "../../src/generator/marketplace-generator";
import { SeededRandom } from "../../src/generator/random";
import { checkMoney } from "../../src/domain/validation";
import { ListingRecordSchema, validateListingRecord } from "../../src/ingest/listing-record";

// validateListingRecord checks most records without the schema: it must give exactly what the
// schema gives (the same records, keys in the same order, and the same rejections), whatever the input.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const now = new Date("2026-11-23T00:00:00.000Z");
const generated = (listings: number, seed: number) => [...generateListings({ listings, seed, now })].map((listing) => JSON.parse(JSON.stringify(listing)));

function schemaResult(value: unknown) {
  const parsed = ListingRecordSchema.safeParse(value);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false };
}

// Values at or just past each limit the schema sets, and values of the wrong type.
const ODD_VALUES: unknown[] = [
  undefined, null, true, 0, -0, -1, 1, 1.5, 4.99, 5, 5.01, 0.5, 1.0000001, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2, "", " ", "\t\n", "x", "x\u0000y", "x".repeat(100), "x".repeat(101), "x".repeat(200), "x".repeat(201),
  "x".repeat(300), "x".repeat(301), "x".repeat(500), "x".repeat(501), "高仿 ".repeat(40), "CNY", "cny", "CNYY", "TAOBAO", "taobao",
  "2026-11-01T00:00:00Z", "2026-11-01T00:00:00.123456+08:00", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-11-01T24:00:00Z",
  "2026-11-01T00:00Z", "2026-11-01", "2026-11-01T00:00:00z", "804a95d23ac181dc", "804A95D23AC181DC", "804a95d23ac181d", [], ["804a95d23ac181dc"],
  Array.from({ length: 51 }, () => "804a95d23ac181dc"), [...Array.from({ length: 50 }, () => "804a95d23ac181dc"), "x"], [1], {}, { a: "b" },
  { count: 3 }, JSON.parse('{"__proto__": "x"}'), JSON.parse('{"__proto__": {"a": "b"}, "volume": "80ml"}'), JSON.parse('{"__proto__": "x", "a": 1}'),
  Object.assign(Object.create(null), { volume: "80ml" }), { "1": "one", b: "two", a: "three" }, { ["k".repeat(101)]: "v" },
  // What PostgreSQL cannot store: unpaired surrogates (in a key too) and dates before the year 1.
  "x\uD800y", "x\uDC00", "\uD83D\uDE00", { "k\uD800": "v" }, { k: "v\uDFFF" }, "0000-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00",
  "0001-01-01T00:00:00Z", "2026-13-45T00:00:00Z",
  // Before and at the earliest date anything the alliance records happened; specs up to the cap and past it.
  "1989-12-31T23:59:59.999Z", "1990-01-01T00:00:00Z", "1990-01-01T01:00:00+02:00",
  Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"])), Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])),
];

const FIELDS = [
  [], ["marketplace"], ["externalId"], ["title"], ["description"], ["price"], ["price", "amountMinor"], ["price", "currency"], ["specs"],
  ["specs", "volume"], ["imageHashes"], ["imageHashes", "0"], ["reviews"], ["reviews", "count"], ["reviews", "averageRating"],
  ["reviews", "fiveStarFirstWeek"], ["reviews", "newAccountShare"], ["reviews", "duplicateTextShare"], ["listedAt"], ["seenAt"],
  ["seller"], ["seller", "externalId"], ["seller", "name"], ["seller", "openedAt"], ["seller", "brandCount"], ["seller", "strikeCount"],
  ["seller", "registeredName"], ["seller", "contact"], ["seller", "paymentAccount"], ["label"],
];

// The record with the value at `path` replaced (or removed, for undefined).
function withValue(record: Json, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(record));
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof parent[key] !== "object" || parent[key] === null) parent[key] = {};
    parent = parent[key];
  }
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe("listing record validation", () => {
  it("accepts and builds generated records exactly as the schema does, without asking it", () => {
    const records = generated(300, 5);
    const safeParse = jest.spyOn(ListingRecordSchema, "safeParse");
    // As GraphQL hands over an input object: without a prototype.
    records.push(...records.slice(0, 5).map((record) => Object.assign(Object.create(null), record)));
    const validated = records.map(validateListingRecord);
    expect(safeParse).not.toHaveBeenCalled();
    safeParse.mockRestore();
    records.forEach((record, index) => {
      expect(validated[index]).toStrictEqual(schemaResult(record));
      expect(JSON.stringify(validated[index])).toBe(JSON.stringify(schemaResult(record)));
    });
  });

  it("refuses more five-star first-week reviews than reviews, naming the field", () => {
    const [record] = generated(1, 3);
    const reviews = { count: 10, averageRating: 5, fiveStarFirstWeek: 500 };
    expect(validateListingRecord({ ...record, reviews })).toEqual({ ok: false, reason: "reviews.fiveStarFirstWeek: must not be more than the review count" });
    expect(validateListingRecord({ ...record, reviews: { ...reviews, fiveStarFirstWeek: 10 } }).ok).toBe(true);
    // Every generated record keeps to it.
    expect(generated(2_000, 4).filter((r) => !validateListingRecord(r).ok)).toEqual([]);
  });

  it("gives what the schema gives for every odd value in every field", () => {
    const random = new SeededRandom(11);
    const records = generated(40, 9);
    for (const path of FIELDS) {
      for (const value of ODD_VALUES) {
        const input = withValue(random.pick(records), path, value);
        const validated = validateListingRecord(input);
        const expected = schemaResult(input);
        expect({ path, value, ok: validated.ok }).toEqual({ path, value, ok: expected.ok });
        if (validated.ok) expect(JSON.stringify(validated.record)).toBe(JSON.stringify(expected.record));
        if (validated.ok) expect(validated).toStrictEqual(expected);
      }
    }
  });

  it("takes a currency as every money input takes it: in any case, stored upper case", () => {
    const [record] = generated(1, 3);
    const moneyInput = (currency: string) => {
      try {
        return checkMoney({ amountMinor: 100, currency }, "price", { allowZero: true }).currency;
      } catch {
        return null;
      }
    };
    for (const currency of ["CNY", "cny", " Usd ", "eUr", "RMB", "cnı", "uſd", "CN Y", "", "CNYY"]) {
      const input = { ...record, price: { amountMinor: 100, currency } };
      const validated = validateListingRecord(input);
      expect({ currency, ingest: validated.ok ? validated.record.price.currency : null }).toEqual({ currency, ingest: moneyInput(currency) });
      expect(validated.ok ? validated : { ok: false }).toStrictEqual(schemaResult(input));
    }
    expect(validateListingRecord({ ...record, price: { amountMinor: 100, currency: "cny" } })).toMatchObject({ ok: true, record: { price: { currency: "CNY" } } });
  });

  it("takes a store's blank identity for none given, so that the stored one stays", () => {
    const [record] = generated(1, 3);
    const seller = { ...record.seller, registeredName: "  ", contact: "", paymentAccount: "\t" };
    const validated = validateListingRecord({ ...record, seller });
    expect(validated.ok && validated.record.seller).toMatchObject({ registeredName: null, contact: null, paymentAccount: null });
    expect(validated).toStrictEqual(schemaResult({ ...record, seller }));
    const named = validateListingRecord({ ...record, seller: { ...seller, contact: " +86 138 0013 8000" } });
    expect(named.ok && named.record.seller.contact).toBe(" +86 138 0013 8000");
  });

  it("refuses a title, an id or a store name that shows nothing: control, zero-width or text-direction characters, or combining marks alone", () => {
    const [record] = generated(1, 3);
    for (const blank of ["\u0001\u0002", "\u200b\u200b", "\u202e", " \u0301\u0302 "]) {
      expect(validateListingRecord({ ...record, title: blank })).toEqual({ ok: false, reason: "title: must not be empty" });
      expect(validateListingRecord({ ...record, seller: { ...record.seller, name: blank } })).toEqual({ ok: false, reason: "seller.name: must not be empty" });
    }
    expect(validateListingRecord({ ...record, title: "\u200bZephyr" }).ok).toBe(true);
  });

  it("names every fault of a row in the schema's order, the fields that fail alike together, not only the first few", () => {
    const [record] = generated(1, 3);
    const faulty = {
      ...record,
      marketplace: "EBAY",
      title: "",
      price: { amountMinor: -5, currency: "RMB" },
      seenAt: "2999-01-01T00:00:00Z",
      seller: { ...record.seller, name: " ", registeredName: "x".repeat(301), contact: "x".repeat(301) },
    };
    expect(validateListingRecord(faulty)).toEqual({
      ok: false,
      reason:
        "marketplace: must be one of TAOBAO, TMALL, ALIEXPRESS, ALIBABA, XIANYU; title: must not be empty; " +
        "price.amountMinor: Too small: expected number to be >=0; price.currency: must be an ISO 4217 code such as CNY; " +
        "seenAt: must be in the past, and in 1990 or later; seller.name: must not be empty; " +
        "seller.registeredName, seller.contact: must be at most 300 characters",
    });
  });

  it("names the specs' faults beside too many specs, which they held back, naming five alike and counting the rest", () => {
    const [record] = generated(1, 3);
    const specs = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i < 12 ? i : "v"]));
    expect(validateListingRecord({ ...record, specs })).toEqual({
      ok: false,
      reason:
        "specs.k0, specs.k1, specs.k2, specs.k3, specs.k4 and 7 more: Invalid input: expected string, received number; " +
        "specs: must hold at most 50 specs",
    });
  });

  it("refuses a spec named __proto__, which a record would drop without a word", () => {
    const [record] = generated(1, 3);
    const specs = JSON.parse('{"volume": "80ml", "__proto__": "x"}');
    expect(validateListingRecord({ ...record, specs })).toEqual({ ok: false, reason: "specs: must not hold a spec named __proto__" });
  });

  it("names the specs' other faults beside a spec named __proto__", () => {
    const [record] = generated(1, 3);
    const specs = JSON.parse(`{"volume": 80, "__proto__": "x", "colour": "${"x".repeat(501)}"}`);
    expect(validateListingRecord({ ...record, specs })).toEqual({
      ok: false,
      reason: "specs: must not hold a spec named __proto__; specs.volume: Invalid input: expected string, received number; specs.colour: must be at most 500 characters",
    });
  });

  it("names the image hashes' faults beside too many of them, and says how many a listing may have", () => {
    const [record] = generated(1, 3);
    const imageHashes = [...Array.from({ length: 50 }, () => "804a95d23ac181dc"), "not a hash", 7];
    expect(validateListingRecord({ ...record, imageHashes })).toEqual({
      ok: false,
      reason:
        "imageHashes.50: must be 64-bit hashes as 16 hex digits; imageHashes.51: Invalid input: expected string, received number; " +
        "imageHashes: must hold at most 50 image hashes",
    });
    expect(validateListingRecord({ ...record, imageHashes: imageHashes.slice(0, 50).concat(imageHashes.slice(0, 1)) })).toEqual({
      ok: false,
      reason: "imageHashes: must hold at most 50 image hashes",
    });
  });
});
