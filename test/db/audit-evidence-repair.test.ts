import { AuditLogWithoutEvidence1796660000000 } from "../../src/db/migrations/1796660000000-AuditLogWithoutEvidence";
import { openTestDatabase } from "../support/test-database";
import type { Database } from "../../src/db/data-source";
import { runMigrationSteps } from "../support/migration-steps";

// Outcome events written before the audit log stopped copying a test buy's evidence keep its count.
let database: Database;
afterAll(() => database.close());

it("replaces the evidence copied into test buys' outcome events by its count, and leaves other events alone", async () => {
  database = await openTestDatabase();
  const db = database.dataSource;
  const evidence = [
    { kind: "PHOTO", sha256: "a".repeat(64), description: "logo under magnification" },
    { kind: "RECEIPT", sha256: "b".repeat(64), description: "order receipt" },
  ];
  const insert = async (action: string, after: object) =>
    (
      await db.query(`INSERT INTO audit_event (action, target_type, target_id, after) VALUES ($1, 'TestBuy', gen_random_uuid(), $2) RETURNING id`, [
        action,
        JSON.stringify(after),
      ])
    )[0].id as string;
  const copied = await insert("testBuy.outcome", { outcome: "COUNTERFEIT", findings: "stitching", evidence });
  const counted = await insert("testBuy.outcome", { outcome: "GENUINE", findings: null, evidenceItems: 0 });
  const other = await insert("testBuy.record", { evidence: "not a list" });

  await runMigrationSteps(db, new AuditLogWithoutEvidence1796660000000(), "up");
  const rows: { id: string; after: object }[] = await db.query(`SELECT id, after FROM audit_event WHERE id = ANY($1)`, [[copied, counted, other]]);
  expect(Object.fromEntries(rows.map((row) => [row.id, row.after]))).toEqual({
    [copied]: { outcome: "COUNTERFEIT", findings: "stitching", evidenceItems: 2 },
    [counted]: { outcome: "GENUINE", findings: null, evidenceItems: 0 },
    [other]: { evidence: "not a list" },
  });
});
