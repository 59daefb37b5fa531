import { MigrationInterface, QueryRunner } from "typeorm";

// Data only: ALLIANCE_ANONYMOUS indicators stored before they were dated by the day
// (src/auth/intel-visibility.ts, datedFor) get the same dates new ones get. Not undone: the exact
// times are what the change removes.

export class AnonymousIndicatorsDatedByDay1796505792492 implements MigrationInterface {
    name = 'AnonymousIndicatorsDatedByDay1796505792492'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "indicator" SET "created_at" = date_trunc('day', "created_at", 'UTC'), "updated_at" = date_trunc('day', "updated_at", 'UTC'), "first_seen_at" = date_trunc('day', "first_seen_at", 'UTC'), "last_seen_at" = date_trunc('day', "last_seen_at", 'UTC') WHERE "distribution" = 'ALLIANCE_ANONYMOUS'`);
    }

    public async down(): Promise<void> {}

}
