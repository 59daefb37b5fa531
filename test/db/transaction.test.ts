import type { EntityManager } from "typeorm";
import { inTransaction } from "../../src/db/transaction";
import { ApiError } from "../../src/errors";
import { startTestApi, type TestApi } from "../support/test-api";

// inTransaction runs a transaction again when PostgreSQL ends it as a deadlock victim, and tells
// the caller to send the change again when every attempt was.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

// A real error from the database, with the code of a deadlock victim.
const DEADLOCK = `DO $$ BEGIN RAISE EXCEPTION 'chosen as a deadlock victim' USING ERRCODE = '40P01'; END $$`;

describe("a transaction ended as a deadlock victim", () => {
  it("runs again, and returns what the attempt that got through returns", async () => {
    let attempts = 0;
    const result = await inTransaction(api.dataSource, async (manager) => {
      attempts += 1;
      if (attempts < 3) await manager.query(DEADLOCK);
      return "written";
    });
    expect({ attempts, result }).toEqual({ attempts: 3, result: "written" });
  });

  it("reaches the caller as CONFLICT, to send again, when every attempt was one", async () => {
    let attempts = 0;
    const failure = await inTransaction(api.dataSource, async (manager) => {
      attempts += 1;
      await manager.query(DEADLOCK);
    }).catch((error: unknown) => error);
    expect(attempts).toBe(5);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      message: "This change met concurrent changes to the same records 5 times running and was not made; send it again",
      extensions: { code: "CONFLICT" },
    });
  });

  it("passes any other error on at once, as it is", async () => {
    let attempts = 0;
    const failure = await inTransaction(api.dataSource, async (manager) => {
      attempts += 1;
      await manager.query(`SELECT 1 / 0`);
    }).catch((error: unknown) => error);
    expect(attempts).toBe(1);
    expect((failure as Error).message).toMatch(/division by zero/);
  });
});

describe("a transaction's isolation", () => {
  it("is READ COMMITTED unless the caller asks for another, which every attempt runs at", async () => {
    const isolationOf = async (manager: EntityManager) => ((await manager.query(`SHOW transaction_isolation`)) as { transaction_isolation: string }[])[0].transaction_isolation;
    expect(await inTransaction(api.dataSource, isolationOf)).toBe("read committed");
    const seen: string[] = [];
    await inTransaction(api.dataSource, async (manager) => {
      seen.push(await isolationOf(manager));
      if (seen.length < 2) await manager.query(DEADLOCK);
    }, undefined, "REPEATABLE READ");
    expect(seen).toEqual(["repeatable read", "repeatable read"]);
  });
});
