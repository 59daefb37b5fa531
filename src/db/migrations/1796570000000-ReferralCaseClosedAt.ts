import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: a referral's closing time on each of its cases, so that the agency's row scope
// of test buys leaves out those recorded after it (src/auth/row-scopes.ts). A CLOSED referral is
// final, so its last update is when it closed.

export class ReferralCaseClosedAt1796570000000 implements MigrationInterface {
    name = 'ReferralCaseClosedAt1796570000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "referral_infringement" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`
            UPDATE referral_infringement ri SET closed_at = r.updated_at
              FROM referral r
             WHERE r.id = ri.referral_id AND r.status = 'CLOSED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "referral_infringement" DROP COLUMN "closed_at"`);
    }

}
