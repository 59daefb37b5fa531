import { LegalAction } from "../../src/entities";
import { OrgKind } from "../../src/entities/enums";
import type { Database } from "../../src/db/data-source";
import { createOrganization, createSeller } from "../support/factories";
import { openTestDatabase } from "../support/test-database";

// A date column holds a day of the calendar, in no time zone, and is read as the text PostgreSQL
// sends, by a statement of the API's own and as an entity alike. Made a Date, it was midnight in
// the process's time zone, and in one that skipped the day (Pacific/Apia, which went from
// 2011-12-29 to 2011-12-31) it came back as the next day.
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("a date column", () => {
  it("is read as its YYYY-MM-DD text, never as a time", async () => {
    const db = database.dataSource;
    const owner = await createOrganization(db, OrgKind.BRAND);
    const seller = await createSeller(db);
    const [{ id }] = await db.query(
      `INSERT INTO legal_action (owner_org_id, seller_id, court, claim_minor, currency, filed_on) VALUES ($1, $2, 'court', 100, 'CNY', '2011-12-30') RETURNING id`,
      [owner.id, seller.id],
    );
    const [row] = await db.query(`SELECT filed_on FROM legal_action WHERE id = $1`, [id]);
    expect(row.filed_on).toBe("2011-12-30");
    expect((await db.getRepository(LegalAction).findOneByOrFail({ id })).filedOn).toBe("2011-12-30");
  });
});
