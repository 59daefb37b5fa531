import { randomUUID } from "node:crypto";
import type { Viewer } from "../../src/auth/viewer";
import type { Database } from "../../src/db/data-source";
import { SensitiveReadLog } from "../../src/domain/sensitive-read-log";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { createOrganization, createUser } from "../support/factories";
import { openTestDatabase } from "../support/test-database";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

// An event lists at most 500 rows; a request that read more must still say which rows it read.
it("names every row a request read, in as many events as it takes", async () => {
  const db = database.dataSource;
  const org = await createOrganization(db, OrgKind.PLATFORM);
  const user = await createUser(db, org, UserRole.ANALYST);
  const viewer: Viewer = { principal: "USER", principalId: user.id, orgId: org.id, orgKind: OrgKind.PLATFORM, role: UserRole.ANALYST, scopes: new Set() };
  const ids = Array.from({ length: 1201 }, () => randomUUID());
  const log = new SensitiveReadLog();
  for (const id of ids) log.note("Seller", "registeredName", id);
  log.note("Seller", "contact", ids[0]);
  await log.flush(db, viewer);

  const events: { target_id: string | null; after: { fields: string[]; rowCount: number; ids: string[] } }[] = await db.query(
    `SELECT target_id, after FROM audit_event WHERE owner_org_id = $1 AND action = 'sensitive.read' ORDER BY created_at, id`,
    [org.id],
  );
  expect(events.map((event) => event.after.rowCount)).toEqual([500, 500, 201]);
  expect(events.flatMap((event) => event.after.ids).sort()).toEqual([...ids].sort());
  for (const event of events) {
    expect(event.after.ids).toHaveLength(event.after.rowCount);
    expect(event.after.fields).toEqual(["contact", "registeredName"]);
    expect(event.target_id).toBeNull();
  }
});
