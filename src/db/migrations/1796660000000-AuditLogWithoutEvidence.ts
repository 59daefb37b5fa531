import { MigrationInterface, QueryRunner } from "typeorm";

// Data only: a test buy's outcome event held a copy of its evidence, which the audit log's readers
// read with no record of the read (src/auth/sensitive-fields.ts). Stored events keep the count, as
// new ones are written (src/domain/test-buys.ts). Not undone: the copies are what the change removes,
// and the test buy itself still holds its evidence.

export class AuditLogWithoutEvidence1796660000000 implements MigrationInterface {
    name = 'AuditLogWithoutEvidence1796660000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            `UPDATE "audit_event" SET "after" = ("after" - 'evidence') || jsonb_build_object('evidenceItems', jsonb_array_length("after"->'evidence'))
              WHERE "action" = 'testBuy.outcome' AND jsonb_typeof("after"->'evidence') = 'array'`,
        );
    }

    public async down(): Promise<void> {}

}
