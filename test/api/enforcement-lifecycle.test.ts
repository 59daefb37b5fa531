import { InfringementStatus } from "../../src/entities/enums";
import {
  CREATE_REFERRAL,
  DECIDE_TAKEDOWN,
  EVIDENCE,
  RECORD_OUTCOME,
  RECORD_TEST_BUY,
  REQUEST_TAKEDOWN,
  UPDATE_REFERRAL,
  dataOf,
} from "../support/enforcement";
import { createInfringement, createListing } from "../support/factories";
import { createCast, gid, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// The whole loop over HTTP: a flagged listing, a counterfeit test buy, a takedown, strikes to
// penalty and closure, a referral to an agency, its outcome, and the brand seeing that outcome.
let api: TestApi;
let cast: Cast;

beforeAll(async () => {
  api = await startTestApi({ SELLER_PENALTY_STRIKES: "2", SELLER_CLOSURE_STRIKES: "3" });
  cast = await createCast(api);
});
afterAll(() => api.close());

type Takedown = { id: string; status: string; infringement: { id: string; status: string } };
type Decision = {
  status: string;
  listing: { status: string; seller: { status: string; strikeCount: number; statusReason: string | null } };
  infringement: { status: string };
};

async function takeDown(infringementId: string): Promise<Decision> {
  const { requestTakedown } = dataOf(
    await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: infringementId }, cast.brandAAnalyst.as),
  );
  expect(requestTakedown).toMatchObject({ status: "PENDING", infringement: { status: "TAKEDOWN_REQUESTED" } });
  const { decideTakedown } = dataOf(
    await api.gql<{ decideTakedown: Decision }>(DECIDE_TAKEDOWN, { id: requestTakedown.id, decision: "APPROVE" }, cast.platformAnalyst.as),
  );
  return decideTakedown;
}

