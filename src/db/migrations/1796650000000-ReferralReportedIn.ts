import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: a referral's raid and outcome figures keep the month of the published report
// that counted them (src/domain/reports/figure-sources.ts, pinReportedReferrals). Referrals counted
// in reports published before this change are pinned here, as publishing pins them now.

export class ReferralReportedIn1796650000000 implements MigrationInterface {
    name = 'ReferralReportedIn1796650000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "referral" ADD "raid_reported_in" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "referral" ADD "outcome_reported_in" TIMESTAMP WITH TIME ZONE`);
        const raidDay = `("referral"."raid_date"::timestamp AT TIME ZONE 'UTC')`;
        const published = (dated: string) =>
            `(SELECT pr."period_start" FROM "progress_report" pr
               WHERE pr."period_kind" = 'MONTH' AND pr."status" = 'PUBLISHED' AND ${dated} >= pr."period_start" AND ${dated} < pr."period_end")`;
        await queryRunner.query(`UPDATE "referral" SET "raid_reported_in" = ${published(raidDay)}`);
        await queryRunner.query(`UPDATE "referral" SET "outcome_reported_in" = ${published(`coalesce(${raidDay}, "referral"."outcome_recorded_at")`)}`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "referral" DROP COLUMN "outcome_reported_in"`);
        await queryRunner.query(`ALTER TABLE "referral" DROP COLUMN "raid_reported_in"`);
    }

}
