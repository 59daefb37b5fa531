import { MigrationInterface, QueryRunner } from "typeorm";

// The stores list's orders: a member's page, riskiest first, read every store of the member (25,800
// for the largest) and sorted them, 0.3-0.6 s; the platform's read and sorted every store. In
// order, a page reads its rows' stores and stops.

export class SellerOrderIndexes1796700000000 implements MigrationInterface {
    name = 'SellerOrderIndexes1796700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "idx_seller_score" ON "seller" ("risk_score", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_seller_brand_free_score" ON "seller" ("brand_free_risk_score", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_seller_strikes" ON "seller" ("strike_count", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_seller_strikes"`);
        await queryRunner.query(`DROP INDEX "public"."idx_seller_brand_free_score"`);
        await queryRunner.query(`DROP INDEX "public"."idx_seller_score"`);
    }

}
