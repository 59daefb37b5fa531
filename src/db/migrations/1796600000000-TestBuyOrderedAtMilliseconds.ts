import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: the test buys list pages by ordered_at, and a cursor carries its value as a
// JavaScript date, to the millisecond. A row stored with microseconds (written by anything other
// than the API) would sort between two cursor values and be skipped or repeated; like every other
// paged time column, it now keeps milliseconds.

export class TestBuyOrderedAtMilliseconds1796600000000 implements MigrationInterface {
    name = 'TestBuyOrderedAtMilliseconds1796600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "test_buy" ALTER COLUMN "ordered_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "test_buy" ALTER COLUMN "ordered_at" TYPE TIMESTAMP WITH TIME ZONE`);
    }

}
