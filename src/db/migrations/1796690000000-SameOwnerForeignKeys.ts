import { MigrationInterface, QueryRunner } from "typeorm";

// A row's owner must be its parent's: a case's and a product's and an indicator's brand, a note's,
// a takedown's, a test buy's and a referred case's case, a takedown's brand, a referred case's
// referral (its agency). The code always copied the owner from the parent; now the foreign keys
// cover the owner too, so that the database refuses a row that would put one member's data under
// another's (entities/tenant-owned.ts, sameOwnerAs). Each parent's (id, owner) is made unique for
// the keys to refer to.
//
// Rows that break the rule already would fail the keys with PostgreSQL's own message; they are
// counted first, so that the migration stops naming the table and how many rows, to be looked at.
const SAME_OWNER_KEYS: { table: string; name: string; dropped: string; columns: [string, string]; parent: string; parentColumns: [string, string] }[] = [
  { table: "suspected_infringement", name: "FK_1b6250017b429053dad1f286fbf", dropped: "FK_1debf9417538309e28fe44d8dfa", columns: ["brand_id", "owner_org_id"], parent: "brand", parentColumns: ["id", "owner_org_id"] },
  { table: "product", name: "FK_b0c756b5410ea97eaa2c2f5aa3c", dropped: "FK_2eb5ce4324613b4b457c364f4a2", columns: ["brand_id", "owner_org_id"], parent: "brand", parentColumns: ["id", "owner_org_id"] },
  { table: "indicator", name: "FK_2cf0d6d82f88d0a55dc096c20ed", dropped: "FK_0e5b0f06ecd9816a45160d07249", columns: ["brand_id", "owner_org_id"], parent: "brand", parentColumns: ["id", "owner_org_id"] },
  { table: "takedown_request", name: "FK_7199281cb1c84cc576cf6806f30", dropped: "FK_6e004181b3249f08c5a7ffa664a", columns: ["brand_id", "owner_org_id"], parent: "brand", parentColumns: ["id", "owner_org_id"] },
  { table: "infringement_note", name: "FK_24eae8c2e86604958438b84f84d", dropped: "FK_e94402b8bc04e347395983451ac", columns: ["infringement_id", "owner_org_id"], parent: "suspected_infringement", parentColumns: ["id", "owner_org_id"] },
  { table: "takedown_request", name: "FK_da5c1334407b0e64e46bba211e0", dropped: "FK_d5e331abef0024682ff790afb5a", columns: ["infringement_id", "owner_org_id"], parent: "suspected_infringement", parentColumns: ["id", "owner_org_id"] },
  { table: "test_buy", name: "FK_18236157ae8bc279b97d1b607a1", dropped: "FK_d5482d3b93bb06bd20439802a19", columns: ["infringement_id", "owner_org_id"], parent: "suspected_infringement", parentColumns: ["id", "owner_org_id"] },
  { table: "referral_infringement", name: "FK_ce62174f96f354697a2ee0cf06f", dropped: "FK_e2762a8092e9823230016d33c19", columns: ["infringement_id", "owner_org_id"], parent: "suspected_infringement", parentColumns: ["id", "owner_org_id"] },
  { table: "referral_infringement", name: "FK_3efe9335e1840d2a955705fc916", dropped: "FK_614eb7dad7fd22a73033daed34d", columns: ["referral_id", "agency_org_id"], parent: "referral", parentColumns: ["id", "agency_org_id"] },
];

const SINGLE_KEYS: Record<string, string> = {
  FK_1debf9417538309e28fe44d8dfa: `FOREIGN KEY ("brand_id") REFERENCES "brand"("id")`,
  FK_2eb5ce4324613b4b457c364f4a2: `FOREIGN KEY ("brand_id") REFERENCES "brand"("id")`,
  FK_0e5b0f06ecd9816a45160d07249: `FOREIGN KEY ("brand_id") REFERENCES "brand"("id")`,
  FK_6e004181b3249f08c5a7ffa664a: `FOREIGN KEY ("brand_id") REFERENCES "brand"("id")`,
  FK_e94402b8bc04e347395983451ac: `FOREIGN KEY ("infringement_id") REFERENCES "suspected_infringement"("id")`,
  FK_d5e331abef0024682ff790afb5a: `FOREIGN KEY ("infringement_id") REFERENCES "suspected_infringement"("id")`,
  FK_d5482d3b93bb06bd20439802a19: `FOREIGN KEY ("infringement_id") REFERENCES "suspected_infringement"("id")`,
  FK_e2762a8092e9823230016d33c19: `FOREIGN KEY ("infringement_id") REFERENCES "suspected_infringement"("id")`,
  FK_614eb7dad7fd22a73033daed34d: `FOREIGN KEY ("referral_id") REFERENCES "referral"("id")`,
};

export class SameOwnerForeignKeys1796690000000 implements MigrationInterface {
    name = 'SameOwnerForeignKeys1796690000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const wrong: string[] = [];
        for (const key of SAME_OWNER_KEYS) {
            const [{ rows }] = await queryRunner.query(
                `SELECT count(*)::int AS rows FROM "${key.table}" c JOIN "${key.parent}" p ON p."${key.parentColumns[0]}" = c."${key.columns[0]}"
                  WHERE p."${key.parentColumns[1]}" <> c."${key.columns[1]}"`,
            );
            if (rows > 0) wrong.push(`${rows} rows of ${key.table} whose ${key.columns[1]} is not their ${key.parent}'s (by ${key.columns[0]})`);
        }
        if (wrong.length > 0) {
            throw new Error(`Rows belong to another organization than the rows they refer to, which the API never writes: ${wrong.join("; ")}. Correct them, then start again`);
        }
        await queryRunner.query(`ALTER TABLE "brand" ADD CONSTRAINT "uq_brand_id_owner" UNIQUE ("id", "owner_org_id")`);
        await queryRunner.query(`ALTER TABLE "suspected_infringement" ADD CONSTRAINT "uq_infringement_id_owner" UNIQUE ("id", "owner_org_id")`);
        await queryRunner.query(`ALTER TABLE "referral" ADD CONSTRAINT "uq_referral_id_agency" UNIQUE ("id", "agency_org_id")`);
        for (const key of SAME_OWNER_KEYS) {
            await queryRunner.query(`ALTER TABLE "${key.table}" DROP CONSTRAINT "${key.dropped}"`);
            await queryRunner.query(
                `ALTER TABLE "${key.table}" ADD CONSTRAINT "${key.name}" FOREIGN KEY ("${key.columns[0]}", "${key.columns[1]}") ` +
                    `REFERENCES "${key.parent}"("${key.parentColumns[0]}","${key.parentColumns[1]}") ON DELETE RESTRICT ON UPDATE NO ACTION`,
            );
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const key of [...SAME_OWNER_KEYS].reverse()) {
            await queryRunner.query(`ALTER TABLE "${key.table}" DROP CONSTRAINT "${key.name}"`);
            await queryRunner.query(`ALTER TABLE "${key.table}" ADD CONSTRAINT "${key.dropped}" ${SINGLE_KEYS[key.dropped]} ON DELETE RESTRICT ON UPDATE NO ACTION`);
        }
        await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "uq_referral_id_agency"`);
        await queryRunner.query(`ALTER TABLE "suspected_infringement" DROP CONSTRAINT "uq_infringement_id_owner"`);
        await queryRunner.query(`ALTER TABLE "brand" DROP CONSTRAINT "uq_brand_id_owner"`);
    }

}
