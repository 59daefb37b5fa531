import { MigrationInterface, QueryRunner } from "typeorm";

// The platform's and an agency's cases oldest first with updatedFrom. The page walks
// (detected at, id) from the oldest and tested each case's updated_at on its row: recently updated
// cases being mostly recently detected ones, bench:lists' page read about 170,000 rows first (0.4-1 s
// over HTTP, 3-5 s of EXPLAIN ANALYZE from a cold cache). With updated_at a column of the same index,
// the window is checked on the index's entries and only the page's rows are read. The same index,
// wider: no new entry for the listing ingest to write; an update of updated_at wrote one in it already
// (idx_infringement_updated makes such an update no HOT update).

export class CaseDetectedIndexHoldsUpdated1796790000000 implements MigrationInterface {
    name = 'CaseDetectedIndexHoldsUpdated1796790000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_infringement_detected"`);
        await queryRunner.query(`CREATE INDEX "idx_infringement_detected" ON "suspected_infringement" ("detected_at", "id", "updated_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_infringement_detected"`);
        await queryRunner.query(`CREATE INDEX "idx_infringement_detected" ON "suspected_infringement" ("detected_at", "id") `);
    }

}
