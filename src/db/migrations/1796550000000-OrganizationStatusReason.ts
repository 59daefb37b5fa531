import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: why and when a member was last suspended or reinstated, on the organization
// (src/domain/member-status.ts), where it was in the audit log only. The backfill takes both from
// each organization's latest suspension or reinstatement event.

export class OrganizationStatusReason1796550000000 implements MigrationInterface {
    name = 'OrganizationStatusReason1796550000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organization" ADD "status_reason" text`);
        await queryRunner.query(`ALTER TABLE "organization" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`
            UPDATE organization o SET status_changed_at = e.created_at,
                   status_reason = CASE WHEN e.action = 'organization.suspend' THEN e.after ->> 'reason' END
              FROM (SELECT DISTINCT ON (target_id) target_id, action, after, created_at FROM audit_event
                     WHERE action IN ('organization.suspend', 'organization.reinstate')
                     ORDER BY target_id, created_at DESC) e
             WHERE o.id = e.target_id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "status_changed_at"`);
        await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "status_reason"`);
    }

}
