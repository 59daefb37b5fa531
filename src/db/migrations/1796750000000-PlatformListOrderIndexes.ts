import { MigrationInterface, QueryRunner } from "typeorm";

// The platform's lists of test buys, takedown requests and policy feedback in their order, which
// the owner-first indexes do not serve. Each page read every row, built its JSON (which
// PostgreSQL does before the sort) and sorted them: on bench:lists' data (44,540 test buys, 50,408
// requests, 20,003 feedback) 235, 411 and 84 ms a page (EXPLAIN ANALYZE); with these, 5.7, 2.7
// and 1.0 ms, reading the page's rows only. None of these tables is written by the listing ingest.

export class PlatformListOrderIndexes1796750000000 implements MigrationInterface {
    name = 'PlatformListOrderIndexes1796750000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "idx_test_buy_ordered" ON "test_buy" ("ordered_at", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_takedown_requested" ON "takedown_request" ("requested_at", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_policy_feedback_created" ON "policy_feedback" ("created_at", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_policy_feedback_created"`);
        await queryRunner.query(`DROP INDEX "public"."idx_takedown_requested"`);
        await queryRunner.query(`DROP INDEX "public"."idx_test_buy_ordered"`);
    }

}
