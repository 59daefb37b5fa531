import { MigrationInterface, QueryRunner } from "typeorm";

// A member's stores are those its cases, its referred cases and its lawsuits name (the seller row
// scope, src/auth/row-scopes.ts): a stores page walks the score index and checks each store
// against the three. Cases and lawsuits have an index that starts with the store; referred cases
// had none, so each store checked scanned the referrals' agency-first index. On bench:lists' data
// (the member with 25,773 of 123,889 stores) its least risky stores took 3.6 s and its riskiest
// 29 ms; with this index, see docs/performance.md ("Every list at scale"). referral_infringement
// is not written by the listing ingest.

export class ReferralStoreIndex1796760000000 implements MigrationInterface {
    name = 'ReferralStoreIndex1796760000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "idx_referral_infringement_seller_owner" ON "referral_infringement" ("seller_id", "owner_org_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_referral_infringement_seller_owner"`);
    }

}
