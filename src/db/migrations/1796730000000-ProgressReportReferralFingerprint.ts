import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: a month's report records the referral data its raid and outcome figures rest on
// (src/domain/reports/figure-sources.ts, referralFingerprint), and publishing refuses it when that
// data changed since. Drafts generated before this change have none: they are refused too, and
// generated again, since what their figures rest on was never recorded.

export class ProgressReportReferralFingerprint1796730000000 implements MigrationInterface {
    name = 'ProgressReportReferralFingerprint1796730000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "progress_report" ADD "referral_fingerprint" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "progress_report" DROP COLUMN "referral_fingerprint"`);
    }

}
