import { MigrationInterface, QueryRunner } from "typeorm";

// The indicators list filtered by one brand, or by its contributor (contributorId, contributedByMe),
// by confidence. The confidence index alone walks every member's indicators from the top score and
// tests each on the table: a member's indicators holding few scores, a page passed most of the
// others' first (bench:lists: 120-260 ms). With the brand or the contributor first, a page reads its
// rows only; see docs/performance.md ("Every list at scale"). Indicators are written by
// contributeIndicators, not by the listing ingest.

export class IndicatorBrandContributorIndexes1796780000000 implements MigrationInterface {
    name = 'IndicatorBrandContributorIndexes1796780000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "idx_indicator_brand_confidence" ON "indicator" ("brand_id", "confidence", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_indicator_owner_confidence" ON "indicator" ("owner_org_id", "confidence", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_owner_confidence"`);
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_brand_confidence"`);
    }

}
