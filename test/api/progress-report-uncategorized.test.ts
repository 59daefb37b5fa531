import { Listing, SuspectedInfringement, type Brand } from "../../src/entities";
import { Marketplace, OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createOrganization, createProduct, createSeller } from "../support/factories";
import { userPersona, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Uncategorized is a row like any category's: a member alone in a category too small to name (here
// the only carmaker) makes it up by itself, and its published zeros would be that member's exact
// figures, its withheld cells where it was active. The members without a brand could not have
// flagged anything, so they do not make the row safe; for a figure that may concern no brand (an
// indicator shared without one) they could.
let api: TestApi;
let platformAdmin: Persona;
let carmaker: Brand;
afterAll(() => api.close());

async function flag(brand: Brand, marketplace: Marketplace, count: number, seen = new Date(Date.UTC(2025, 2, 10))) {
  const db = api.dataSource;
  const seller = await createSeller(db, { marketplace });
  const listings = await db.manager.save(
    Array.from({ length: count }, (_, n) =>
      db.manager.create(Listing, {
        marketplace, externalId: `unc-${brand.id}-${marketplace}-${seen.getTime()}-${n}`, sellerId: seller.id, title: "fake", priceMinor: 100,
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

// A column (with its total) with one withheld cell gives it away as the total less the others.
function expectNoLoneWithheldCell(table: Table) {
  for (const marketplace of new Set(table.cells.map((cell) => cell.marketplace))) {
    const withheld = table.cells.filter((cell) => cell.marketplace === marketplace && cell.value === null).length;
    expect({ marketplace, lone: withheld === 1 }).toEqual({ marketplace, lone: false });
  }
}

it("withholds the whole Uncategorized row when fewer than REPORT_MIN_CONTRIBUTORS members' brands are in it", async () => {
  api = await startTestApi();
  const db = api.dataSource;
  platformAdmin = await userPersona(api, await createOrganization(db, OrgKind.PLATFORM, "Platform"), UserRole.ADMIN);
  for (const [name, count] of [["W1", 10], ["W2", 14], ["W3", 19], ["W4", 25]] as const) {
    const brand = await createBrand(db, await createOrganization(db, OrgKind.BRAND, `Watchmaker ${name}`));
    await createProduct(db, brand, { category: "Watches" });
    await flag(brand, Marketplace.TAOBAO, count);
    await flag(brand, Marketplace.TMALL, count);
  }
  carmaker = await createBrand(db, await createOrganization(db, OrgKind.BRAND, "Carmaker"));
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
  // Nor can it be worked out from the columns, where the carmaker was active or not: no column
  // has its withheld Uncategorized cell alone, to be its total less the others.
  expectNoLoneWithheldCell(flagged);
  // Watches, which four members' brands are in, still publishes its zeros.
  expect(row("Watches").find((cell) => cell.marketplace === "ALIEXPRESS")?.value).toBe(0);
});

// Continues from the members above: the carmaker, four watchmakers, three members without a brand.
it("counts only the members there were by the period's end, and keeps the row, withheld, in a month nothing in it happened", async () => {
  const db = api.dataSource;
  // A toymaker alone in its category, so that the carmaker and it make up Uncategorized in May...
  const toymaker = await createBrand(db, await createOrganization(db, OrgKind.BRAND, "Toymaker"));
  await createProduct(db, toymaker, { category: "Toys" });
  await flag(carmaker, Marketplace.TAOBAO, 7, new Date(Date.UTC(2025, 4, 12)));
  // ...and two members that joined since, with brands in no category: they could flag nothing in
  // May, and counted, the row would pass for one of four members and publish its zeros.
  for (const name of ["L1", "L2"]) {
    const late = await createOrganization(db, OrgKind.BRAND, `Late member ${name}`);
    await db.query(`UPDATE organization SET joined_at = now() WHERE id = $1`, [late.id]);
    await db.query(`UPDATE brand SET created_at = now() WHERE id = $1`, [(await createBrand(db, late)).id]);
  }
  const flaggedIn = async (period: string) => {
    const generated = await api.gql<{ generateProgressReport: { tables: Table[] } }>(
      `mutation($period: String!) { generateProgressReport(period: $period) { tables { metric categories cells { category marketplace value } } } }`,
      { period },
      platformAdmin.as,
    );
    expect(generated.errors).toBeUndefined();
    return generated.data!.generateProgressReport.tables.find((table) => table.metric === "LISTINGS_FLAGGED")!;
  };
  // June: nothing flagged in Uncategorized. Left out, the row's absence would say the two did nothing.
  for (const period of ["2025-05", "2025-06"]) {
    const flagged = await flaggedIn(period);
    expect(flagged.categories).toEqual(["Watches", "Uncategorized"]);
    const uncategorized = flagged.cells.filter((cell) => cell.category === "Uncategorized");
    expect(uncategorized.length).toBeGreaterThan(2);
    expect(uncategorized.filter((cell) => cell.value !== null)).toEqual([]);
    expectNoLoneWithheldCell(flagged);
  }
});
