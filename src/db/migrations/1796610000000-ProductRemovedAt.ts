import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: a brand takes a product out of its catalogue (a SKU entered by mistake, whose
// specs would pass fakes as genuine) without losing when it was there: the progress reports read a
// brand's category from its catalogue as it stood at a period's end.

export class ProductRemovedAt1796610000000 implements MigrationInterface {
    name = 'ProductRemovedAt1796610000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product" ADD "removed_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "product" DROP COLUMN "removed_at"`);
    }

}
