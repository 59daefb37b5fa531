import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: when an account was last enabled, so that tokens issued before it stay dead
// (src/auth/resolve-viewer.ts). Accounts enabled before this migration keep their tokens.

export class UserTokensValidFrom1796590000000 implements MigrationInterface {
    name = 'UserTokensValidFrom1796590000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "app_user" ADD "tokens_valid_from" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "tokens_valid_from"`);
    }

}
