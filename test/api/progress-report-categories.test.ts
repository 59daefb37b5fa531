import { Listing, SuspectedInfringement, type Brand } from "../../src/entities";
import { Marketplace, OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createOrganization, createProduct, createSeller } from "../support/factories";
import { createCast, gid, userPersona, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// A report goes to every member, and its categories are names from members' catalogues: a name
// that fewer than REPORT_MIN_CONTRIBUTORS members' brands are in is one member's catalogue, and is
// not published; its figures count under Uncategorized.
let api: TestApi;
afterAll(() => api.close());

async function flag(brand: Brand, count: number) {
  const db = api.dataSource;
  const seller = await createSeller(db);
  const seen = new Date(Date.UTC(2025, 0, 10));
  const listings = await db.manager.save(
    Array.from({ length: count }, (_, n) =>
      db.manager.create(Listing, {
        marketplace: Marketplace.TAOBAO, externalId: `cat-${brand.id}-${n}`, sellerId: seller.id, title: "fake", priceMinor: 100,
        currency: "CNY", riskScore: 90, modelVersion: "t", riskSignals: [], firstSeenAt: seen,
      }),
    ),
  );
  await db.manager.insert(
    SuspectedInfringement,
    listings.map((listing) => ({
      ownerOrgId: brand.ownerOrgId, brandId: brand.id, listingId: listing.id, sellerId: seller.id, marketplace: Marketplace.TAOBAO,
      riskScore: 90, riskSignals: [], modelVersion: "t", detectedAt: seen,
    })),
  );
}

it("names only the categories enough members are in, and counts a lone member's under Uncategorized", async () => {
  api = await startTestApi();
  const cast = await createCast(api);
  const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  let w4: { brand: Brand; admin: Persona; sku: string } | undefined;
  // Two members without a catalogue count under Uncategorized too.
  for (const [name, category, count] of [
    ["W1", "Watches", 10],
    ["W2", "Watches", 10],
    ["W3", "Watches", 10],
    // A fourth: with three, each member would be one of three, and the others' zeros theirs alone.
    ["W4", "Watches", 10],
    ["Lone", "Project Nightingale launch", 6],
    ["U1", null, 10],
    ["U2", null, 10],
  ] as const) {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, `Category member ${name}`);
    const brand = await createBrand(api.dataSource, org);
    const product = category ? await createProduct(api.dataSource, brand, { category }) : null;
    if (name === "W4") w4 = { brand, admin: await userPersona(api, org, UserRole.ADMIN), sku: product!.sku };
    await flag(brand, count);
  }
  const generated = await api.gql<{ generateProgressReport: { tables: { metric: string; categories: string[]; cells: { category: string | null; marketplace: string | null; value: number | null }[] }[] } }>(
    `mutation { generateProgressReport(period: "2025-01") { tables { metric categories cells { category marketplace value } } } }`,
    {},
    platformAdmin.as,
  );
  expect(generated.errors).toBeUndefined();
  const tables = generated.data!.generateProgressReport.tables;
  expect(JSON.stringify(tables)).not.toContain("Nightingale");
  const flagged = tables.find((table) => table.metric === "LISTINGS_FLAGGED")!;
  expect(flagged.categories).toEqual(["Watches", "Uncategorized"]);
  const total = (category: string | null) => flagged.cells.find((cell) => cell.category === category && cell.marketplace === null)!;
  // The lone member's 6 are in Uncategorized, with the 10 of each member without a catalogue.
  expect([total("Watches").value, total("Uncategorized").value, total(null).value]).toEqual([40, 26, 66]);

  // A member taking its watches out of its catalogue now, or sending them again under another
  // category, leaves the period's categories as they stood: Watches had four members in January
  // 2025, and with three it would not be named.
  const regenerated = async () => {
    const again = await api.gql<typeof generated.data>(
      `mutation { generateProgressReport(period: "2025-01") { tables { metric categories cells { category marketplace value } } } }`,
      {},
      platformAdmin.as,
    );
    return again.data!.generateProgressReport.tables;
  };
  const brandId = gid("Brand", w4!.brand.id);
  const removed = await api.gql(`mutation($input: RemoveProductsInput!) { removeProducts(input: $input) { products { sku } } }`, { input: { brandId, skus: [w4!.sku] } }, w4!.admin.as);
  expect(removed.errors).toBeUndefined();
  expect(await regenerated()).toEqual(tables);
  const product = { sku: w4!.sku, name: "Watch", category: "Jewellery", msrp: { amountMinor: 10_000, currency: "CNY" } };
  const sentAgain = await api.gql(`mutation($input: UpsertProductsInput!) { upsertProducts(input: $input) { updated } }`, { input: { brandId, products: [product] } }, w4!.admin.as);
  expect(sentAgain.data).toEqual({ upsertProducts: { updated: 1 } });
  expect(await regenerated()).toEqual(tables);
});
