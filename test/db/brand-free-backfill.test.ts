import { BrandFreeStoreScore1796540000000 } from "../../src/db/migrations/1796540000000-BrandFreeStoreScore";
import { OrgKind, RiskSignalKind } from "../../src/entities/enums";
import { sellerScore } from "../../src/risk/seller-score";
import { ListingIngest } from "../../src/ingest/listing-ingest";
import { createListing, createOrganization, createSeller } from "../support/factories";
import { createCatalogueBrand, listingRecord, ndjson } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";
import { runMigrationSteps } from "../support/migration-steps";

// The migration that brought in brand-free store scores works them out of what was stored: for
// listings whose signals were not capped, it gives what the ingest writes.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Backfill Group");
  await createCatalogueBrand(api.dataSource, org, "Zephyr", [], { sku: "ZS100", name: "Crystal Swan Pendant", logoHash: "804a95d23ac181dc" });
});
afterAll(() => api.close());

// The migration undone and run again over what is stored now.
async function backfillAgain() {
  await runMigrationSteps(api.dataSource, new BrandFreeStoreScore1796540000000(), "down", "up");
}

const stored = async () => ({
  listings: await api.dataSource.query(`SELECT external_id, risk_score, brand_free_score FROM listing ORDER BY external_id`),
  sellers: await api.dataSource.query(`SELECT external_id, brand_free_score_sum::int AS sum, brand_free_risk_score FROM seller ORDER BY external_id`),
});

it("gives listings and stores the brand-free scores the ingest writes", async () => {
  const stores = [
    { externalId: "backfill-clean", name: "Clean", openedAt: "2019-01-01T00:00:00.000Z", brandCount: 2 },
    { externalId: "backfill-struck", name: "Struck", openedAt: "2026-10-20T00:00:00.000Z", brandCount: 40, strikeCount: 2 },
  ];
  const records = [
    listingRecord({ title: "Zephyr Crystal Swan Pendant replica", price: { amountMinor: 20_000, currency: "CNY" }, seller: stores[0] }),
    listingRecord({ title: "Zephyr Crystal Swan Pendant", seller: stores[0] }),
    listingRecord({ title: "Crystal pendant 1:1", price: { amountMinor: 9_000, currency: "CNY" }, seller: stores[0] }),
    listingRecord({ title: "Zephyr Crystal Swan Pendant AAA", price: { amountMinor: 60_000, currency: "CNY" }, seller: stores[1] }),
    listingRecord({ title: "Zephyr pendant", price: { amountMinor: 100_000, currency: "CNY" }, seller: stores[1] }),
  ];
  const service = await ListingIngest.open(api.dataSource, api.config);
  expect(await service.ingestNdjson(ndjson(records), 100)).toMatchObject({ inserted: 5, rejected: 0 });
  const written = await stored();
  // Brand-free scores below the listings' own, and stores that owe something to their listings.
  expect(written.listings.some((l: { risk_score: number; brand_free_score: number }) => l.brand_free_score < l.risk_score)).toBe(true);
  expect(written.listings.every((l: { risk_score: number }) => l.risk_score < 100)).toBe(true);
  expect(written.sellers.every((s: { sum: number }) => s.sum > 0)).toBe(true);

  await backfillAgain();
  expect(await stored()).toEqual(written);
});

it("rounds a store's listings part as the risk model does: a mean of 45 makes 31 (0.7 × 45 is 31.499… in floating point)", async () => {
  const seller = await createSeller(api.dataSource, { listingCount: 1 });
  await createListing(api.dataSource, seller, {
    riskScore: 85,
    riskSignals: [
      { kind: RiskSignalKind.PRICE_ANOMALY, contribution: 40, reason: "a brand's" },
      { kind: RiskSignalKind.COUNTERFEIT_KEYWORDS, contribution: 45, reason: "anyone's" },
    ],
  });
  await backfillAgain();
  const [row] = await api.dataSource.query(`SELECT brand_free_risk_score FROM seller WHERE id = $1`, [seller.id]);
  expect(row.brand_free_risk_score).toBe(sellerScore(1, 45, null).score);
  expect(row.brand_free_risk_score).toBe(31);
});
