import { MigrationInterface, QueryRunner } from "typeorm";

// The indicators list filtered by one kind, in each of its orders. The order indexes alone walk
// every kind's rows and test each on the table: a kind that is a quarter of the indicators cost
// bench:lists' pages 135-200 ms, and one rare kind would read the whole table for a page. With
// the kind first, a page reads its rows only; see docs/performance.md ("Every list at scale").
// Indicators are written by contributeIndicators, not by the listing ingest.

export class IndicatorKindOrderIndexes1796770000000 implements MigrationInterface {
    name = 'IndicatorKindOrderIndexes1796770000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "idx_indicator_kind_created" ON "indicator" ("kind", "created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_indicator_kind_confidence" ON "indicator" ("kind", "confidence", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_indicator_kind_last_seen" ON "indicator" ("kind", "last_seen_at", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_kind_last_seen"`);
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_kind_confidence"`);
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_kind_created"`);
    }

}