it("runs from a flagged listing to a law-enforcement outcome the brand can see", async () => {
  const db = api.dataSource;
  const infringementId = gid("Infringement", cast.infringementA.id);

  // 1. A test buy against the FLAGGED case comes back counterfeit: the case walks to CONFIRMED.
  const { recordTestBuy } = dataOf(
    await api.gql<{ recordTestBuy: { id: string; outcome: string } }>(
      RECORD_TEST_BUY,
      {
        input: {
          infringementId,
          orderedAt: "2026-10-01T08:00:00Z",
          cost: { amountMinor: 15900, currency: "CNY" },
          orderReference: "TB-2026-0001",
        },
      },
      cast.brandAAnalyst.as,
    ),
  );
  expect(recordTestBuy.outcome).toBe("PENDING");
  const { recordTestBuyOutcome } = dataOf(
    await api.gql<{ recordTestBuyOutcome: { outcome: string; infringement: { status: string } } }>(
      RECORD_OUTCOME,
      { input: { id: recordTestBuy.id, outcome: "COUNTERFEIT", findings: "Fake hardware", evidence: EVIDENCE } },
      cast.brandAAnalyst.as,
    ),
  );
  expect(recordTestBuyOutcome).toMatchObject({ outcome: "COUNTERFEIT", infringement: { status: "CONFIRMED" } });
  const history = dataOf(
    await api.gql<{ infringement: { notes: { fromStatus: string; toStatus: string }[] } }>(
      `query($id: ID!) { infringement(id: $id) { notes { fromStatus toStatus } } }`,
      { id: infringementId },
      cast.brandAAnalyst.as,
    ),
  );
  expect(history.infringement.notes).toEqual([
    { fromStatus: "FLAGGED", toStatus: "UNDER_REVIEW" },
    { fromStatus: "UNDER_REVIEW", toStatus: "CONFIRMED" },
  ]);

  // 2. The takedown is requested and approved: listing and case REMOVED, one strike.
  const storeScore = async () =>
    dataOf(
      await api.gql<{ seller: { riskScore: number; riskSignals: { kind: string; contribution: number; reason: string }[] } }>(
        `query($id: ID!) { seller(id: $id) { riskScore riskSignals { kind contribution reason } } }`,
        { id: gid("Seller", cast.seller.id) },
        cast.platformAnalyst.as,
      ),
    ).seller;
  const first = await takeDown(infringementId);
  expect(first).toMatchObject({
    status: "APPROVED",
    infringement: { status: "REMOVED" },
    listing: { status: "REMOVED", seller: { status: "ACTIVE", strikeCount: 1 } },
  });

  // 3. A second approved takedown penalizes the store (policy: 2), a third closes it (policy: 3).
  const listing2 = await createListing(db, cast.seller, { title: "AA replica 2" });
  const listing3 = await createListing(db, cast.seller, { title: "AA replica 3" });
  const untouched = await createListing(db, cast.seller, { title: "AA replica 4" });
  const pendingOfB = await createListing(db, cast.seller, { title: "BB replica 5" });
  const confirmed = { status: InfringementStatus.CONFIRMED };
  const case2 = await createInfringement(db, cast.brandA.brand, listing2, confirmed);
  const case3 = await createInfringement(db, cast.brandA.brand, listing3, confirmed);
  const case4 = await createInfringement(db, cast.brandA.brand, untouched, confirmed);
  const caseOfB = await createInfringement(db, cast.brandB.brand, pendingOfB, confirmed);
  const requestOfB = dataOf(
    await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: gid("Infringement", caseOfB.id) }, cast.brandBAnalyst.as),
  ).requestTakedown;

  const second = await takeDown(gid("Infringement", case2.id));
  expect(second.listing.seller).toMatchObject({ status: "PENALIZED", strikeCount: 2 });
  expect(second.listing.seller.statusReason).toMatch(/PENALIZED at 2 strikes/);
  // The store's own score takes its strikes in at once; its explanation says how many.
  // (The test store has no listing totals: its score is its record, 2 strikes of 20% of 20 each.)
  const rescored = await storeScore();
  expect(rescored.riskSignals).toEqual([{ kind: "SELLER_HISTORY", contribution: 8, reason: "seller has 2 strikes" }]);
  expect(rescored.riskScore).toBe(8);
  const third = await takeDown(gid("Infringement", case3.id));
  expect(third.listing.seller).toMatchObject({ status: "CLOSED", strikeCount: 3 });
  // Every brand with a case on the store reads the reason: it names no takedown.
  expect(third.listing.seller.statusReason).toBe("CLOSED at 3 strikes (policy: 3)");

  // 4. Closing the store removed its other active listings. B's pending takedown there is superseded
  //    and B's case REMOVED; A's confirmed case without a takedown keeps its status (see listing-removal.ts).
  const listings = await db.query(`SELECT id, status FROM listing WHERE seller_id = $1`, [cast.seller.id]);
  expect(listings.every((row: { status: string }) => row.status === "REMOVED")).toBe(true);
  const ofB = dataOf(
    await api.gql<{ node: { status: string; decisionNote: string; infringement: { status: string } } }>(
      `query($id: ID!) { node(id: $id) { ... on TakedownRequest { status decisionNote infringement { status } } } }`,
      { id: requestOfB.id },
      cast.brandBAnalyst.as,
    ),
  );
  expect(ofB.node).toMatchObject({ status: "SUPERSEDED", infringement: { status: "REMOVED" } });
  expect(ofB.node.decisionNote).toBe("store closed: CLOSED at 3 strikes (policy: 3)");
  const [case4Row] = await db.query(`SELECT status FROM suspected_infringement WHERE id = $1`, [case4.id]);
  expect(case4Row.status).toBe("CONFIRMED");
  const late = await api.gql(REQUEST_TAKEDOWN, { id: gid("Infringement", case4.id) }, cast.brandAAnalyst.as);
  expect(late.errors?.[0]).toMatchObject({
    message: "Cannot request a takedown: its listing was already removed",
    extensions: { code: "BAD_USER_INPUT" },
  });

  // 5. The platform refers the confirmed cases to the agency.
  const { createReferral } = dataOf(
    await api.gql<{ createReferral: { id: string; status: string; infringements: { id: string }[] } }>(
      CREATE_REFERRAL,
      { agencyId: gid("Organization", cast.investigator.org.id), ids: [infringementId, gid("Infringement", case4.id)] },
      cast.platformAnalyst.as,
    ),
  );
  expect(createReferral.status).toBe("REFERRED");
  expect(createReferral.infringements).toHaveLength(2);

  // 6. The agency sees the referral with seller identity and the test buy's evidence.
  const agencyView = dataOf(
    await api.gql<{
      referrals: {
        edges: {
          node: {
            summary: string;
            sellers: { registeredName: string; paymentAccount: string }[];
            infringements: { id: string; brand: { name: string }; testBuys: { evidence: { sha256: string }[] }[] }[];
          };
        }[];
      };
    }>(
      `{ referrals(first: 10) { edges { node {
          summary sellers { registeredName paymentAccount }
          infringements { id brand { name } testBuys { orderReference evidence { sha256 } } }
      } } } }`,
      {},
      cast.investigator.as,
    ),
  );
  const seen = agencyView.referrals.edges[0].node;
  expect(agencyView.referrals.edges).toHaveLength(1);
  expect(seen.summary).toContain("ring");
  expect(seen.sellers).toEqual([{ registeredName: cast.seller.registeredName, paymentAccount: cast.seller.paymentAccount }]);
  const withTestBuy = seen.infringements.find((c) => c.id === infringementId);
  expect(withTestBuy?.brand.name).toBe(cast.brandA.brand.name);
  expect(withTestBuy?.testBuys[0].evidence.map((e) => e.sha256)).toEqual(EVIDENCE.map((e) => e.sha256));

  // 7. The agency records its progress and the outcome, raided today.
  const today = new Date().toISOString().slice(0, 10);
  dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: createReferral.id, status: "INVESTIGATING" } }, cast.investigator.as));
  const outcome = dataOf(
    await api.gql<{ updateReferral: Record<string, unknown> }>(
      UPDATE_REFERRAL,
      {
        input: {
          id: createReferral.id,
          status: "RAIDED",
          raidDate: today,
          arrests: 3,
          seizedUnits: 1200,
          seizedValue: { amountMinor: 143_000_000, currency: "CNY" },
        },
      },
      cast.investigator.as,
    ),
  );
  expect(outcome.updateReferral).toMatchObject({ status: "RAIDED", raidDate: today, arrests: 3, seizedUnits: 1200 });

  // 8. The brand sees the outcome and its own cases, but neither the summary nor the seller identity.
  const brandView = await api.gql<{
    referrals: {
      edges: {
        node: {
          status: string;
          arrests: number;
          summary: string | null;
          seizedValue: { formatted: string };
          infringements: { id: string }[];
          sellers: { name: string; registeredName: string | null }[];
        };
      }[];
    };
  }>(
    `{ referrals(first: 10) { edges { node {
        status raidDate arrests seizedUnits seizedValue { formatted } summary
        infringements { id } sellers { name registeredName }
    } } } }`,
    {},
    cast.brandAAnalyst.as,
  );
  const forBrand = brandView.data?.referrals.edges[0].node;
  expect(forBrand).toMatchObject({ status: "RAIDED", arrests: 3, seizedValue: { formatted: "1,430,000.00 CNY" }, summary: null });
  expect(forBrand?.infringements.map((c) => c.id).sort()).toEqual([infringementId, gid("Infringement", case4.id)].sort());
  expect(forBrand?.sellers).toEqual([{ name: cast.seller.publicName, registeredName: null }]);
  const denied = (brandView.errors ?? []).map((e) => `${e.path?.slice(-1)[0]}:${e.extensions?.code}`).sort();
  expect(denied).toEqual(["registeredName:FORBIDDEN", "summary:FORBIDDEN"]);

  // 9. Every state change above left an audit event.
  const actions = (await db.query(`SELECT DISTINCT action FROM audit_event`)).map((row: { action: string }) => row.action).sort();
  expect(actions).toEqual(
    expect.arrayContaining([
      "infringement.test_buy",
      "infringement.takedown",
      "listing.remove",
      "referral.create",
      "referral.update",
      "seller.close",
      "seller.penalize",
      "seller.strike",
      "takedown.approve",
      "takedown.request",
      "testBuy.outcome",
      "testBuy.record",
    ]),
  );
});

it("leaves no audit event behind for a refused change", async () => {
  const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`);
  const response = await api.gql(REQUEST_TAKEDOWN, { id: gid("Infringement", cast.infringementAShared.id) }, cast.brandAAnalyst.as);
  expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(before);
});
