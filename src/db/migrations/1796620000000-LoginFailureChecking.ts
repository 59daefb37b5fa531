import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: how many of an address's counted sign-ins are still having their password
// checked, so that a sign-in refused only because of those is told to retry in a second rather
// than at the window's end (src/auth/login-throttle.ts).

export class LoginFailureChecking1796620000000 implements MigrationInterface {
    name = 'LoginFailureChecking1796620000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "login_failure" ADD "checking" integer NOT NULL DEFAULT 0`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "login_failure" DROP COLUMN "checking"`);
    }

}
