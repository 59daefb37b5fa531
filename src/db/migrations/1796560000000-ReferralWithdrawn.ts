import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: the platform may withdraw a referral it sent in error before the agency takes it
// up (src/domain/referrals.ts). ADD VALUE runs in this migration's transaction, which does not use
// the new value (see TakedownWithdrawn1796520000000).
//
// down() rebuilds the type without WITHDRAWN, and fails while any referral is WITHDRAWN: no other
// status means the same, so it will not guess one.

export class ReferralWithdrawn1796560000000 implements MigrationInterface {
    name = 'ReferralWithdrawn1796560000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."referral_status" ADD VALUE 'WITHDRAWN'`);
        await queryRunner.query(`ALTER TABLE "referral" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "referral" ADD "withdrawal_reason" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "referral" DROP COLUMN "withdrawal_reason"`);
        await queryRunner.query(`ALTER TABLE "referral" DROP COLUMN "withdrawn_at"`);
        await queryRunner.query(`ALTER TYPE "public"."referral_status" RENAME TO "referral_status_old"`);
        await queryRunner.query(`CREATE TYPE "public"."referral_status" AS ENUM('REFERRED', 'INVESTIGATING', 'RAIDED', 'PROSECUTED', 'CLOSED')`);
        await queryRunner.query(`ALTER TABLE "referral" ALTER COLUMN "status" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "referral" ALTER COLUMN "status" TYPE "public"."referral_status" USING "status"::text::"public"."referral_status"`);
        await queryRunner.query(`ALTER TABLE "referral" ALTER COLUMN "status" SET DEFAULT 'REFERRED'`);
        await queryRunner.query(`DROP TYPE "public"."referral_status_old"`);
    }

}
