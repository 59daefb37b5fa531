import { Scope } from "../../src/auth/scopes";
import { InfringementStatus, SellerStatus } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import {
  DECIDE_TAKEDOWN,
  REQUEST_TAKEDOWN,
  REQUEST_TAKEDOWNS,
  WITHDRAW_TAKEDOWN,
  dataOf,
  statusOf,
} from "../support/enforcement";
import { footprint } from "../support/footprint";
import { createInfringement, createListing, createSeller } from "../support/factories";
import { listingRecord } from "../support/listing-records";
import { createCast, gid, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";
import { serverUrl } from "../support/test-env";

let api: TestApi;
let cast: Cast;
const MISSING = gid("Infringement", "00000000-0000-4000-8000-000000000000");

beforeAll(async () => {
  api = await startTestApi({ MAX_BULK_TAKEDOWNS: "6" });
  cast = await createCast(api);
});
afterAll(() => api.close());

// A fresh CONFIRMED case of a brand on a listing of its own store, so that tests do not share state.
async function confirmedCase(brand = cast.brandA.brand) {
  const listing = await createListing(api.dataSource, await createSeller(api.dataSource));
  return createInfringement(api.dataSource, brand, listing, { status: InfringementStatus.CONFIRMED });
}

type Takedown = { id: string; status: string; infringement: { status: string } };
const request = async (infringementId: string) =>
  dataOf(await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: infringementId }, cast.brandAAnalyst.as)).requestTakedown;

describe("requestTakedowns (bulk): all or nothing", () => {
  it("with bad ids changes nothing, and names every bad id, a foreign one exactly like a missing one", async () => {
    const good = gid("Infringement", (await confirmedCase()).id);
    const unconfirmed = gid("Infringement", cast.infringementA.id);
    const foreign = gid("Infringement", (await confirmedCase(cast.brandB.brand)).id);
    const before = await footprint(api.dataSource);
    const response = await api.gql(REQUEST_TAKEDOWNS, { ids: [good, unconfirmed, foreign, MISSING, "nonsense", good] }, cast.brandAAnalyst.as);
    expect(response.data).toBeNull();
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error?.message).toMatch(/^5 of 6 infringements cannot be taken down, so nothing was changed/);
    expect(error?.extensions?.invalidItems).toEqual([
      { id: unconfirmed, reason: "it is FLAGGED; a takedown can be requested only for a CONFIRMED infringement" },
      { id: foreign, reason: "Infringement not found" },
      { id: MISSING, reason: "Infringement not found" },
      { id: "nonsense", reason: "not a valid Infringement ID" },
      { id: good, reason: "listed more than once" },
    ]);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("with one bad id among good ones names it and requests none of the good ones", async () => {
    const goods = [await confirmedCase(), await confirmedCase()].map((c) => gid("Infringement", c.id));
    const before = await footprint(api.dataSource);
    const response = await api.gql(REQUEST_TAKEDOWNS, { ids: [...goods, MISSING] }, cast.brandAAnalyst.as);
    expect(response.errors?.[0].extensions?.invalidItems).toEqual([{ id: MISSING, reason: "Infringement not found" }]);
    expect(response.errors?.[0].message).toContain(MISSING);
    expect(await footprint(api.dataSource)).toEqual(before);
    for (const id of goods) expect(await statusOf(api, id, cast.brandAAnalyst.as)).toBe("CONFIRMED");
  });

  it("requests every one when all are good", async () => {
    const ids = [await confirmedCase(), await confirmedCase(), await confirmedCase()].map((c) => gid("Infringement", c.id));
    const { requestTakedowns } = dataOf(await api.gql<{ requestTakedowns: Takedown[] }>(REQUEST_TAKEDOWNS, { ids }, cast.brandAAnalyst.as));
    expect(requestTakedowns.map((r) => [r.status, r.infringement.status])).toEqual(Array(3).fill(["PENDING", "TAKEDOWN_REQUESTED"]));
  });

  it("writes a bulk request in as many SQL statements for 6 cases as for 2, with a note and an audit event each", async () => {
    const statementsFor = async (cases: number) => {
      const ids = await Promise.all(Array.from({ length: cases }, async () => (await confirmedCase()).id));
      api.statements.reset();
      const response = await api.gql(REQUEST_TAKEDOWNS, { ids: ids.map((id) => gid("Infringement", id)) }, cast.brandAAnalyst.as);
      expect(response.errors).toBeUndefined();
      const count = api.statements.count;
      const [{ notes, moves, requests }] = await api.dataSource.query(
        `SELECT (SELECT count(*)::int FROM infringement_note WHERE infringement_id = ANY($1) AND to_status = 'TAKEDOWN_REQUESTED') AS notes,
                (SELECT count(*)::int FROM audit_event WHERE target_id = ANY($1) AND action = 'infringement.takedown') AS moves,
                (SELECT count(*)::int FROM audit_event a JOIN takedown_request t ON t.id = a.target_id
                  WHERE t.infringement_id = ANY($1) AND a.action = 'takedown.request') AS requests`,
        [ids],
      );
      expect({ notes, moves, requests }).toEqual({ notes: cases, moves: cases, requests: cases });
      return count;
    };
    expect(await statementsFor(6)).toBe(await statementsFor(2));
  });

  it("refuses more ids than configured, and an empty list", async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(async () => gid("Infringement", (await confirmedCase()).id)));
    const before = await footprint(api.dataSource);
    const tooMany = await api.gql(REQUEST_TAKEDOWNS, { ids }, cast.brandAAnalyst.as);
    expect(tooMany.errors?.[0]).toMatchObject({ message: "`infringementIds` may name at most 6 ids; got 7", extensions: { code: "BAD_USER_INPUT" } });
    const none = await api.gql(REQUEST_TAKEDOWNS, { ids: [] }, cast.brandAAnalyst.as);
    expect(none.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(await footprint(api.dataSource)).toEqual(before);
  });
});

