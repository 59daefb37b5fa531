import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: the API keys list now pages by created_at, and a cursor carries its value as a
// JavaScript date, to the millisecond. A key stored with microseconds would sort between two cursor
// values and be skipped or repeated; like every other paged time column, it now keeps milliseconds.

export class ApiKeyCreatedAtMilliseconds1796632000000 implements MigrationInterface {
    name = 'ApiKeyCreatedAtMilliseconds1796632000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "api_key" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "api_key" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE`);
    }

}
