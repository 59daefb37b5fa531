import type { Seller } from "../../src/entities";
import { InfringementStatus } from "../../src/entities/enums";
import { DECIDE_TAKEDOWN, REQUEST_TAKEDOWN, dataOf } from "../support/enforcement";
import { createInfringement, createListing, createSeller } from "../support/factories";
import { createCast, gid, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Takedown decisions sent at once, over real connections: each is the platform's, none may be lost
// to another, and each approval is one strike. On the embedded database they run one at a time.

let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi({ SELLER_PENALTY_STRIKES: "2", SELLER_CLOSURE_STRIKES: "4" });
  cast = await createCast(api);
});
afterAll(() => api.close());

const ROUNDS = 3;

async function pendingRequestOn(seller: Seller): Promise<string> {
  const listing = await createListing(api.dataSource, seller);
  const infringement = await createInfringement(api.dataSource, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED });
  const response = await api.gql<{ requestTakedown: { id: string } }>(REQUEST_TAKEDOWN, { id: gid("Infringement", infringement.id) }, cast.brandAAnalyst.as);
  return dataOf(response).requestTakedown.id;
}

describe("approvals of takedowns on one store, sent at once", () => {
  it("all go through, each a strike, and the store is penalized once and closed once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const seller = await createSeller(api.dataSource);
      const requests = [];
      for (let i = 0; i < 4; i++) requests.push(await pendingRequestOn(seller));
      const answers = await Promise.all(requests.map((id) => api.gql(DECIDE_TAKEDOWN, { id, decision: "APPROVE" }, cast.platformAnalyst.as)));
      expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined, undefined, undefined]);
      const [store] = await api.dataSource.query(
        `SELECT s.strike_count, s.status,
                (SELECT array_agg(action ORDER BY action) FROM audit_event WHERE target_id = s.id) AS actions
           FROM seller s WHERE s.id = $1`,
        [seller.id],
      );
      expect(store).toEqual({ strike_count: 4, status: "CLOSED", actions: ["seller.close", "seller.penalize", "seller.strike", "seller.strike"] });
    }
  });
});
