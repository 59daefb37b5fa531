import { Listing, type Brand, type Seller } from "../../src/entities";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { DECIDE_TAKEDOWN, EVIDENCE, RECORD_OUTCOME, RECORD_TEST_BUY, REQUEST_TAKEDOWN, dataOf } from "../support/enforcement";
import { createBrand, createInfringement, createListing, createOrganization, createSeller } from "../support/factories";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Takedown decisions sent at once, over real connections: each is the platform's, none may be lost
// to another, and each approval is one strike. On the embedded database they run one at a time.
// Whether they queue on their locks or meet in a deadlock that PostgreSQL ends after
// deadlock_timeout (and the loser is run again) changes only how long they take, which is for a
// benchmark to measure, not a test: these check the outcomes.

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
    for (let round = 0; round < ROUNDS; round++) {
      const seller: Seller = await createSeller(api.dataSource);
      const listing = await createListing(api.dataSource, seller);
      const requests = [];
      for (const { brand, analyst } of brands) requests.push(await pendingRequestOn(listing, brand, analyst));
      const answers = await Promise.all(requests.map((id) => api.gql(DECIDE_TAKEDOWN, { id, decision: "APPROVE" }, cast.platformAnalyst.as)));
      const refusals = answers.flatMap((answer) => answer.errors ?? []);
      expect(refusals.map((error) => [error.extensions?.code, error.message])).toEqual(
        Array(brands.length - 1).fill(["BAD_USER_INPUT", "This takedown request is no longer pending: it is SUPERSEDED; only a PENDING request can be decided"]),
      );
      const [store] = await api.dataSource.query(`SELECT strike_count FROM seller WHERE id = $1`, [seller.id]);
      expect(store.strike_count).toBe(1);
    }
  });
});

describe("a counterfeit test buy and a takedown of its listing, sent at once", () => {
  it("both go through: the case is confirmed, the store struck once", async () => {
    for (let round = 0; round < 6; round++) {
      const seller = await createSeller(api.dataSource);
      const listing = await createListing(api.dataSource, seller);
      const tested = await createInfringement(api.dataSource, cast.brandA.brand, listing, { status: InfringementStatus.FLAGGED });
      const testBuy = dataOf(
        await api.gql<{ recordTestBuy: { id: string } }>(
          RECORD_TEST_BUY,
          { input: { infringementId: gid("Infringement", tested.id), orderedAt: "2026-01-01T00:00:00Z", cost: { amountMinor: 100, currency: "CNY" }, orderReference: `race ${round}` } },
          cast.brandAAnalyst.as,
        ),
      ).recordTestBuy;
      // The test buy moves its case twice (FLAGGED, UNDER_REVIEW, CONFIRMED); the takedown is another
      // brand's approved request, or the platform's own, every other round.
      const takedown =
        round % 2
          ? { query: DECIDE_TAKEDOWN, variables: { id: await pendingRequestOn(listing, cast.brandB.brand, cast.brandBAnalyst), decision: "APPROVE" } }
          : { query: `mutation($id: ID!) { takeDownListing(input: { listingId: $id, reason: "court order" }) { id } }`, variables: { id: gid("Listing", listing.id) } };
      const answers = await Promise.all([
        api.gql(RECORD_OUTCOME, { input: { id: testBuy.id, outcome: "COUNTERFEIT", evidence: EVIDENCE } }, cast.brandAAnalyst.as),
        api.gql(takedown.query, takedown.variables, cast.platformAnalyst.as),
      ]);
      expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
      const [after] = await api.dataSource.query(
        `SELECT i.status, l.status AS listing, s.strike_count FROM suspected_infringement i JOIN listing l ON l.id = i.listing_id JOIN seller s ON s.id = l.seller_id WHERE i.id = $1`,
        [tested.id],
      );
      expect(after).toEqual({ status: "CONFIRMED", listing: "REMOVED", strike_count: 1 });
    }
  });
});

describe("an approval and a scan of the same store, sent at once", () => {
  const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { received } }`;
  const ingest = (listings: Record<string, unknown>[]) => api.gql(INGEST, { listings }, cast.platformAnalyst.as);

  it("both go through: the listing is down, its store struck once", async () => {
    const catalogueOrg = await createOrganization(api.dataSource, OrgKind.BRAND);
    await createCatalogueBrand(api.dataSource, catalogueOrg, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
    for (let round = 0; round < 6; round++) {
      const seller = { externalId: `scanned-store-${round}-${Date.now()}`, name: "Scanned store", openedAt: "2019-01-01T00:00:00.000Z", brandCount: 2 };
      const fake = listingRecord({ title: "Aurelia Silk Scarf replica AAA", seller, imageHashes: ["804a95d23ac181dc"], price: { amountMinor: 3_000, currency: "CNY" } });
      const other = listingRecord({ title: "Aurelia Silk Scarf copy", seller, price: { amountMinor: 3_000, currency: "CNY" } });
      expect((await ingest([fake, other])).errors).toBeUndefined();
      const stored = await api.dataSource.manager.findOneByOrFail(Listing, { externalId: fake.externalId as string });
      const requestId = await pendingRequestOn(stored);
      // The scan finds both listings again at new prices: it takes their store, then the listings and their cases.
      const answers = await Promise.all([
        api.gql(DECIDE_TAKEDOWN, { id: requestId, decision: "APPROVE" }, cast.platformAnalyst.as),
        ingest([{ ...fake, price: { amountMinor: 2_000, currency: "CNY" } }, { ...other, price: { amountMinor: 2_500, currency: "CNY" } }]),
      ]);
      expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
      const [after] = await api.dataSource.query(
        `SELECT l.status, s.strike_count FROM listing l JOIN seller s ON s.id = l.seller_id WHERE l.id = $1`,
        [stored.id],
      );
      expect(after).toEqual({ status: "REMOVED", strike_count: 1 });
    }
  });
});

describe("a takedown request and an approval of another brand's request on its listing, sent at once", () => {
  it("both go through: the listing goes, and no request is left pending on it", async () => {
    for (let round = 0; round < 12; round++) {
      const listing = await createListing(api.dataSource, await createSeller(api.dataSource));
      const approvedId = await pendingRequestOn(listing);
      const other = await createInfringement(api.dataSource, cast.brandB.brand, listing, { status: InfringementStatus.CONFIRMED });
      const [approval, request] = await Promise.all([
        api.gql(DECIDE_TAKEDOWN, { id: approvedId, decision: "APPROVE" }, cast.platformAnalyst.as),
        api.gql(REQUEST_TAKEDOWN, { id: gid("Infringement", other.id) }, cast.brandBAnalyst.as),
      ]);
      expect(approval.errors).toBeUndefined();
      // Sent after the approval, the request is refused; sent before, it is superseded.
      if (request.errors) expect(request.errors[0]).toMatchObject({ message: "Cannot request a takedown: its listing was already removed", extensions: { code: "BAD_USER_INPUT" } });
      const [{ pending }] = await api.dataSource.query(`SELECT count(*)::int AS pending FROM takedown_request WHERE listing_id = $1 AND status = 'PENDING'`, [listing.id]);
      expect(pending).toBe(0);
    }
  });
});
