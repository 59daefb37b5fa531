import { MigrationInterface, QueryRunner } from "typeorm";

// The lists' orders and the sync filter, for the viewers the owner-first indexes do not serve: the
// platform's cases list, newest or riskiest first, read and sorted every case for each page; a
// sync's updatedFrom read every member's cases, for a brand too; an indicators list by confidence
// or by last sighting read and sorted every indicator the viewer may see.

export class ListOrderIndexes1796680000000 implements MigrationInterface {
    name = 'ListOrderIndexes1796680000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "idx_infringement_detected" ON "suspected_infringement" ("detected_at", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_infringement_score" ON "suspected_infringement" ("risk_score", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_infringement_updated" ON "suspected_infringement" ("updated_at", "owner_org_id") `);
        await queryRunner.query(`CREATE INDEX "idx_indicator_confidence" ON "indicator" ("confidence", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_indicator_last_seen" ON "indicator" ("last_seen_at", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_last_seen"`);
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_confidence"`);
        await queryRunner.query(`DROP INDEX "public"."idx_infringement_updated"`);
        await queryRunner.query(`DROP INDEX "public"."idx_infringement_score"`);
        await queryRunner.query(`DROP INDEX "public"."idx_infringement_detected"`);
    }

}
