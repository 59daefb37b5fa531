import { MigrationInterface, QueryRunner } from "typeorm";

// Shared intelligence: indicators (matched by keyed hash), their sightings, and blind-match quota usage.
export class SharedIntelligence1795435739543 implements MigrationInterface {
    name = 'SharedIntelligence1795435739543'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."indicator_kind" AS ENUM('SELLER', 'KEYWORD', 'IMAGE_HASH', 'PHONE', 'ADDRESS', 'PAYMENT_ACCOUNT', 'DOMAIN', 'FACTORY')`);
        await queryRunner.query(`CREATE TYPE "public"."indicator_distribution" AS ENUM('PRIVATE', 'MATCH_ONLY', 'ALLIANCE_ANONYMOUS', 'ALLIANCE')`);
        await queryRunner.query(`CREATE TABLE "indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_org_id" uuid NOT NULL, "kind" "public"."indicator_kind" NOT NULL, "value" text NOT NULL, "value_hash" bytea NOT NULL, "distribution" "public"."indicator_distribution" NOT NULL, "confidence" smallint NOT NULL, "note" text, "brand_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE, "first_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_indicator_owner_hash" UNIQUE ("owner_org_id", "value_hash"), CONSTRAINT "PK_4693fe4c2cb912a71e05c589e7e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3a3b4f0040393cb28bb90b5fc5" ON "indicator" ("owner_org_id") `);
        await queryRunner.query(`CREATE INDEX "idx_indicator_created" ON "indicator" ("created_at", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_indicator_value_hash" ON "indicator" ("value_hash") `);
        await queryRunner.query(`CREATE TABLE "indicator_sighting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_org_id" uuid NOT NULL, "indicator_id" uuid NOT NULL, "seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "source" text NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_77e958a5bf86a6084b4b185e391" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_02aed44b19c5d8a48208914289" ON "indicator_sighting" ("owner_org_id") `);
        await queryRunner.query(`CREATE INDEX "idx_indicator_sighting_indicator" ON "indicator_sighting" ("indicator_id", "seen_at") `);
        await queryRunner.query(`CREATE TABLE "intel_lookup_usage" ("org_id" uuid NOT NULL, "window_kind" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "lookups" integer NOT NULL, CONSTRAINT "PK_ab3a649b0f429ae984cbaaf3e5f" PRIMARY KEY ("org_id", "window_kind", "window_start"))`);
        await queryRunner.query(`ALTER TABLE "indicator" ADD CONSTRAINT "FK_3a3b4f0040393cb28bb90b5fc58" FOREIGN KEY ("owner_org_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "indicator" ADD CONSTRAINT "FK_0e5b0f06ecd9816a45160d07249" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "indicator_sighting" ADD CONSTRAINT "FK_02aed44b19c5d8a482089142891" FOREIGN KEY ("owner_org_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "indicator_sighting" ADD CONSTRAINT "FK_e320576221559437ff867a67170" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "indicator_sighting" DROP CONSTRAINT "FK_e320576221559437ff867a67170"`);
        await queryRunner.query(`ALTER TABLE "indicator_sighting" DROP CONSTRAINT "FK_02aed44b19c5d8a482089142891"`);
        await queryRunner.query(`ALTER TABLE "indicator" DROP CONSTRAINT "FK_0e5b0f06ecd9816a45160d07249"`);
        await queryRunner.query(`ALTER TABLE "indicator" DROP CONSTRAINT "FK_3a3b4f0040393cb28bb90b5fc58"`);
        await queryRunner.query(`DROP TABLE "intel_lookup_usage"`);
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_sighting_indicator"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_02aed44b19c5d8a48208914289"`);
        await queryRunner.query(`DROP TABLE "indicator_sighting"`);
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_value_hash"`);
        await queryRunner.query(`DROP INDEX "public"."idx_indicator_created"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3a3b4f0040393cb28bb90b5fc5"`);
        await queryRunner.query(`DROP TABLE "indicator"`);
        await queryRunner.query(`DROP TYPE "public"."indicator_distribution"`);
        await queryRunner.query(`DROP TYPE "public"."indicator_kind"`);
    }

}
