import { MigrationInterface, QueryRunner } from "typeorm";

// Data only: an indicator could be given an expiry late in the year 9999, which rounding an
// ALLIANCE_ANONYMOUS one up to its day took into the year 10000, a date no reader could be sent:
// every list holding it failed. Such expiries end with 9999 now; new ones are at most ten years
// ahead (src/domain/intel/contribute-indicators.ts). Not undone.

export class IndicatorExpiryWithinDates1796670000000 implements MigrationInterface {
    name = 'IndicatorExpiryWithinDates1796670000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "indicator" SET "expires_at" = '9999-12-31 00:00:00+00' WHERE "expires_at" > '9999-12-31 00:00:00+00'`);
    }

    public async down(): Promise<void> {}

}
