import { MigrationInterface, QueryRunner } from "typeorm";

// Data only: a product stored with no spell in its catalogue gets the one ProductSpells gave each
// product stored before it, from when it was added until its removal (or still open), under its
// category. The commit that brought in product_spell did not write spells yet (its upsertProducts
// and demo seed came a commit later), so a database that `npm start` migrated and seeded there held
// its whole catalogue without any, and a report read every such brand as Uncategorized
// (src/domain/reports/figure-sources.ts). Since then every product gets one as it is added. Not undone.

export class ProductSpellRepair1796740000000 implements MigrationInterface {
    name = 'ProductSpellRepair1796740000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`INSERT INTO "product_spell" ("product_id", "category", "started_at", "ended_at")
            SELECT p."id", p."category", p."created_at", CASE WHEN p."removed_at" IS NOT NULL THEN greatest(p."removed_at", p."created_at") END
              FROM "product" p
             WHERE NOT EXISTS (SELECT 1 FROM "product_spell" s WHERE s."product_id" = p."id")`);
    }

    public async down(): Promise<void> {}

}
