import { ProductSpellRepair1796740000000 } from "../../src/db/migrations/1796740000000-ProductSpellRepair";
import type { Database } from "../../src/db/data-source";
import { OrgKind } from "../../src/entities/enums";
import { createBrand, createOrganization, createProduct } from "../support/factories";
import { openTestDatabase } from "../support/test-database";
import { runMigrationSteps } from "../support/migration-steps";

// A database migrated and seeded by the commit that brought in product spells, whose code wrote
// none: its products have no spell. The repair gives each such product the one the ProductSpells
// migration gave every product, and leaves the spells of the others as they are.

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

it("gives a product stored with no spell one, from its created_at to its removed_at, and keeps the others' spells", async () => {
  const db = database.dataSource;
  const brand = await createBrand(db, await createOrganization(db, OrgKind.BRAND));
  const january = new Date("2025-01-10T00:00:00Z");
  const march = new Date("2025-03-10T00:00:00Z");
  const seeded = await createProduct(db, brand, { sku: "R-SEEDED", category: "Bags", createdAt: january });
  const removed = await createProduct(db, brand, { sku: "R-REMOVED", category: "Shoes", createdAt: january, removedAt: march });
  await db.query(`DELETE FROM product_spell WHERE product_id = ANY($1)`, [[seeded.id, removed.id]]);
  // Moved to another category in March, as upsertProducts keeps it since.
  const moved = await createProduct(db, brand, { sku: "R-MOVED", category: "Belts", createdAt: january });
  await db.query(`UPDATE product_spell SET category = 'Wallets', ended_at = $2 WHERE product_id = $1`, [moved.id, march]);
  await db.query(`INSERT INTO product_spell (product_id, category, started_at) VALUES ($1, 'Belts', $2)`, [moved.id, march]);

  await runMigrationSteps(db, new ProductSpellRepair1796740000000(), "up");

  const spells = await db.query(
    `SELECT p.sku, s.category, s.started_at, s.ended_at FROM product_spell s JOIN product p ON p.id = s.product_id
      WHERE p.brand_id = $1 ORDER BY p.sku, s.started_at`,
    [brand.id],
  );
  expect(spells).toEqual([
    { sku: "R-MOVED", category: "Wallets", started_at: january, ended_at: march },
    { sku: "R-MOVED", category: "Belts", started_at: march, ended_at: null },
    { sku: "R-REMOVED", category: "Shoes", started_at: january, ended_at: march },
    { sku: "R-SEEDED", category: "Bags", started_at: january, ended_at: null },
  ]);
});
