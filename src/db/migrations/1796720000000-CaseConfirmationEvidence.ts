import { MigrationInterface, QueryRunner } from "typeorm";

// What a case was confirmed on, kept as later scans re-score it. Cases confirmed before this
// migration get their score as it stands now (the one it was confirmed on is gone), dated by
// their latest confirmation's note.

export class CaseConfirmationEvidence1796720000000 implements MigrationInterface {
    name = 'CaseConfirmationEvidence1796720000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "suspected_infringement" ADD "confirmed_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "suspected_infringement" ADD "confirmed_risk_score" smallint`);
        await queryRunner.query(`ALTER TABLE "suspected_infringement" ADD "confirmed_risk_signals" jsonb`);
        await queryRunner.query(`ALTER TABLE "suspected_infringement" ADD "confirmed_model_version" text`);
        await queryRunner.query(
            `UPDATE suspected_infringement si
                SET confirmed_at = n.created_at, confirmed_risk_score = si.risk_score,
                    confirmed_risk_signals = si.risk_signals, confirmed_model_version = si.model_version
               FROM (SELECT DISTINCT ON (infringement_id) infringement_id, created_at FROM infringement_note
                      WHERE from_status = 'UNDER_REVIEW' AND to_status = 'CONFIRMED'
                      ORDER BY infringement_id, created_at DESC) n
              WHERE n.infringement_id = si.id`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "suspected_infringement" DROP COLUMN "confirmed_model_version"`);
        await queryRunner.query(`ALTER TABLE "suspected_infringement" DROP COLUMN "confirmed_risk_signals"`);
        await queryRunner.query(`ALTER TABLE "suspected_infringement" DROP COLUMN "confirmed_risk_score"`);
        await queryRunner.query(`ALTER TABLE "suspected_infringement" DROP COLUMN "confirmed_at"`);
    }

}
