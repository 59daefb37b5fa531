import type { DataSource } from "typeorm";
import type { Database } from "../../src/db/data-source";
import { recordAudit } from "../../src/domain/audit";
import { openTestDatabase } from "../support/test-database";
import { serverUrl } from "../support/test-env";

// The audit log lists events in the order they were written: a change that began first but waited
// (for a row lock, say) is listed after the one it waited for. Two transactions at once need the
// server; the embedded database has one connection.
const onServer = serverUrl ? describe : describe.skip;

onServer("an audit event's time", () => {
  let database: Database;
  let db: DataSource;
  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
  });
  afterAll(() => database.close());

  it("is when it was written, so an event of a transaction that began first but wrote last is listed last", async () => {
    const target = "00000000-0000-4000-8000-0000000000a1";
    const waited = db.createQueryRunner();
    await waited.startTransaction();
    try {
      await waited.query(`SELECT now()`);
      // Another change begins after it, writes and commits while it waits.
      await new Promise((resolve) => setTimeout(resolve, 30));
      await db.transaction((manager) => recordAudit(manager, null, { action: "catalogue.upsert", targetType: "Brand", targetId: target }));
      await new Promise((resolve) => setTimeout(resolve, 30));
      await recordAudit(waited.manager, null, { action: "catalogue.remove", targetType: "Brand", targetId: target });
      await waited.commitTransaction();
    } finally {
      if (waited.isTransactionActive) await waited.rollbackTransaction();
      await waited.release();
    }
    const rows: { action: string }[] = await db.query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY created_at, id`, [target]);
    expect(rows.map((row) => row.action)).toEqual(["catalogue.upsert", "catalogue.remove"]);
  });
});
