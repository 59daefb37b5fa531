import { MigrationInterface, QueryRunner } from "typeorm";

// A member's cases oldest first with updatedFrom, as CaseDetectedIndexHoldsUpdated did for the
// platform's and an agency's: the owner's (detected at, id) walk tested updated_at on each case's
// row, 21,650 rows before bench:lists' page (EXPLAIN ANALYZE 727 ms); with updated_at the index's
// last column, it is checked on the entries (0.9 ms). The same index, wider: no new entry for the
// listing ingest to write.

export class CaseOwnerDetectedIndexHoldsUpdated1796800000000 implements MigrationInterface {
    name = 'CaseOwnerDetectedIndexHoldsUpdated1796800000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_infringement_owner_detected"`);
        await queryRunner.query(`CREATE INDEX "idx_infringement_owner_detected" ON "suspected_infringement" ("owner_org_id", "detected_at", "id", "status", "marketplace", "brand_id", "risk_score", "updated_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_infringement_owner_detected"`);
        await queryRunner.query(`CREATE INDEX "idx_infringement_owner_detected" ON "suspected_infringement" ("owner_org_id", "detected_at", "id", "status", "marketplace", "brand_id", "risk_score") `);
    }

}
