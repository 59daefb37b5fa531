import type { EntityManager } from "typeorm";

// A product's spells in its brand's catalogue (product_spell), written with every change to the
// catalogue in the same transaction, one statement for all the products of a call.

// After an upsert: a product whose category changed ends its spell and starts one under the new
// category at the same instant; one that had none open (new, or sent again after its removal)
// starts one. A spell never starts before the product's last one ended: a removal and an upsert
// may be dated by the clocks of two API processes.
export async function openCatalogueSpells(manager: EntityManager, productIds: readonly string[], at: Date): Promise<void> {
  await manager.query(
    `UPDATE product_spell s SET ended_at = greatest($2::timestamptz, s.started_at)
       FROM product p
      WHERE p.id = ANY($1::uuid[]) AND s.product_id = p.id AND s.ended_at IS NULL AND s.category <> p.category`,
    [productIds, at],
  );
  await manager.query(
    `INSERT INTO product_spell (product_id, category, started_at)
     SELECT p.id, p.category, greatest($2::timestamptz, (SELECT max(s.ended_at) FROM product_spell s WHERE s.product_id = p.id))
       FROM product p
      WHERE p.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM product_spell s WHERE s.product_id = p.id AND s.ended_at IS NULL)`,
    [productIds, at],
  );
}

// A removal ends each product's open spell.
export async function endCatalogueSpells(manager: EntityManager, productIds: readonly string[], at: Date): Promise<void> {
  await manager.query(
    `UPDATE product_spell SET ended_at = greatest($2::timestamptz, started_at) WHERE product_id = ANY($1::uuid[]) AND ended_at IS NULL`,
    [productIds, at],
  );
}
