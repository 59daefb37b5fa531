import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: a store's score as members and agencies read it, made from its listings'
// brand-free scores (src/auth/store-score.ts).
//
// The backfill reads what is stored. A listing's brand-free score is the sum of its stored signals
// that read no brand's catalogue, which is exact unless its signals were capped at 100; its next
// scan writes the exact one (the fingerprint now covers it, so that scan rewrites the listing). A
// store's is then worked out as the risk model does: 70% of its listings' mean, plus its record's
// SELLER_HISTORY signal, capped at 100, in the same floating point and rounding as JavaScript's
// Math.round(0.7 * (sum / count)): a mean of 45 makes 31 (0.7 × 45 is 31.499… in floating point),
// where exact numeric arithmetic would make 32.

export class BrandFreeStoreScore1796540000000 implements MigrationInterface {
    name = 'BrandFreeStoreScore1796540000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "listing" ADD "brand_free_score" smallint NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "seller" ADD "brand_free_risk_score" smallint NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "seller" ADD "brand_free_score_sum" bigint NOT NULL DEFAULT '0'`);
        await queryRunner.query(`
            UPDATE listing l SET brand_free_score = b.score
              FROM (SELECT l2.id, LEAST(100, sum((x->>'contribution')::int))::smallint AS score
                      FROM listing l2, jsonb_array_elements(l2.risk_signals) x
                     WHERE x->>'kind' NOT IN ('PRICE_ANOMALY', 'LOGO_MATCH', 'SPEC_MISMATCH')
                     GROUP BY l2.id) b
             WHERE l.id = b.id`);
        await queryRunner.query(`
            UPDATE seller s SET brand_free_score_sum = t.total,
                   brand_free_risk_score = LEAST(100,
                     CASE WHEN s.listing_count > 0 THEN floor(0.7::float8 * (t.total::float8 / s.listing_count) + 0.5)::int ELSE 0 END
                     + coalesce((SELECT (x->>'contribution')::int FROM jsonb_array_elements(s.risk_signals) x
                                  WHERE x->>'kind' = 'SELLER_HISTORY' LIMIT 1), 0))
              FROM (SELECT seller_id, sum(brand_free_score) AS total FROM listing GROUP BY seller_id) t
             WHERE s.id = t.seller_id`);
        await queryRunner.query(`
            UPDATE seller s SET brand_free_risk_score = LEAST(100, coalesce((SELECT (x->>'contribution')::int
                     FROM jsonb_array_elements(s.risk_signals) x WHERE x->>'kind' = 'SELLER_HISTORY' LIMIT 1), 0))
             WHERE NOT EXISTS (SELECT 1 FROM listing l WHERE l.seller_id = s.id)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "seller" DROP COLUMN "brand_free_score_sum"`);
        await queryRunner.query(`ALTER TABLE "seller" DROP COLUMN "brand_free_risk_score"`);
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "brand_free_score"`);
    }

}
