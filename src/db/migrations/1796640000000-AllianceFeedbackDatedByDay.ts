import { MigrationInterface, QueryRunner } from "typeorm";

// Data only: ALLIANCE-visible feedback stored before it was dated by the day
// (src/auth/feedback-projection.ts, feedbackCreatedAt) gets the date new feedback gets. Not undone:
// the exact times are what the change removes.

export class AllianceFeedbackDatedByDay1796640000000 implements MigrationInterface {
    name = 'AllianceFeedbackDatedByDay1796640000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "policy_feedback" SET "created_at" = date_trunc('day', "created_at", 'UTC') WHERE "visibility" = 'ALLIANCE'`);
    }

    public async down(): Promise<void> {}

}
