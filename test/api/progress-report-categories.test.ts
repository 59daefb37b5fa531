import { Listing, SuspectedInfringement, type Brand } from "../../src/entities";
import { Marketplace, OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createOrganization, createProduct, createSeller } from "../support/factories";
import { createCast, userPersona } from "../support/personas";
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
    const brand = await createBrand(api.dataSource, await createOrganization(api.dataSource, OrgKind.BRAND, `Category member ${name}`));
    if (category) await createProduct(api.dataSource, brand, { category });
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

  // A member taking its watches out of its catalogue now leaves the period's categories as they
  // stood: Watches had four members in January 2025, and with three it would not be named.
  const [w4] = await api.dataSource.query(`SELECT b.id FROM brand b JOIN organization o ON o.id = b.owner_org_id WHERE o.name = 'Category member W4'`);
  await api.dataSource.query(`UPDATE product SET removed_at = now() WHERE brand_id = $1`, [w4.id]);
  const again = await api.gql<typeof generated.data>(
    `mutation { generateProgressReport(period: "2025-01") { tables { metric categories cells { category marketplace value } } } }`,
    {},
    platformAdmin.as,
  );
  expect(again.data!.generateProgressReport.tables).toEqual(tables);
});
