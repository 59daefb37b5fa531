import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand (migration:generate would recreate the type): a brand may withdraw its pending
// takedown request (src/domain/takedown-workflow.ts). ADD VALUE runs in this migration's transaction
// (PostgreSQL 12 and later, PGlite too, allow it there as long as the same transaction does not use
// the new value, which this one does not).
//
// down() rebuilds the type without WITHDRAWN, and fails while any request is WITHDRAWN: no other
// status means the same, so it will not guess one.

export class TakedownWithdrawn1796520000000 implements MigrationInterface {
    name = 'TakedownWithdrawn1796520000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."takedown_status" ADD VALUE 'WITHDRAWN'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The partial index's predicate compares with the type being replaced.
        await queryRunner.query(`DROP INDEX "public"."uq_takedown_pending_infringement"`);
        await queryRunner.query(`ALTER TYPE "public"."takedown_status" RENAME TO "takedown_status_old"`);
        await queryRunner.query(`CREATE TYPE "public"."takedown_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED')`);
        await queryRunner.query(`ALTER TABLE "takedown_request" ALTER COLUMN "status" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "takedown_request" ALTER COLUMN "status" TYPE "public"."takedown_status" USING "status"::text::"public"."takedown_status"`);
        await queryRunner.query(`ALTER TABLE "takedown_request" ALTER COLUMN "status" SET DEFAULT 'PENDING'`);
        await queryRunner.query(`DROP TYPE "public"."takedown_status_old"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_takedown_pending_infringement" ON "takedown_request" ("infringement_id") WHERE "status" = 'PENDING'`);
    }

}
