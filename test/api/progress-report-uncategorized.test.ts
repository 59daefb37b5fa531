import { Listing, SuspectedInfringement, type Brand } from "../../src/entities";
import { Marketplace, OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createOrganization, createProduct, createSeller } from "../support/factories";
import { userPersona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Uncategorized is a row like any category's: a member alone in a category too small to name (here
// the only carmaker) makes it up by itself, and its published zeros would be that member's exact
// figures, its withheld cells where it was active. The members without a brand could not have
// flagged anything, so they do not make the row safe; for a figure that may concern no brand (an
// indicator shared without one) they could.
let api: TestApi;
afterAll(() => api.close());

async function flag(brand: Brand, marketplace: Marketplace, count: number) {
  const db = api.dataSource;
  const seller = await createSeller(db, { marketplace });
  const seen = new Date(Date.UTC(2025, 2, 10));
  const listings = await db.manager.save(
    Array.from({ length: count }, (_, n) =>
      db.manager.create(Listing, {
        marketplace, externalId: `unc-${brand.id}-${marketplace}-${n}`, sellerId: seller.id, title: "fake", priceMinor: 100,
        currency: "CNY", riskScore: 90, modelVersion: "t", riskSignals: [], firstSeenAt: seen,
      }),
    ),
  );
  await db.manager.insert(
    SuspectedInfringement,
    listings.map((listing) => ({
      ownerOrgId: brand.ownerOrgId, brandId: brand.id, listingId: listing.id, sellerId: seller.id, marketplace,
      riskScore: 90, riskSignals: [], modelVersion: "t", detectedAt: seen,
    })),
  );
}

type Cell = { category: string | null; marketplace: string | null; value: number | null };
type Table = { metric: string; categories: string[]; cells: Cell[] };

it("withholds the whole Uncategorized row when fewer than REPORT_MIN_CONTRIBUTORS members' brands are in it", async () => {
  api = await startTestApi();
  const db = api.dataSource;
  const platformAdmin = await userPersona(api, await createOrganization(db, OrgKind.PLATFORM, "Platform"), UserRole.ADMIN);
  for (const [name, count] of [["W1", 10], ["W2", 14], ["W3", 19], ["W4", 25]] as const) {
    const brand = await createBrand(db, await createOrganization(db, OrgKind.BRAND, `Watchmaker ${name}`));
    await createProduct(db, brand, { category: "Watches" });
    await flag(brand, Marketplace.TAOBAO, count);
    await flag(brand, Marketplace.TMALL, count);
  }
  const carmaker = await createBrand(db, await createOrganization(db, OrgKind.BRAND, "Carmaker"));
  await createProduct(db, carmaker, { category: "Auto parts" });
  await flag(carmaker, Marketplace.TAOBAO, 7);
  // Members that own no brand yet.
  for (const name of ["N1", "N2", "N3"]) await createOrganization(db, OrgKind.BRAND, `New member ${name}`);

  const generated = await api.gql<{ generateProgressReport: { tables: Table[] } }>(
    `mutation { generateProgressReport(period: "2025-03") { tables { metric categories cells { category marketplace value } } } }`,
    {},
    platformAdmin.as,
  );
  expect(generated.errors).toBeUndefined();
  const flagged = generated.data!.generateProgressReport.tables.find((table) => table.metric === "LISTINGS_FLAGGED")!;
  expect(flagged.categories).toEqual(["Watches", "Uncategorized"]);
  const row = (category: string | null) => flagged.cells.filter((cell) => cell.category === category);
  const uncategorized = row("Uncategorized");
  expect(uncategorized.length).toBeGreaterThan(2);
  expect(uncategorized.filter((cell) => cell.value !== null)).toEqual([]);
  // Nor can it be worked out from the columns: where the carmaker was active, the column's other
  // cells or its total are withheld too.
  const taobao = flagged.cells.filter((cell) => cell.marketplace === "TAOBAO");
  expect(taobao.filter((cell) => cell.value === null).length).toBeGreaterThanOrEqual(2);
  // Watches, which four members' brands are in, still publishes its zeros.
  expect(row("Watches").find((cell) => cell.marketplace === "ALIEXPRESS")?.value).toBe(0);
});
