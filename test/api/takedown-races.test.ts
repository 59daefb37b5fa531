import type { Brand, Listing, Seller } from "../../src/entities";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { DECIDE_TAKEDOWN, REQUEST_TAKEDOWN, dataOf } from "../support/enforcement";
import { createBrand, createInfringement, createListing, createOrganization, createSeller } from "../support/factories";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
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

async function pendingRequestOn(listing: Listing, brand = cast.brandA.brand, analyst: Persona = cast.brandAAnalyst): Promise<string> {
  const infringement = await createInfringement(api.dataSource, brand, listing, { status: InfringementStatus.CONFIRMED });
  const response = await api.gql<{ requestTakedown: { id: string } }>(REQUEST_TAKEDOWN, { id: gid("Infringement", infringement.id) }, analyst.as);
  return dataOf(response).requestTakedown.id;
}

describe("approvals of takedowns on one store, sent at once", () => {
  it("all go through, each a strike, and the store is penalized once and closed once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const seller = await createSeller(api.dataSource);
      const requests = [];
      for (let i = 0; i < 4; i++) requests.push(await pendingRequestOn(await createListing(api.dataSource, seller)));
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

describe("approvals of several brands' takedowns of one listing, sent at once", () => {
  it("take the listing down once: one is approved, the others are answered that they were superseded", async () => {
    const brands: { brand: Brand; analyst: Persona }[] = [];
    for (let i = 0; i < 6; i++) {
      const org = await createOrganization(api.dataSource, OrgKind.BRAND);
      brands.push({ brand: await createBrand(api.dataSource, org, [`RACE${i}`]), analyst: await userPersona(api, org, UserRole.ANALYST) });
    }
    const [{ deadlock_timeout: setting }] = await api.dataSource.query(`SELECT setting::int AS deadlock_timeout FROM pg_settings WHERE name = 'deadlock_timeout'`);
    const deadlockTimeoutMs = Number(setting);
    for (let round = 0; round < ROUNDS; round++) {
      const seller: Seller = await createSeller(api.dataSource);
      const listing = await createListing(api.dataSource, seller);
      const requests = [];
      for (const { brand, analyst } of brands) requests.push(await pendingRequestOn(listing, brand, analyst));
      const started = Date.now();
      const answers = await Promise.all(requests.map((id) => api.gql(DECIDE_TAKEDOWN, { id, decision: "APPROVE" }, cast.platformAnalyst.as)));
      // They queue on the listing: none waits out PostgreSQL's deadlock check to be ended and run
      // again (the answers would be the same, a second or more later each time).
      expect(Date.now() - started).toBeLessThan(deadlockTimeoutMs);
      const refusals = answers.flatMap((answer) => answer.errors ?? []);
      expect(refusals.map((error) => [error.extensions?.code, error.message])).toEqual(
        Array(brands.length - 1).fill(["BAD_USER_INPUT", "This takedown request is no longer pending: it is SUPERSEDED; only a PENDING request can be decided"]),
      );
      const [store] = await api.dataSource.query(`SELECT strike_count FROM seller WHERE id = $1`, [seller.id]);
      expect(store.strike_count).toBe(1);
    }
  });
});
