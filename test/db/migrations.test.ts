import { openTestDatabase } from "../support/test-database";

// The entities describe the same schema the migrations build: a change to an entity without a
// migration (or the reverse) shows here as the SQL TypeORM would still have to run.
describe("migrations", () => {
  it("leave nothing for the entities to change", async () => {
    const database = await openTestDatabase();
    try {
      const pending = await database.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
