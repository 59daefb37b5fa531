import { MigrationInterface, QueryRunner } from "typeorm";

// Written by hand: when a listing was last removed, so that a scan that sees it for sale after then
// puts it back (a relisting) and an earlier one does not (src/ingest/batch/relisting.ts).
//
// The backfill takes the latest trace a removal left on a removed listing: the platform's
// `listing.remove` audit event naming it (a takedown, a store's closure: written a moment after the
// removal), a case's move to REMOVED (the demo seed writes no audit events), its store's closure,
// and its latest sighting (a listing a scan found under a closed store was stored removed as of
// that scan, which is all that dates it). So no scan from before a takedown brings a listing back.

export class ListingRemovedAt1796725000000 implements MigrationInterface {
    name = 'ListingRemovedAt1796725000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "listing" ADD "removed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`
            WITH audited AS (
              SELECT ids.id::uuid AS listing_id, max(a.created_at) AS at
                FROM audit_event a, jsonb_array_elements_text(a.after->'listingIds') ids(id)
               WHERE a.action = 'listing.remove'
               GROUP BY 1
            ), noted AS (
              SELECT si.listing_id, max(n.created_at) AS at
                FROM infringement_note n JOIN suspected_infringement si ON si.id = n.infringement_id
               WHERE n.to_status = 'REMOVED'
               GROUP BY 1
            )
            UPDATE listing l SET removed_at = GREATEST(
                     l.last_seen_at,
                     (SELECT audited.at FROM audited WHERE audited.listing_id = l.id),
                     (SELECT noted.at FROM noted WHERE noted.listing_id = l.id),
                     (SELECT s.status_changed_at FROM seller s WHERE s.id = l.seller_id AND s.status = 'CLOSED'))
             WHERE l.status = 'REMOVED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "listing" DROP COLUMN "removed_at"`);
    }

}
