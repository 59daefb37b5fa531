import { MigrationInterface, QueryRunner } from "typeorm";

// Progress reports gain the enforcement figures: a referral's outcome is dated by its raid date,
// or by when the agency first recorded it (outcome_recorded_at); a report lists the metrics it
// computed (a money metric has no table in a period without any, see ProgressReport.metrics).
export class ReportEnforcementFigures1795437377409 implements MigrationInterface {
  name = "ReportEnforcementFigures1795437377409";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral" ADD "outcome_recorded_at" TIMESTAMP WITH TIME ZONE`);
    // Before this column, the last update is the best record of when an outcome was given.
    await queryRunner.query(
      `UPDATE "referral" SET "outcome_recorded_at" = "updated_at"
        WHERE "arrests" > 0 OR "seized_units" > 0 OR "seized_value_minor" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "progress_report" ADD "metrics" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `UPDATE "progress_report" p
          SET "metrics" = (SELECT coalesce(jsonb_agg(DISTINCT t->'metric'), '[]') FROM jsonb_array_elements(p."tables") t)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_report" DROP COLUMN "metrics"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP COLUMN "outcome_recorded_at"`);
  }
}