describe("requestTakedown", () => {
  it("refuses an unconfirmed infringement with a coded error and changes nothing", async () => {
    const before = await footprint(api.dataSource);
    const response = await api.gql(REQUEST_TAKEDOWN, { id: gid("Infringement", cast.infringementA.id) }, cast.brandAAnalyst.as);
    expect(response.errors?.[0]).toMatchObject({
      message: "Cannot request a takedown: it is FLAGGED; a takedown can be requested only for a CONFIRMED infringement",
      extensions: { code: "BAD_USER_INPUT", status: "FLAGGED" },
    });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("answers another brand's infringement exactly as a missing one", async () => {
    const foreign = await confirmedCase(cast.brandB.brand);
    const before = await footprint(api.dataSource);
    const response = await api.gql(REQUEST_TAKEDOWN, { id: gid("Infringement", foreign.id) }, cast.brandAAnalyst.as);
    const missing = await api.gql(REQUEST_TAKEDOWN, { id: MISSING }, cast.brandAAnalyst.as);
    expect(response.errors?.[0]).toMatchObject({ message: "Infringement not found", extensions: { code: "NOT_FOUND" } });
    expect(response).toEqual(missing);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("is refused to a viewer and to keys without both infringements scopes, before any row is read", async () => {
    const id = gid("Infringement", (await confirmedCase()).id);
    const keys = [await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]), await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_WRITE])];
    const before = await footprint(api.dataSource);
    for (const persona of [cast.brandAViewer, cast.investigator, ...keys]) {
      const response = await api.gql(REQUEST_TAKEDOWN, { id }, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("takes the case out of review: reviewInfringement cannot move a TAKEDOWN_REQUESTED case", async () => {
    const { id } = await confirmedCase();
    await request(gid("Infringement", id));
    const response = await api.gql(
      `mutation($id: ID!) { reviewInfringement(input: { id: $id, status: CONFIRMED }) { status } }`,
      { id: gid("Infringement", id) },
      cast.brandAAnalyst.as,
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", allowedStatuses: [] });
    // The refusal says what would move it.
    expect(response.errors?.[0].message).toBe(
      "Cannot move an infringement from TAKEDOWN_REQUESTED to CONFIRMED; allowed next states: none (a review cannot move it further; withdraw its pending takedown request first (withdrawTakedown))",
    );
    expect(await statusOf(api, gid("Infringement", id), cast.brandAAnalyst.as)).toBe("TAKEDOWN_REQUESTED");
  });
});

describe("decideTakedown", () => {
  it("rejected: the case returns to CONFIRMED, no strike; deciding again is refused and changes nothing", async () => {
    const infringement = await confirmedCase();
    const pending = await request(gid("Infringement", infringement.id));
    const rejected = dataOf(
      await api.gql<{ decideTakedown: { status: string; decisionNote: string; infringement: { status: string }; listing: { status: string; seller: { strikeCount: number } } } }>(
        DECIDE_TAKEDOWN,
        { id: pending.id, decision: "REJECT", note: "authorised reseller" },
        cast.platformAnalyst.as,
      ),
    ).decideTakedown;
    expect(rejected).toMatchObject({
      status: "REJECTED",
      decisionNote: "authorised reseller",
      infringement: { status: "CONFIRMED" },
      listing: { status: "ACTIVE", seller: { strikeCount: 0 } },
    });
    const before = await footprint(api.dataSource);
    for (const decision of ["APPROVE", "REJECT"]) {
      const again = await api.gql(DECIDE_TAKEDOWN, { id: pending.id, decision, note: "again" }, cast.platformAnalyst.as);
      expect(again.errors?.[0]).toMatchObject({
        message: "This takedown request is no longer pending: it is REJECTED; only a PENDING request can be decided",
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  // Two connections at once need a server: the embedded database has one.
  (serverUrl ? it : it.skip)("is run again when PostgreSQL ends it as a deadlock victim, so the platform gets its decision", async () => {
    const infringement = await confirmedCase();
    const pending = await request(gid("Infringement", infringement.id));
    // Another writer holds the case and then wants the store, which the decision (taking the store
    // first, as an ingest batch does) holds while it waits for the case: PostgreSQL ends the
    // decision, whose wait began first and is the first checked.
    const other = api.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(`SELECT 1 FROM suspected_infringement WHERE id = $1 FOR UPDATE`, [infringement.id]);
    const [{ pid: otherPid }] = await other.query(`SELECT pg_backend_pid() AS pid`);
    const deciding = api.gql<{ decideTakedown: Takedown & { listing: { seller: { strikeCount: number } } } }>(
      DECIDE_TAKEDOWN,
      { id: pending.id, decision: "APPROVE" },
      cast.platformAnalyst.as,
    );
    // Waiting for the case (pg_stat_activity's text of the query may be cut short before its FOR UPDATE).
    for (let waiting = 0; waiting < 1; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      [{ waiting }] = await api.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND $1 = ANY(pg_blocking_pids(pid))`,
        [otherPid],
      );
    }
    await other.query(`SELECT 1 FROM seller WHERE id = $1 FOR UPDATE`, [infringement.sellerId]);
    await other.commitTransaction();
    await other.release();
    const decided = dataOf(await deciding).decideTakedown;
    expect(decided).toMatchObject({ status: "APPROVED", infringement: { status: "REMOVED" }, listing: { status: "REMOVED", seller: { strikeCount: 1 } } });
    const [{ strikes }] = await api.dataSource.query(`SELECT strike_count AS strikes FROM seller WHERE id = $1`, [infringement.sellerId]);
    expect(strikes).toBe(1);
  });

  it("supersedes another brand's pending request on the listing, telling that brand nothing of the approved one", async () => {
    const listing = await createListing(api.dataSource, await createSeller(api.dataSource));
    const confirmed = { status: InfringementStatus.CONFIRMED };
    const caseOfA = await createInfringement(api.dataSource, cast.brandA.brand, listing, confirmed);
    const caseOfB = await createInfringement(api.dataSource, cast.brandB.brand, listing, confirmed);
    const requestOfA = await request(gid("Infringement", caseOfA.id));
    const requestOfB = dataOf(
      await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: gid("Infringement", caseOfB.id) }, cast.brandBAnalyst.as),
    ).requestTakedown;
    dataOf(await api.gql(DECIDE_TAKEDOWN, { id: requestOfA.id, decision: "APPROVE" }, cast.platformAnalyst.as));

    const seenByB = dataOf(
      await api.gql<{ node: { status: string; decisionNote: string; infringement: { status: string; notes: { body: string }[] } } }>(
        `query($id: ID!) { node(id: $id) { ... on TakedownRequest {
          status decisionNote infringement { status notes { body } listing { status seller { strikeCount statusReason } } } } } }`,
        { id: requestOfB.id },
        cast.brandBAnalyst.as,
      ),
    ).node;
    expect(seenByB).toMatchObject({ status: "SUPERSEDED", decisionNote: "taken down by the platform", infringement: { status: "REMOVED" } });
    expect(seenByB.infringement.notes.map((note) => note.body)).toContain("Listing removed (taken down by the platform)");
    const text = JSON.stringify(seenByB);
    for (const idOfA of [requestOfA.id, fromGlobalId(requestOfA.id, "TakedownRequest"), caseOfA.id, gid("Infringement", caseOfA.id)]) {
      expect(text).not.toContain(idOfA);
    }
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The platform's audit event says which takedown removed the listing.
    const [removal] = await api.dataSource.query(`SELECT after FROM audit_event WHERE action = 'listing.remove' AND target_id = $1`, [listing.id]);
    expect(removal.after).toMatchObject({ cause: "taken down by the platform", takedownRequestId: fromGlobalId(requestOfA.id, "TakedownRequest") });
  });

  it("supersedes a pending request on a listing that a scan finds under a closed store, striking no one", async () => {
    const listing = await createListing(api.dataSource, await createSeller(api.dataSource));
    const confirmed = await createInfringement(api.dataSource, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED });
    const pending = await request(gid("Infringement", confirmed.id));
    const closedStore = await createSeller(api.dataSource, { status: SellerStatus.CLOSED, strikeCount: 5 });
    const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { updated rejected } }`;
    const scan = listingRecord({ marketplace: listing.marketplace, externalId: listing.externalId, seller: { externalId: closedStore.externalId, name: closedStore.publicName } });
    expect(dataOf(await api.gql(INGEST, { listings: [scan] }, cast.platformAnalyst.as))).toEqual({ ingestListings: { updated: 1, rejected: 0 } });

    // As when a store closes with the listing in it: nothing left to decide, and no strike.
    const READ = `query($id: ID!) { node(id: $id) { ... on TakedownRequest { status decisionNote infringement { status notes { body } listing { status } } } } }`;
    expect(dataOf(await api.gql(READ, { id: pending.id }, cast.brandAAnalyst.as))).toMatchObject({
      node: { status: "SUPERSEDED", decisionNote: "found under a closed store", infringement: { status: "REMOVED", listing: { status: "REMOVED" } } },
    });
    const [{ strike_count: strikes }] = await api.dataSource.query(`SELECT strike_count FROM seller WHERE id = $1`, [closedStore.id]);
    expect(strikes).toBe(5);
    const approve = await api.gql(DECIDE_TAKEDOWN, { id: pending.id, decision: "APPROVE" }, cast.platformAnalyst.as);
    expect(approve.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("applies the strike policy to the strikes a scan reports: penalized at 3, closed at 5 with its listings removed", async () => {
    const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted updated rejected } }`;
    const STORE = `query($id: ID!) { node(id: $id) { ... on Seller { status statusReason strikeCount } } }`;
    // A store with a case and a pending request, whose next scan reports five strikes.
    const store = await createSeller(api.dataSource, { strikeCount: 1 });
    const listing = await createListing(api.dataSource, store);
    const pending = await request(gid("Infringement", (await createInfringement(api.dataSource, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED })).id));
    const scanned = (externalId: string, strikeCount: number, seller = { externalId: store.externalId, name: store.publicName }) =>
      listingRecord({ marketplace: store.marketplace, externalId, seller: { ...seller, strikeCount } });
    // The store's listing with the pending request is scanned again, with a listing new to it; and
    // two stores new to the feed, one at the penalty's strikes, one at the closure's.
    const scans = [
      scanned(listing.externalId, 5),
      scanned("strike-policy-new-listing", 5),
      scanned("strike-policy-p", 3, { externalId: "strike-policy-p", name: "P" }),
      scanned("strike-policy-c", 7, { externalId: "strike-policy-c", name: "C" }),
    ];
    const ingested = await api.gql(INGEST, { listings: scans }, cast.platformAnalyst.as);
    expect(dataOf(ingested)).toEqual({ ingestListings: { inserted: 3, updated: 1, rejected: 0 } });

    expect(dataOf(await api.gql(STORE, { id: gid("Seller", store.id) }, cast.platformAnalyst.as))).toEqual({
      node: { status: "CLOSED", statusReason: "CLOSED at 5 strikes (policy: 5)", strikeCount: 5 },
    });
    const READ = `query($id: ID!) { node(id: $id) { ... on TakedownRequest { status decisionNote infringement { status listing { status } } } } }`;
    expect(dataOf(await api.gql(READ, { id: pending.id }, cast.brandAAnalyst.as))).toMatchObject({
      node: { status: "SUPERSEDED", decisionNote: "store closed: CLOSED at 5 strikes (policy: 5)", infringement: { status: "REMOVED", listing: { status: "REMOVED" } } },
    });
    const statuses = async (externalIds: string[]) =>
      Object.fromEntries(
        (await api.dataSource.query(`SELECT l.external_id, l.status, s.status AS store FROM listing l JOIN seller s ON s.id = l.seller_id WHERE l.external_id = ANY($1)`, [externalIds])).map(
          (row: { external_id: string; status: string; store: string }) => [row.external_id, [row.status, row.store]],
        ),
      );
    expect(await statuses([listing.externalId, "strike-policy-new-listing", "strike-policy-p", "strike-policy-c"])).toEqual({
      [listing.externalId]: ["REMOVED", "CLOSED"],
      "strike-policy-new-listing": ["REMOVED", "CLOSED"],
      "strike-policy-p": ["ACTIVE", "PENALIZED"],
      "strike-policy-c": ["REMOVED", "CLOSED"],
    });
    // Audited as the platform analyst's, who sent the scans.
    const [{ id: analystId }] = await api.dataSource.query(`SELECT id FROM app_user WHERE owner_org_id = $1 AND role = 'ANALYST' LIMIT 1`, [cast.platformAnalyst.org.id]);
    const events = await api.dataSource.query(
      `SELECT action, actor_user_id, actor_api_key_id, after->>'statusReason' AS reason FROM audit_event WHERE action IN ('seller.close', 'seller.penalize') AND target_id = ANY($1) ORDER BY action, reason`,
      [[store.id, ...(await api.dataSource.query(`SELECT id FROM seller WHERE external_id IN ('strike-policy-p', 'strike-policy-c')`)).map((r: { id: string }) => r.id)]],
    );
    expect(events).toEqual([
      { action: "seller.close", actor_user_id: analystId, actor_api_key_id: null, reason: "CLOSED at 5 strikes (policy: 5)" },
      { action: "seller.close", actor_user_id: analystId, actor_api_key_id: null, reason: "CLOSED at 7 strikes (policy: 5)" },
      { action: "seller.penalize", actor_user_id: analystId, actor_api_key_id: null, reason: "PENALIZED at 3 strikes (policy: 3)" },
    ]);
    // The same scans again change nothing (but for the ingest's own audit event).
    const sellerEvents = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'seller.%'`))[0].n;
    const { audit_event: _events, ...before } = await footprint(api.dataSource);
    const sellerEventsBefore = await sellerEvents();
    const again = await api.gql(INGEST, { listings: scans }, cast.platformAnalyst.as);
    expect(dataOf(again)).toEqual({ ingestListings: { inserted: 0, updated: 0, rejected: 0 } });
    expect(await footprint(api.dataSource)).toMatchObject(before);
    expect(await sellerEvents()).toBe(sellerEventsBefore);
  });

  it("refuses to approve a request left pending on a removed listing, which would strike its store for nothing; rejecting it is allowed", async () => {
    const listing = await createListing(api.dataSource, await createSeller(api.dataSource));
    const confirmed = await createInfringement(api.dataSource, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED });
    const pending = await request(gid("Infringement", confirmed.id));
    // As an older version of the ingest left such a request.
    await api.dataSource.query(`UPDATE listing SET status = 'REMOVED' WHERE id = $1`, [listing.id]);
    const before = await footprint(api.dataSource);
    const approve = await api.gql(DECIDE_TAKEDOWN, { id: pending.id, decision: "APPROVE" }, cast.platformAnalyst.as);
    expect(approve.errors?.[0]).toMatchObject({
      message: "Cannot approve this takedown: its listing was already removed; reject it instead",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await footprint(api.dataSource)).toEqual(before);
    const reject = await api.gql(DECIDE_TAKEDOWN, { id: pending.id, decision: "REJECT", note: "the listing is gone" }, cast.platformAnalyst.as);
    expect(reject.errors).toBeUndefined();
    expect(await statusOf(api, gid("Infringement", confirmed.id), cast.brandAAnalyst.as)).toBe("CONFIRMED");
  });

  it("needs a note to reject", async () => {
    const pending = await request(gid("Infringement", (await confirmedCase()).id));
    const response = await api.gql(DECIDE_TAKEDOWN, { id: pending.id, decision: "REJECT" }, cast.platformAnalyst.as);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a withdrawn request like any request no longer pending, and changes nothing", async () => {
    const infringement = await confirmedCase();
    const pending = await request(gid("Infringement", infringement.id));
    await withdraw(pending.id, "duplicate of an earlier request");
    const before = await footprint(api.dataSource);
    for (const decision of ["APPROVE", "REJECT"]) {
      const response = await api.gql(DECIDE_TAKEDOWN, { id: pending.id, decision, note: "too late" }, cast.platformAnalyst.as);
      expect(response.errors?.[0]).toMatchObject({
        message: "This takedown request is no longer pending: it is WITHDRAWN; only a PENDING request can be decided",
        extensions: { code: "BAD_USER_INPUT", status: "WITHDRAWN" },
      });
    }
    expect(await footprint(api.dataSource)).toEqual(before);
    const [{ status, strikes }] = await api.dataSource.query(
      `SELECT l.status, s.strike_count AS strikes FROM listing l JOIN seller s ON s.id = l.seller_id WHERE l.id = $1`,
      [infringement.listingId],
    );
    expect({ status, strikes }).toEqual({ status: "ACTIVE", strikes: 0 });
  });

  it("is the platform's: a brand, an agency and a platform key without infringements:write are refused", async () => {
    const pending = await request(gid("Infringement", (await confirmedCase()).id));
    const platformReadKey = await cast.keyFor(cast.platformAnalyst.org, [Scope.INFRINGEMENTS_READ]);
    const before = await footprint(api.dataSource);
    for (const persona of [cast.brandAAnalyst, cast.brandAAdmin, cast.investigator, platformReadKey]) {
      const response = await api.gql(DECIDE_TAKEDOWN, { id: pending.id, decision: "APPROVE" }, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await footprint(api.dataSource)).toEqual(before);
  });
});

type Withdrawn = {
  id: string;
  status: string;
  decidedAt: string | null;
  decisionNote: string | null;
  infringement: { status: string; notes: { body: string; fromStatus: string | null; toStatus: string | null }[] };
};
const withdraw = async (id: string, note: string, as = cast.brandAAnalyst.as) =>
  dataOf(await api.gql<{ withdrawTakedown: Withdrawn }>(WITHDRAW_TAKEDOWN, { id, note }, as)).withdrawTakedown;

describe("withdrawTakedown", () => {
  const QUEUE = `query($statuses: [TakedownStatus!]) { takedownRequests(first: 100, filter: { statuses: $statuses }) { edges { node { id status } } } }`;
  const STATS = `query { takedownStats { requested pending approved rejected superseded withdrawn acceptanceRate } }`;
  type Queue = { takedownRequests: { edges: { node: { id: string; status: string } }[] } };
  const queueIds = async (statuses: string[]) =>
    dataOf(await api.gql<Queue>(QUEUE, { statuses }, cast.platformAnalyst.as)).takedownRequests.edges.map((edge) => edge.node.id);
  const statsOfA = async () => dataOf(await api.gql<{ takedownStats: Record<string, number | null> }>(STATS, {}, cast.brandAAnalyst.as)).takedownStats;

  it("takes the brand's PENDING request back: WITHDRAWN, the case CONFIRMED with a note, an audit event, out of the platform's queue", async () => {
    const infringement = await confirmedCase();
    const pending = await request(gid("Infringement", infringement.id));
    expect(await queueIds(["PENDING"])).toContain(pending.id);
    const statsBefore = await statsOfA();

    const withdrawn = await withdraw(pending.id, "  the seller delisted it on its own  ");
    expect(withdrawn).toMatchObject({
      status: "WITHDRAWN",
      decisionNote: "the seller delisted it on its own",
      infringement: { status: "CONFIRMED" },
    });
    expect(Date.now() - Date.parse(withdrawn.decidedAt ?? "")).toBeLessThan(60_000);
    expect(withdrawn.infringement.notes.at(-1)).toEqual({
      body: "Takedown withdrawn: the seller delisted it on its own",
      fromStatus: "TAKEDOWN_REQUESTED",
      toStatus: "CONFIRMED",
    });
    const requestId = fromGlobalId(pending.id, "TakedownRequest");
    const events = await api.dataSource.query(
      `SELECT action, owner_org_id, before, after FROM audit_event WHERE target_id = $1 AND action = 'takedown.withdraw'`,
      [requestId],
    );
    expect(events).toEqual([
      {
        action: "takedown.withdraw",
        owner_org_id: cast.brandA.org.id,
        before: { status: "PENDING" },
        after: { status: "WITHDRAWN", note: "the seller delisted it on its own" },
      },
    ]);

    expect(await queueIds(["PENDING"])).not.toContain(pending.id);
    expect(await queueIds(["WITHDRAWN"])).toContain(pending.id);
    const statsAfter = await statsOfA();
    expect(statsAfter).toEqual({ ...statsBefore, withdrawn: (statsBefore.withdrawn ?? 0) + 1, pending: (statsBefore.pending ?? 0) - 1 });

    // The case is CONFIRMED again, so a new request may follow.
    expect((await request(gid("Infringement", infringement.id))).status).toBe("PENDING");
  });

  it("refuses a request no longer pending (withdrawn, rejected, approved) and a blank note, naming why, and changes nothing", async () => {
    const withdrawn = await request(gid("Infringement", (await confirmedCase()).id));
    await withdraw(withdrawn.id, "sent by mistake");
    const rejected = await request(gid("Infringement", (await confirmedCase()).id));
    dataOf(await api.gql(DECIDE_TAKEDOWN, { id: rejected.id, decision: "REJECT", note: "authorised reseller" }, cast.platformAnalyst.as));
    const approved = await request(gid("Infringement", (await confirmedCase()).id));
    dataOf(await api.gql(DECIDE_TAKEDOWN, { id: approved.id, decision: "APPROVE" }, cast.platformAnalyst.as));
    const pending = await request(gid("Infringement", (await confirmedCase()).id));

    const before = await footprint(api.dataSource);
    for (const [id, status] of [[withdrawn.id, "WITHDRAWN"], [rejected.id, "REJECTED"], [approved.id, "APPROVED"]]) {
      const response = await api.gql(WITHDRAW_TAKEDOWN, { id, note: "again" }, cast.brandAAnalyst.as);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]).toMatchObject({
        message: `This takedown request is no longer pending: it is ${status}; only a PENDING request can be withdrawn`,
        extensions: { code: "BAD_USER_INPUT", status },
      });
    }
    const blank = await api.gql(WITHDRAW_TAKEDOWN, { id: pending.id, note: "   " }, cast.brandAAnalyst.as);
    expect(blank.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("answers another brand's request exactly as a missing one, and changes nothing", async () => {
    const ofB = dataOf(
      await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: gid("Infringement", (await confirmedCase(cast.brandB.brand)).id) }, cast.brandBAnalyst.as),
    ).requestTakedown;
    const before = await footprint(api.dataSource);
    const foreign = await api.gql(WITHDRAW_TAKEDOWN, { id: ofB.id, note: "not ours" }, cast.brandAAnalyst.as);
    const missing = await api.gql(
      WITHDRAW_TAKEDOWN,
      { id: gid("TakedownRequest", "00000000-0000-4000-8000-000000000000"), note: "not ours" },
      cast.brandAAnalyst.as,
    );
    expect(foreign.errors?.[0]).toMatchObject({ message: "TakedownRequest not found", extensions: { code: "NOT_FOUND" } });
    expect(foreign).toEqual(missing);
    expect(await footprint(api.dataSource)).toEqual(before);
    expect(await queueIds(["PENDING"])).toContain(ofB.id);
    // Its own brand may (and leaves no pending request of B's to the tests that count them).
    expect((await withdraw(ofB.id, "resolved with the seller", cast.brandBAnalyst.as)).status).toBe("WITHDRAWN");
  });

  it("is the requesting brand's: the platform, an agency, a viewer and keys without both infringements scopes are refused", async () => {
    const pending = await request(gid("Infringement", (await confirmedCase()).id));
    const keys = [await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]), await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_WRITE])];
    const before = await footprint(api.dataSource);
    for (const persona of [cast.platformAnalyst, cast.investigator, cast.brandAViewer, ...keys]) {
      const response = await api.gql(WITHDRAW_TAKEDOWN, { id: pending.id, note: "no" }, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(response.data).toBeNull();
    }
    expect(await footprint(api.dataSource)).toEqual(before);
    // A key with both scopes is the brand's, as its users are.
    const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
    expect((await withdraw(pending.id, "by the integration", key.as)).status).toBe("WITHDRAWN");
  });
});

describe("reading takedown requests", () => {
  const LIST = `query($filter: TakedownRequestFilter, $direction: SortDirection) {
    takedownRequests(first: 100, filter: $filter, direction: $direction) {
      totalCount edges { node { id status reason requestedAt brand { id } infringement { id } } }
    }
  }`;
  const STATS = `query($filter: TakedownRequestFilter) {
    takedownStats(filter: $filter) { requested pending approved rejected superseded withdrawn acceptanceRate }
  }`;
  type List = { takedownRequests: { totalCount: number; edges: { node: { id: string; status: string; requestedAt: string; brand: { id: string } } }[] } };

  it("gives each brand its own requests with their status, and the platform a filtered queue oldest first", async () => {
    // A pending request of each brand's own: the requests of other tests may be decided by now, or not made yet.
    const ofA = await request(gid("Infringement", (await confirmedCase()).id));
    const ofB = dataOf(
      await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: gid("Infringement", (await confirmedCase(cast.brandB.brand)).id) }, cast.brandBAnalyst.as),
    ).requestTakedown;
    const mineA = dataOf(await api.gql<List>(LIST, {}, cast.brandAAnalyst.as)).takedownRequests;
    expect(mineA.edges.map((e) => e.node.id)).toContain(ofA.id);
    expect(mineA.edges.every((e) => e.node.brand.id === gid("Brand", cast.brandA.brand.id))).toBe(true);
    // Every request of B's (other tests make some), newest first, and nothing else.
    const mineB = dataOf(await api.gql<List>(LIST, {}, cast.brandBAnalyst.as)).takedownRequests;
    const storedOfB: { id: string }[] = await api.dataSource.query(`SELECT id FROM takedown_request WHERE brand_id = $1`, [cast.brandB.brand.id]);
    expect(mineB.edges.map((e) => e.node.id).sort()).toEqual(storedOfB.map((row) => gid("TakedownRequest", row.id)).sort());
    expect(mineB.edges[0].node.id).toBe(ofB.id);

    const queue = dataOf(
      await api.gql<List>(LIST, { filter: { statuses: ["PENDING"] }, direction: "ASC" }, cast.platformAnalyst.as),
    ).takedownRequests;
    expect(queue.edges.every((e) => e.node.status === "PENDING")).toBe(true);
    const times = queue.edges.map((e) => e.node.requestedAt);
    expect(times).toEqual([...times].sort());
    expect(queue.edges.map((e) => e.node.brand.id)).toEqual(
      expect.arrayContaining([gid("Brand", cast.brandA.brand.id), gid("Brand", cast.brandB.brand.id)]),
    );
    const queueOfB = dataOf(
      await api.gql<List>(LIST, { filter: { statuses: ["PENDING"], brandIds: [gid("Brand", cast.brandB.brand.id)], marketplaces: ["TAOBAO"] } }, cast.platformAnalyst.as),
    ).takedownRequests;
    expect(queueOfB.edges.map((e) => e.node.id)).toEqual([ofB.id]);

    // Brand A filtering by brand B finds nothing rather than revealing it; node(id) answers null.
    const probe = dataOf(await api.gql<List>(LIST, { filter: { brandIds: [gid("Brand", cast.brandB.brand.id)] } }, cast.brandAAnalyst.as));
    expect(probe.takedownRequests.totalCount).toBe(0);
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: ofB.id }, cast.brandAAnalyst.as);
    expect(node).toEqual({ status: 200, data: { node: null } });
  });

  it("gives a brand its acceptance rate over its own decided requests only", async () => {
    const brandB = cast.brandBAnalyst;
    const before = dataOf(await api.gql<{ takedownStats: Record<string, number> }>(STATS, {}, brandB.as)).takedownStats;
    const approve = await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: gid("Infringement", (await confirmedCase(cast.brandB.brand)).id) }, brandB.as);
    const reject1 = await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: gid("Infringement", (await confirmedCase(cast.brandB.brand)).id) }, brandB.as);
    const reject2 = await api.gql<{ requestTakedown: Takedown }>(REQUEST_TAKEDOWN, { id: gid("Infringement", (await confirmedCase(cast.brandB.brand)).id) }, brandB.as);
    dataOf(await api.gql(DECIDE_TAKEDOWN, { id: dataOf(approve).requestTakedown.id, decision: "APPROVE" }, cast.platformAnalyst.as));
    for (const r of [reject1, reject2]) {
      dataOf(await api.gql(DECIDE_TAKEDOWN, { id: dataOf(r).requestTakedown.id, decision: "REJECT", note: "no" }, cast.platformAnalyst.as));
    }
    const after = dataOf(await api.gql<{ takedownStats: Record<string, number> }>(STATS, {}, brandB.as)).takedownStats;
    expect(after.requested - before.requested).toBe(3);
    expect(after.approved - before.approved).toBe(1);
    expect(after.rejected - before.rejected).toBe(2);
    expect(after.acceptanceRate).toBeCloseTo(after.approved / (after.approved + after.rejected));
    // Brand A's figures do not move with brand B's decisions.
    const ofA = dataOf(await api.gql<{ takedownStats: { rejected: number } }>(STATS, {}, cast.brandAAnalyst.as)).takedownStats;
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM takedown_request WHERE owner_org_id = $1 AND status = 'REJECTED'`, [cast.brandA.org.id]);
    expect(ofA.rejected).toBe(n);
  });

  it("refuses a request window that ends before it starts, as infringements and the audit log do, and keeps a good one", async () => {
    const mine = await request(gid("Infringement", (await confirmedCase()).id));
    const reversed = { requestedFrom: "2026-10-02T00:00:00Z", requestedTo: "2026-10-01T00:00:00Z" };
    const empty = { requestedFrom: "2026-10-01T00:00:00Z", requestedTo: "2026-10-01T00:00:00Z" };
    for (const persona of [cast.brandAAnalyst, cast.platformAnalyst]) {
      for (const [query, filter] of [[LIST, reversed], [STATS, reversed], [LIST, empty], [STATS, empty]] as const) {
        const response = await api.gql(query, { filter }, persona.as);
        expect(response.data).toBeNull();
        expect(response.errors).toEqual([
          expect.objectContaining({ message: "`requestedFrom` must be before `requestedTo` (a window holds its start, not its end)", extensions: { code: "BAD_USER_INPUT" } }),
        ]);
      }
    }
    // A window around the request still finds it.
    const around = { requestedFrom: new Date(Date.now() - 60_000).toISOString(), requestedTo: new Date(Date.now() + 60_000).toISOString() };
    const found = dataOf(await api.gql<List>(LIST, { filter: around }, cast.brandAAnalyst.as)).takedownRequests;
    expect(found.edges.map((e) => e.node.id)).toContain(mine.id);
  });

  it("refuses an agency and a key without infringements:read", async () => {
    for (const persona of [cast.investigator, await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ])]) {
      const response = await api.gql(LIST, {}, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(response.data).toBeNull();
    }
  });
});

describe("takeDownListing", () => {
  const TAKE_DOWN = `mutation($input: TakeDownListingInput!) { takeDownListing(input: $input) { id status seller { strikeCount } } }`;
  const REQUEST_OF_B = `mutation($id: ID!) { requestTakedown(input: { infringementId: $id, reason: "fake" }) { id } }`;
  // What brand B reads of its own request and case once the listing is gone.
  const SEEN_BY_B = `query($id: ID!) { node(id: $id) { ... on TakedownRequest {
    status decisionNote infringement { status notes { body fromStatus toStatus } listing { status seller { strikeCount status } } } } } }`;
  // The times B reads of the removal: its request's decision, its case's update, the removal's note.
  const TIMES_SEEN_BY_B = `query($id: ID!) { node(id: $id) { ... on TakedownRequest { decidedAt infringement { updatedAt notes { toStatus createdAt } } } } }`;
  const removalTimes = async (requestId: string) => {
    const read = dataOf(
      await api.gql<{ node: { decidedAt: string; infringement: { updatedAt: string; notes: { toStatus: string | null; createdAt: string }[] } } }>(
        TIMES_SEEN_BY_B,
        { id: requestId },
        cast.brandBAnalyst.as,
      ),
    ).node;
    return [read.decidedAt, read.infringement.updatedAt, read.infringement.notes.find((note) => note.toStatus === "REMOVED")!.createdAt];
  };
  const requestOfB = async (caseId: string) =>
    dataOf(await api.gql<{ requestTakedown: { id: string } }>(REQUEST_OF_B, { id: gid("Infringement", caseId) }, cast.brandBAnalyst.as)).requestTakedown.id;
  const seenByB = async (requestId: string) => dataOf(await api.gql<{ node: unknown }>(SEEN_BY_B, { id: requestId }, cast.brandBAnalyst.as)).node;

  it("takes a listing down as an approved takedown would, so that a brand with a case on it cannot tell the two apart", async () => {
    const confirmed = { status: InfringementStatus.CONFIRMED };
    // Brand A's request is approved on one listing; the platform takes the other down on its own.
    const viaRequest = await createListing(api.dataSource, await createSeller(api.dataSource));
    const caseOfA = await createInfringement(api.dataSource, cast.brandA.brand, viaRequest, confirmed);
    const requestOfBViaRequest = await requestOfB((await createInfringement(api.dataSource, cast.brandB.brand, viaRequest, confirmed)).id);
    const requestOfA = await request(gid("Infringement", caseOfA.id));
    dataOf(await api.gql(DECIDE_TAKEDOWN, { id: requestOfA.id, decision: "APPROVE" }, cast.platformAnalyst.as));

    const byPlatform = await createListing(api.dataSource, await createSeller(api.dataSource));
    const requestOfBByPlatform = await requestOfB((await createInfringement(api.dataSource, cast.brandB.brand, byPlatform, confirmed)).id);
    const taken = await api.gql<{ takeDownListing: unknown }>(TAKE_DOWN, { input: { listingId: gid("Listing", byPlatform.id), reason: "court order 2026-114" } }, cast.platformAnalyst.as);
    expect(dataOf(taken).takeDownListing).toEqual({ id: gid("Listing", byPlatform.id), status: "REMOVED", seller: { strikeCount: 1 } });

    const seen = await seenByB(requestOfBByPlatform);
    expect(seen).toMatchObject({ status: "SUPERSEDED", infringement: { status: "REMOVED", listing: { status: "REMOVED", seller: { strikeCount: 1 } } } });
    expect(seen).toEqual(await seenByB(requestOfBViaRequest));
    // Nor do the times: each path dates all three with one instant, whatever ran before it.
    for (const requestId of [requestOfBByPlatform, requestOfBViaRequest]) {
      const [decided, ...others] = await removalTimes(requestId);
      expect(others).toEqual([decided, decided]);
    }
    // The reason is the platform's.
    expect(JSON.stringify(seen)).not.toContain("court order");
    const [removal] = await api.dataSource.query(`SELECT after FROM audit_event WHERE action = 'listing.remove' AND target_id = $1`, [byPlatform.id]);
    expect(removal.after).toMatchObject({ cause: "taken down by the platform", reason: "court order 2026-114" });
  });

  it("dates every case on the listing as updated then, so that a brand's sync by updatedFrom finds it", async () => {
    const listing = await createListing(api.dataSource, await createSeller(api.dataSource));
    const quiet = await createInfringement(api.dataSource, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED });
    await api.dataSource.query(`UPDATE suspected_infringement SET updated_at = now() - interval '1 day' WHERE id = $1`, [quiet.id]);
    const since = new Date().toISOString();
    dataOf(await api.gql(TAKE_DOWN, { input: { listingId: gid("Listing", listing.id), reason: "court order" } }, cast.platformAnalyst.as));
    const SYNC = `query($since: DateTime!) { infringements(first: 100, filter: { updatedFrom: $since }) { edges { node { id status updatedAt listing { status } } } } }`;
    type Synced = { infringements: { edges: { node: { id: string; status: string; updatedAt: string; listing: { status: string } } }[] } };
    const synced = dataOf(await api.gql<Synced>(SYNC, { since }, cast.brandAAnalyst.as)).infringements.edges.map((edge) => edge.node);
    const found = synced.find((node) => node.id === gid("Infringement", quiet.id));
    expect(found).toMatchObject({ status: "CONFIRMED", listing: { status: "REMOVED" } });
    expect(Date.parse(found!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(since));
  });

  it("is the platform's alone, for an ACTIVE listing it names, and a refusal changes nothing", async () => {
    const listing = await createListing(api.dataSource, await createSeller(api.dataSource));
    await createInfringement(api.dataSource, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED });
    const input = { listingId: gid("Listing", listing.id), reason: "counterfeit" };
    const readOnlyKey = await cast.keyFor(cast.platformAnalyst.org, [Scope.INFRINGEMENTS_READ]);
    const before = await footprint(api.dataSource);
    for (const persona of [cast.brandAAdmin, cast.investigator, readOnlyKey]) {
      expect((await api.gql(TAKE_DOWN, { input }, persona.as)).errors?.[0]).toMatchObject({
        message: "Only the platform, with the infringements:read and infringements:write scopes, decides takedowns and takes listings down",
        extensions: { code: "FORBIDDEN" },
      });
    }
    expect((await api.gql(TAKE_DOWN, { input: { ...input, reason: " " } }, cast.platformAnalyst.as)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const missing = await api.gql(TAKE_DOWN, { input: { ...input, listingId: gid("Listing", "00000000-0000-4000-8000-000000000000") } }, cast.platformAnalyst.as);
    expect(missing.errors?.[0]).toMatchObject({ message: "Listing not found", extensions: { code: "NOT_FOUND" } });
    expect(await footprint(api.dataSource)).toEqual(before);

    dataOf(await api.gql(TAKE_DOWN, { input }, cast.platformAnalyst.as));
    const removed = await footprint(api.dataSource);
    expect((await api.gql(TAKE_DOWN, { input }, cast.platformAnalyst.as)).errors?.[0]).toMatchObject({
      message: "This listing is REMOVED already",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await footprint(api.dataSource)).toEqual(removed);
  });
});
