import type { DataSource } from "typeorm";
import { OrgKind, RiskSignalKind } from "../../src/entities/enums";
import type { RiskSignal } from "../../src/entities/risk-signal";
import { ListingIngest } from "../../src/ingest/listing-ingest";
import { createOrganization, createProduct } from "../support/factories";
import { createCatalogueBrand, listingRecord, ndjson } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";

// The price signal end to end: a brand's catalogue as stored, listings as a feed sends them, and the
// signal ingest stores on each listing.

let api: TestApi;
let db: DataSource;

beforeAll(async () => {
  api = await startTestApi();
  db = api.dataSource;
  const org = await createOrganization(db, OrgKind.BRAND, "Quillon Group");
  const brand = await createCatalogueBrand(db, org, "Quillon", ["Quill Motor"], {
    sku: "Q-TOTE",
    name: "Neverfull Monogram Tote",
    msrpMinor: 1_450_000,
    logoHash: "804a95d23ac181dc",
    specs: { material: "Monogram canvas" },
  });
  for (const [sku, name, msrpMinor, currency] of [
    ["Q-SPEEDY", "Speedy 30 Monogram", 1_210_000, "CNY"],
    ["Q-KEEPALL", "Keepall Bandoulière 50", 1_990_000, "CNY"],
    ["Q-ZIPPY", "Zippy Wallet", 715_000, "CNY"],
    ["Q-MATS", "Quill Motor Performance Floor Mats", 14_995, "USD"],
    // No reference rate for BHD (RISK_CNY_PER_UNIT).
    ["Q-BAHRAIN", "Travel Case Bahrain Edition", 250_000, "BHD"],
  ] as const) {
    await createProduct(db, brand, { sku, name, msrpMinor, currency, specs: {} });
  }
});
afterAll(() => api.close());

async function priceSignalOf(fields: Record<string, unknown>): Promise<RiskSignal | undefined> {
  const record = listingRecord({ seller: { externalId: "store-price", name: "Price Store", brandCount: 2 }, ...fields });
  const ingest = await ListingIngest.open(db, api.config);
  await ingest.ingestNdjson(ndjson([record]), 100, { concurrency: 1 });
  const [{ risk_signals }] = await db.query(`SELECT risk_signals FROM listing WHERE external_id = $1`, [record.externalId]);
  return (risk_signals as RiskSignal[]).find((signal) => signal.kind === RiskSignalKind.PRICE_ANOMALY);
}

describe("the price signal, as ingest stores it", () => {
  it("compares with the stored product whose name shares the rarest words with the title, the brand's own names aside", async () => {
    expect((await priceSignalOf({ title: "Quillon Monogram wallet", price: { amountMinor: 300_000, currency: "CNY" } }))?.reason).toBe(
      "price 42% of MSRP 7,150.00 CNY (Q-ZIPPY Zippy Wallet)",
    );
    // "Quill Motor" is the brand's: it names no product, and the title names none else.
    expect((await priceSignalOf({ title: "Quill Motor wiper blades", price: { amountMinor: 6_000, currency: "CNY" } }))?.reason).toBe(
      "price 60.00 CNY is 6% of MSRP 149.95 USD (cheapest genuine product Q-MATS)",
    );
  });

  it("compares a price in a currency without a rate with the brand's products in that currency", async () => {
    // The wallet the title names is priced in CNY, which a BHD price cannot be compared with.
    expect((await priceSignalOf({ title: "Quillon wallet", price: { amountMinor: 2_500, currency: "BHD" } }))?.reason).toBe(
      "price 1% of MSRP 250.000 BHD (cheapest genuine product Q-BAHRAIN)",
    );
  });

  it("gives a title that names the brand only as what the item is for no price signal, and keeps its other signals", async () => {
    // A material Quillon does not make: the spec signal shows the brand is still matched.
    const fields = { price: { amountMinor: 3_900, currency: "CNY" }, specs: { material: "PU leather" } };
    const accessory = listingRecord({ title: "Case for Quillon Zippy Wallet 高仿", ...fields });
    const claimed = listingRecord({ title: "Quillon Zippy Wallet case for Quillon 高仿", ...fields });
    await (await ListingIngest.open(db, api.config)).ingestNdjson(ndjson([accessory, claimed]), 100, { concurrency: 1 });
    const signalsOf = async (record: Record<string, unknown>) =>
      ((await db.query(`SELECT risk_signals FROM listing WHERE external_id = $1`, [record.externalId]))[0].risk_signals as RiskSignal[]).map((s) => s.kind);
    expect(await signalsOf(accessory)).toEqual([RiskSignalKind.COUNTERFEIT_KEYWORDS, RiskSignalKind.SPEC_MISMATCH]);
    expect(await signalsOf(claimed)).toEqual([RiskSignalKind.PRICE_ANOMALY, RiskSignalKind.COUNTERFEIT_KEYWORDS, RiskSignalKind.SPEC_MISMATCH]);
  });

  it("gives a price of 0 or one minor unit, a placeholder, no price signal", async () => {
    for (const amountMinor of [0, 1]) {
      expect(await priceSignalOf({ title: "Quillon Zippy Wallet", price: { amountMinor, currency: "CNY" } })).toBeUndefined();
    }
    expect((await priceSignalOf({ title: "Quillon Zippy Wallet", price: { amountMinor: 2, currency: "CNY" } }))?.reason).toBe(
      "price <1% of MSRP 7,150.00 CNY (Q-ZIPPY Zippy Wallet)",
    );
  });
});
