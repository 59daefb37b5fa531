import { ProductSpells1796635000000 } from "../../src/db/migrations/1796635000000-ProductSpells";
import type { Database } from "../../src/db/data-source";
import { OrgKind } from "../../src/entities/enums";
import { createBrand, createOrganization, createProduct } from "../support/factories";
import { openTestDatabase } from "../support/test-database";
import { runMigrationSteps } from "../support/migration-steps";

// The migration that brought in product spells gives each stored product one, from when it was
// added until its removal, under the category it has.

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

it("gives each product one spell, from its created_at to its removed_at", async () => {
  const db = database.dataSource;
  const brand = await createBrand(db, await createOrganization(db, OrgKind.BRAND));
  const january = new Date("2025-01-10T00:00:00Z");
  await createProduct(db, brand, { sku: "B-IN", category: "Bags", createdAt: january });
  await createProduct(db, brand, { sku: "B-OUT", category: "Shoes", createdAt: january, removedAt: new Date("2025-03-10T00:00:00Z") });
  // Removed by an API clock a little behind the database's: the spell ends as it starts.
  const skewed = await createProduct(db, brand, { sku: "B-SKEW", category: "Belts", createdAt: january });
  await db.query(`UPDATE product SET removed_at = $1 WHERE id = $2`, [new Date("2025-01-09T23:59:59.990Z"), skewed.id]);

  await runMigrationSteps(db, new ProductSpells1796635000000(), "down", "up");

  const spells = await db.query(
    `SELECT p.sku, s.category, s.started_at, s.ended_at FROM product_spell s JOIN product p ON p.id = s.product_id WHERE p.brand_id = $1 ORDER BY p.sku`,
    [brand.id],
  );
  expect(spells).toEqual([
    { sku: "B-IN", category: "Bags", started_at: january, ended_at: null },
    { sku: "B-OUT", category: "Shoes", started_at: january, ended_at: new Date("2025-03-10T00:00:00Z") },
    { sku: "B-SKEW", category: "Belts", started_at: january, ended_at: january },
  ]);
});
