import type { Pool, PoolClient } from "pg";
import type { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { openTestDatabase } from "../support/test-database";

// TypeORM's schema builder reads the tables' enum types with statements sent at once on its one
// connection, which pg queues with a warning ("client.query() when the client is already executing
// a query") and will refuse from pg 9: here each of them waits for the one before to be answered.
function oneStatementAtATime(pool: Pool): void {
  const inTurn = new WeakSet<PoolClient>();
  pool.on("acquire", (client) => {
    if (inTurn.has(client)) return;
    inTurn.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    let previous: Promise<unknown> = Promise.resolve();
    client.query = ((...args: unknown[]) => {
      const answer = previous.then(() => query(...args));
      previous = answer.catch(() => {});
      return answer;
    }) as PoolClient["query"];
  });
}

// The entities describe the same schema the migrations build: a change to an entity without a
// migration (or the reverse) shows here as the SQL TypeORM would still have to run.
describe("migrations", () => {
  it("leave nothing for the entities to change", async () => {
    const database = await openTestDatabase();
    try {
      oneStatementAtATime((database.dataSource.driver as PostgresDriver).master as Pool);
      const pending = await database.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
