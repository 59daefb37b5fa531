import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand (migration:generate would recreate the type): a member may withdraw its own open
// feedback (src/domain/policy-feedback.ts). ADD VALUE runs in this migration's transaction, which
// does not use the new value.
//
// down() rebuilds the type without WITHDRAWN, and fails while any feedback is WITHDRAWN: no other
// status means the same, so it will not guess one.

export class FeedbackWithdrawn1796530000000 implements MigrationInterface {
    name = 'FeedbackWithdrawn1796530000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."feedback_status" ADD VALUE 'WITHDRAWN'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."feedback_status" RENAME TO "feedback_status_old"`);
        await queryRunner.query(`CREATE TYPE "public"."feedback_status" AS ENUM('SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'IMPLEMENTED')`);
        await queryRunner.query(`ALTER TABLE "policy_feedback" ALTER COLUMN "status" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "policy_feedback" ALTER COLUMN "status" TYPE "public"."feedback_status" USING "status"::text::"public"."feedback_status"`);
        await queryRunner.query(`ALTER TABLE "policy_feedback" ALTER COLUMN "status" SET DEFAULT 'SUBMITTED'`);
        await queryRunner.query(`DROP TYPE "public"."feedback_status_old"`);
    }

}
