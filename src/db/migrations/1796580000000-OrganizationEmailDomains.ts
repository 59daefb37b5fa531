import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: the email domains an organization's admins may invite (src/domain/email-domains.ts).
// Each organization starts with the domains its users' addresses are at now.

export class OrganizationEmailDomains1796580000000 implements MigrationInterface {
    name = 'OrganizationEmailDomains1796580000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organization" ADD "email_domains" text array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`
            UPDATE organization o SET email_domains = d.domains
              FROM (SELECT owner_org_id, array_agg(DISTINCT split_part(email, '@', 2) ORDER BY split_part(email, '@', 2)) AS domains
                      FROM app_user GROUP BY owner_org_id) d
             WHERE d.owner_org_id = o.id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "email_domains"`);
    }

}
