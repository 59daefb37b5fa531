import { MigrationInterface, QueryRunner } from "typeorm";

// Data only: ALLIANCE_ANONYMOUS indicators stored before their expiry was rounded up to the day
// (src/auth/intel-visibility.ts, expiresFor) get the expiry new ones get. Not undone: the exact
// times are what the change removes.

export class AnonymousIndicatorsExpireByDay1796510000000 implements MigrationInterface {
    name = 'AnonymousIndicatorsExpireByDay1796510000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "indicator" SET "expires_at" = date_trunc('day', "expires_at" - interval '1 microsecond', 'UTC') + interval '24 hours' WHERE "distribution" = 'ALLIANCE_ANONYMOUS' AND "expires_at" IS NOT NULL`);
    }

    public async down(): Promise<void> {}

}
