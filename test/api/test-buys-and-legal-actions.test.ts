import { Scope } from "../../src/auth/scopes";
import { InfringementStatus, Marketplace, OrgKind, UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import {
  DECIDE_TAKEDOWN,
  EVIDENCE,
  RECORD_OUTCOME,
  RECORD_TEST_BUY,
  REQUEST_TAKEDOWN,
  dataOf,
  statusOf,
} from "../support/enforcement";
import { footprint } from "../support/footprint";
import { createBrand, createInfringement, createListing, createOrganization, createSeller } from "../support/factories";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

const caseOfA = async (status: InfringementStatus) =>
  createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, cast.seller), { status });

async function testBuyOn(infringementId: string) {
  const input = { infringementId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 15900, currency: "CNY" }, orderReference: "TB-1" };
  return dataOf(await api.gql<{ recordTestBuy: { id: string } }>(RECORD_TEST_BUY, { input }, cast.brandAAnalyst.as)).recordTestBuy.id;
}

async function requestTakedownOf(infringementId: string) {
  return dataOf(await api.gql<{ requestTakedown: { id: string } }>(REQUEST_TAKEDOWN, { id: infringementId }, cast.brandAAnalyst.as)).requestTakedown.id;
}

describe("test buys", () => {
  it("GENUINE dismisses a confirmed case through the lifecycle (CONFIRMED -> UNDER_REVIEW -> DISMISSED)", async () => {
    const infringement = gid("Infringement", (await caseOfA(InfringementStatus.CONFIRMED)).id);
    const id = await testBuyOn(infringement);
    const result = dataOf(
      await api.gql<{ recordTestBuyOutcome: { infringement: { status: string } } }>(
        RECORD_OUTCOME,
        { input: { id, outcome: "GENUINE", findings: "Authentic serial", evidence: [] } },
        cast.brandAAnalyst.as,
      ),
    );
    expect(result.recordTestBuyOutcome.infringement.status).toBe("DISMISSED");
  });

  it("GENUINE under a pending takedown withdraws it, then dismisses the case, so the platform can no longer approve it", async () => {
    const { id: caseId, listingId } = await createInfringement(
      api.dataSource,
      cast.brandA.brand,
      await createListing(api.dataSource, await createSeller(api.dataSource)),
      { status: InfringementStatus.CONFIRMED },
    );
    const infringement = gid("Infringement", caseId);
    const takedown = await requestTakedownOf(infringement);
    const id = await testBuyOn(infringement);
    const result = dataOf(
      await api.gql<{ recordTestBuyOutcome: { infringement: { status: string } } }>(
        RECORD_OUTCOME,
        { input: { id, outcome: "GENUINE", findings: "Authentic serial", evidence: [] } },
        cast.brandAAnalyst.as,
      ),
    ).recordTestBuyOutcome;
    expect(result.infringement.status).toBe("DISMISSED");

    const seen = dataOf(
      await api.gql<{ node: { status: string; decisionNote: string; infringement: { notes: { body: string; fromStatus: string; toStatus: string }[] } } }>(
        `query($id: ID!) { node(id: $id) { ... on TakedownRequest { status decisionNote infringement { notes { body fromStatus toStatus } } } } }`,
        { id: takedown },
        cast.brandAAnalyst.as,
      ),
    ).node;
    expect(seen).toMatchObject({ status: "WITHDRAWN", decisionNote: "Test buy TB-1: GENUINE" });
    expect(seen.infringement.notes.slice(-3)).toEqual([
      { body: "Takedown withdrawn: Test buy TB-1: GENUINE", fromStatus: "TAKEDOWN_REQUESTED", toStatus: "CONFIRMED" },
      { body: "Test buy TB-1: GENUINE", fromStatus: "CONFIRMED", toStatus: "UNDER_REVIEW" },
      { body: "Test buy TB-1: GENUINE", fromStatus: "UNDER_REVIEW", toStatus: "DISMISSED" },
    ]);
    const [withdrawal] = await api.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'takedown.withdraw' AND target_id = $1`, [
      fromGlobalId(takedown, "TakedownRequest"),
    ]);
    expect(withdrawal).toEqual({ before: { status: "PENDING" }, after: { status: "WITHDRAWN", note: "Test buy TB-1: GENUINE" } });

    // Gone from the platform's queue, and refused if the platform still tries to approve it.
    const queue = dataOf(
      await api.gql<{ takedownRequests: { edges: { node: { id: string } }[] } }>(
        `query { takedownRequests(first: 100, filter: { statuses: [PENDING] }) { edges { node { id } } } }`,
        {},
        cast.platformAnalyst.as,
      ),
    ).takedownRequests.edges.map((edge) => edge.node.id);
    expect(queue).not.toContain(takedown);
    const approve = await api.gql(DECIDE_TAKEDOWN, { id: takedown, decision: "APPROVE" }, cast.platformAnalyst.as);
    expect(approve.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", status: "WITHDRAWN" });
    const [{ status }] = await api.dataSource.query(`SELECT status FROM listing WHERE id = $1`, [listingId]);
    expect(status).toBe("ACTIVE");
  });

  it("COUNTERFEIT leaves a pending takedown pending; GENUINE leaves a REMOVED case removed, its listing being gone", async () => {
    const pendingCase = gid("Infringement", (await caseOfA(InfringementStatus.CONFIRMED)).id);
    const pending = await requestTakedownOf(pendingCase);
    const counterfeit = await testBuyOn(pendingCase);
    dataOf(await api.gql(RECORD_OUTCOME, { input: { id: counterfeit, outcome: "COUNTERFEIT", evidence: EVIDENCE } }, cast.brandAAnalyst.as));
    expect(await statusOf(api, pendingCase, cast.brandAAnalyst.as)).toBe("TAKEDOWN_REQUESTED");
    const [{ status: stillPending }] = await api.dataSource.query(`SELECT status FROM takedown_request WHERE id = $1`, [
      fromGlobalId(pending, "TakedownRequest"),
    ]);
    expect(stillPending).toBe("PENDING");

    const removedCase = gid(
      "Infringement",
      (
        await createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, await createSeller(api.dataSource)), {
          status: InfringementStatus.CONFIRMED,
        })
      ).id,
    );
    dataOf(await api.gql(DECIDE_TAKEDOWN, { id: await requestTakedownOf(removedCase), decision: "APPROVE" }, cast.platformAnalyst.as));
    const genuine = await testBuyOn(removedCase);
    dataOf(await api.gql(RECORD_OUTCOME, { input: { id: genuine, outcome: "GENUINE", evidence: [] } }, cast.brandAAnalyst.as));
    expect(await statusOf(api, removedCase, cast.brandAAnalyst.as)).toBe("REMOVED");
  });

  it("records an outcome once, and refuses bad evidence, without changing anything", async () => {
    const infringement = gid("Infringement", (await caseOfA(InfringementStatus.FLAGGED)).id);
    const id = await testBuyOn(infringement);
    const before = await footprint(api.dataSource);
    const badHash = await api.gql(
      RECORD_OUTCOME,
      { input: { id, outcome: "COUNTERFEIT", evidence: [{ kind: "PHOTO", description: "logo", sha256: "abc123" }] } },
      cast.brandAAnalyst.as,
    );
    expect(badHash.errors?.[0]).toMatchObject({
      message: "`evidence[0].sha256` must be a SHA-256 digest: 64 hexadecimal digits",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const noEvidence = await api.gql(RECORD_OUTCOME, { input: { id, outcome: "COUNTERFEIT", evidence: [] } }, cast.brandAAnalyst.as);
    expect(noEvidence.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const twice = [EVIDENCE[0], { ...EVIDENCE[0], description: "the same photo again" }];
    const duplicated = await api.gql(RECORD_OUTCOME, { input: { id, outcome: "COUNTERFEIT", evidence: twice } }, cast.brandAAnalyst.as);
    expect(duplicated.errors?.[0]).toMatchObject({
      message: "`evidence[1]` is the file of evidence[0] again (same sha256): send each file once",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await footprint(api.dataSource)).toEqual(before);

    const upper = EVIDENCE.map((e) => ({ ...e, sha256: e.sha256.toUpperCase() }));
    const first = dataOf(
      await api.gql<{ recordTestBuyOutcome: { evidence: { sha256: string }[]; infringement: { status: string } } }>(
        RECORD_OUTCOME,
        { input: { id, outcome: "COUNTERFEIT", evidence: upper } },
        cast.brandAAnalyst.as,
      ),
    ).recordTestBuyOutcome;
    expect(first.evidence.map((e) => e.sha256)).toEqual(EVIDENCE.map((e) => e.sha256));
    expect(first.infringement.status).toBe("CONFIRMED");
    const afterFirst = await footprint(api.dataSource);
    const again = await api.gql(RECORD_OUTCOME, { input: { id, outcome: "GENUINE", evidence: [] } }, cast.brandAAnalyst.as);
    expect(again.errors?.[0]).toMatchObject({ message: "This test buy's outcome was already recorded: COUNTERFEIT", extensions: { code: "BAD_USER_INPUT" } });
    expect(await footprint(api.dataSource)).toEqual(afterFirst);
  });

  it("records one order once on a case: a retry is CONFLICT, and changes nothing", async () => {
    const infringementId = gid("Infringement", (await caseOfA(InfringementStatus.UNDER_REVIEW)).id);
    await testBuyOn(infringementId);
    const before = await footprint(api.dataSource);
    const input = { infringementId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 15900, currency: "CNY" }, orderReference: " TB-1 " };
    const retry = await api.gql(RECORD_TEST_BUY, { input }, cast.brandAAnalyst.as);
    expect(retry.errors?.[0]).toMatchObject({
      message: 'A test buy with order reference "TB-1" is already recorded on this case',
      extensions: { code: "CONFLICT" },
    });
    // Another brand sending the same order on A's case learns nothing of A's test buys: the case is
    // missing to it, exactly as one that does not exist.
    const missingCase = { ...input, infringementId: gid("Infringement", "00000000-0000-4000-8000-000000000000") };
    const foreign = await api.gql(RECORD_TEST_BUY, { input }, cast.brandBAnalyst.as);
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(foreign).toEqual(await api.gql(RECORD_TEST_BUY, { input: missingCase }, cast.brandBAnalyst.as));
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("keeps at most 50 on a case: the 51st is CONFLICT, and changes nothing", async () => {
    // A member of its own, so that its 50 test buys do not crowd brand A's lists below.
    const member = await createOrganization(api.dataSource, OrgKind.BRAND);
    const analyst = await cast.userOf(member, UserRole.ANALYST);
    const infringement = await createInfringement(api.dataSource, await createBrand(api.dataSource, member), await createListing(api.dataSource, cast.seller), {
      status: InfringementStatus.UNDER_REVIEW,
    });
    await api.dataSource.query(
      `INSERT INTO test_buy (owner_org_id, infringement_id, ordered_at, cost_minor, currency, order_reference)
       SELECT $1, $2, '2026-10-01', 15900, 'CNY', 'TB-' || n FROM generate_series(1, 49) n`,
      [infringement.ownerOrgId, infringement.id],
    );
    const infringementId = gid("Infringement", infringement.id);
    const record = (orderReference: string) =>
      api.gql(RECORD_TEST_BUY, { input: { infringementId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 15900, currency: "CNY" }, orderReference } }, analyst.as);
    expect((await record("TB-50")).errors).toBeUndefined();
    const before = await footprint(api.dataSource);
    expect((await record("TB-51")).errors?.[0]).toMatchObject({ message: "This case has 50 test buys, the most one case keeps", extensions: { code: "CONFLICT" } });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("refuses a cost that is not integer minor units of a real currency", async () => {
    const infringementId = gid("Infringement", cast.infringementA.id);
    const before = await footprint(api.dataSource);
    for (const cost of [{ amountMinor: -1, currency: "CNY" }, { amountMinor: 100, currency: "ZZZ" }]) {
      const input = { infringementId, orderedAt: "2026-10-01T00:00:00Z", cost, orderReference: "TB-X" };
      expect((await api.gql(RECORD_TEST_BUY, { input }, cast.brandAAnalyst.as)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    const float = await api.gql(
      RECORD_TEST_BUY,
      { input: { infringementId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 1.5, currency: "CNY" }, orderReference: "TB-X" } },
      cast.brandAAnalyst.as,
    );
    expect(float.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const ancient = await api.gql(
      RECORD_TEST_BUY,
      { input: { infringementId, orderedAt: "1900-01-01T00:00:00Z", cost: { amountMinor: 100, currency: "CNY" }, orderReference: "TB-X" } },
      cast.brandAAnalyst.as,
    );
    expect(ancient.errors?.[0]).toMatchObject({ message: "`orderedAt` must not be before 1990-01-01", extensions: { code: "BAD_USER_INPUT" } });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("is the owner's and the platform's: another brand and an unreferred agency see it as missing", async () => {
    const id = await testBuyOn(gid("Infringement", cast.infringementA.id));
    const NODE = `query($id: ID!) { node(id: $id) { ... on TestBuy { orderReference cost { formatted } } } }`;
    expect(dataOf(await api.gql<{ node: unknown }>(NODE, { id }, cast.platformAnalyst.as)).node).toEqual({
      orderReference: "TB-1",
      cost: { formatted: "159.00 CNY" },
    });
    const missing = gid("TestBuy", "00000000-0000-4000-8000-000000000000");
    for (const persona of [cast.brandBAnalyst, cast.investigator]) {
      const response = await api.gql(NODE, { id }, persona.as);
      expect(response).toEqual({ status: 200, data: { node: null } });
      expect(response).toEqual(await api.gql(NODE, { id: missing }, persona.as));
    }
    const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]);
    const before = await footprint(api.dataSource);
    const foreign = await api.gql(RECORD_OUTCOME, { input: { id, outcome: "GENUINE", evidence: [] } }, cast.brandBAnalyst.as);
    expect(foreign).toEqual(await api.gql(RECORD_OUTCOME, { input: { id: missing, outcome: "GENUINE", evidence: [] } }, cast.brandBAnalyst.as));
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await api.gql(RECORD_OUTCOME, { input: { id, outcome: "GENUINE", evidence: [] } }, key.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await footprint(api.dataSource)).toEqual(before);
  });
});

describe("recording a test buy from another tenant", () => {
  it("is answered on another brand's case exactly as on a missing one, and an agency is refused; nothing changes", async () => {
    const input = (infringementId: string) => ({ infringementId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 100, currency: "CNY" }, orderReference: "TB-X" });
    const ofA = gid("Infringement", (await caseOfA(InfringementStatus.CONFIRMED)).id);
    const missing = gid("Infringement", "00000000-0000-4000-8000-000000000000");
    const keyOfB = await cast.keyFor(cast.brandB.org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
    const before = await footprint(api.dataSource);
    for (const persona of [cast.brandBAnalyst, keyOfB]) {
      const foreign = await api.gql(RECORD_TEST_BUY, { input: input(ofA) }, persona.as);
      expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
      expect(foreign).toEqual(await api.gql(RECORD_TEST_BUY, { input: input(missing) }, persona.as));
    }
    expect((await api.gql(RECORD_TEST_BUY, { input: input(ofA) }, cast.investigator.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await footprint(api.dataSource)).toEqual(before);
  });
});

describe("the list of test buys", () => {
  const LIST = `query($filter: TestBuyFilter, $after: String) { testBuys(first: 2, after: $after, filter: $filter) {
    totalCount edges { node { id outcome orderReference } } pageInfo { hasNextPage endCursor } } }`;
  type Listed = { testBuys: { totalCount: number; edges: { node: { id: string; outcome: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
  const all = async (as: { token: string } | { apiKey: string }, filter: Record<string, unknown> = {}) => {
    const ids: string[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: Listed = dataOf(await api.gql<Listed>(LIST, { filter, after }, as));
      ids.push(...page.testBuys.edges.map((edge) => edge.node.id));
      [after, more] = [page.testBuys.pageInfo.endCursor, page.testBuys.pageInfo.hasNextPage];
    }
    return ids;
  };

  it("gives a brand its own, the pending ones by filter, page by page; another brand none of them", async () => {
    const mine = [await testBuyOn(gid("Infringement", (await caseOfA(InfringementStatus.CONFIRMED)).id)), await testBuyOn(gid("Infringement", (await caseOfA(InfringementStatus.CONFIRMED)).id))];
    const listed = await all(cast.brandAAnalyst.as);
    expect(listed).toEqual(expect.arrayContaining(mine));
    expect(new Set(listed).size).toBe(listed.length);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM test_buy WHERE owner_org_id = $1`, [cast.brandA.org.id]);
    expect(listed).toHaveLength(n);
    expect(await all(cast.brandAAnalyst.as, { outcomes: ["PENDING"] })).toEqual(expect.arrayContaining(mine));
    const pending = await api.gql<Listed>(LIST, { filter: { outcomes: ["PENDING"] } }, cast.brandAAnalyst.as);
    expect(pending.data!.testBuys.edges.every((edge) => edge.node.outcome === "PENDING")).toBe(true);
    // Brand B: none of A's, and a count that says nothing of them.
    const ofB = await all(cast.brandBAnalyst.as);
    for (const id of mine) expect(ofB).not.toContain(id);
    const [{ b }] = await api.dataSource.query(`SELECT count(*)::int AS b FROM test_buy WHERE owner_org_id = $1`, [cast.brandB.org.id]);
    expect(dataOf(await api.gql<Listed>(LIST, {}, cast.brandBAnalyst.as)).testBuys.totalCount).toBe(b);
    // A key without infringements:read, and an agency with nothing referred: refused, or nothing.
    const catalogueKey = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    expect((await api.gql(LIST, {}, catalogueKey.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const agency = await cast.userOf(await createOrganization(api.dataSource, OrgKind.AGENCY, "Agency with nothing referred"), UserRole.INVESTIGATOR);
    expect(dataOf(await api.gql<Listed>(LIST, {}, agency.as)).testBuys).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe("the list of test buys by brand", () => {
  const LIST = `query($filter: TestBuyFilter) { testBuys(first: 50, filter: $filter) { totalCount edges { node { id } } } }`;
  type Listed = { testBuys: { totalCount: number; edges: { node: { id: string } }[] } };
  const ids = async (as: Cast["brandAAnalyst"]["as"], brandIds: string[]) =>
    dataOf(await api.gql<Listed>(LIST, { filter: { brandIds: brandIds.map((id) => gid("Brand", id)) } }, as)).testBuys.edges.map((edge) => edge.node.id).sort();

  it("gives a member with several brands the test buys of the brands asked, and another member nothing of them", async () => {
    const second = await createBrand(api.dataSource, cast.brandA.org);
    const onSecond = await testBuyOn(gid("Infringement", (await createInfringement(api.dataSource, second, await createListing(api.dataSource, cast.seller), { status: InfringementStatus.CONFIRMED })).id));
    const onFirst = await testBuyOn(gid("Infringement", (await caseOfA(InfringementStatus.CONFIRMED)).id));
    expect(await ids(cast.brandAAnalyst.as, [second.id])).toEqual([onSecond]);
    const ofFirst = await ids(cast.brandAAnalyst.as, [cast.brandA.brand.id]);
    expect(ofFirst).toContain(onFirst);
    expect(ofFirst).not.toContain(onSecond);
    expect((await ids(cast.brandAAnalyst.as, [cast.brandA.brand.id, second.id])).length).toBe(ofFirst.length + 1);
    // Another member asking for A's brands reads none of A's test buys, as for a brand it has no case of.
    expect(await ids(cast.brandBAnalyst.as, [cast.brandA.brand.id, second.id])).toEqual([]);
  });
});

describe("the list of test buys by store and marketplace", () => {
  const LIST = `query($filter: TestBuyFilter) { testBuys(first: 50, filter: $filter) { totalCount edges { node { id } } } }`;
  type Listed = { testBuys: { totalCount: number; edges: { node: { id: string } }[] } };
  const ids = async (as: Cast["brandAAnalyst"]["as"], filter: Record<string, unknown>) =>
    dataOf(await api.gql<Listed>(LIST, { filter }, as)).testBuys.edges.map((edge) => edge.node.id).sort();

  it("gives a brand the test buys against a store, or on a marketplace, with its other filters; another brand nothing of them", async () => {
    const store = await createSeller(api.dataSource, { marketplace: Marketplace.XIANYU });
    const onStore = async () =>
      testBuyOn(gid("Infringement", (await createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, store), { status: InfringementStatus.CONFIRMED })).id));
    const [first, second] = [await onStore(), await onStore()];
    const elsewhere = await testBuyOn(gid("Infringement", (await caseOfA(InfringementStatus.CONFIRMED)).id));
    const sellerIds = [gid("Seller", store.id)];
    expect(await ids(cast.brandAAnalyst.as, { sellerIds })).toEqual([first, second].sort());
    const onXianyu = await ids(cast.brandAAnalyst.as, { marketplaces: ["XIANYU"] });
    expect(onXianyu).toEqual(expect.arrayContaining([first, second]));
    expect(onXianyu).not.toContain(elsewhere);
    // Filters combine: the store's on another marketplace are none; with a brand of A's, both.
    expect(await ids(cast.brandAAnalyst.as, { sellerIds, marketplaces: ["TMALL"] })).toEqual([]);
    expect(await ids(cast.brandAAnalyst.as, { sellerIds, brandIds: [gid("Brand", cast.brandA.brand.id)], outcomes: ["PENDING"] })).toEqual([first, second].sort());
    // Brand B, naming A's store: none of A's test buys, as for a store it has no case against.
    expect(await ids(cast.brandBAnalyst.as, { sellerIds })).toEqual([]);
    expect(await ids(cast.brandBAnalyst.as, { marketplaces: ["XIANYU"] })).not.toContain(first);
  });
});

describe("legal actions", () => {
  const FILE = `mutation($input: FileLegalActionInput!) {
    fileLegalAction(input: $input) { id status court claim { amountMinor currency formatted } filedOn plaintiff { name } seller { id } }
  }`;
  const UPDATE = `mutation($input: UpdateLegalActionInput!) { updateLegalAction(input: $input) { id status judgment { amountMinor currency } } }`;
  const fileAs = (persona: { as: { token: string } | { apiKey: string } }, sellerId: string) =>
    api.gql<{ fileLegalAction: { id: string; plaintiff: { name: string } } }>(
      FILE,
      { input: { sellerId, court: "Shenzhen Intermediate People's Court", claim: { amountMinor: 70_000_000, currency: "CNY" }, filedOn: "2026-09-30" } },
      persona.as,
    );

  it("is filed by a brand against a seller of its cases, visible to it and the platform only", async () => {
    // A store of its own: another test files this same action against the cast's store and leaves
    // it open, which would make this filing a repeat when that test runs first.
    const seller = await createSeller(api.dataSource);
    await createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, seller));
    const LIST = `{ legalActions(first: 10) { totalCount edges { node { id } } } }`;
    const totalAs = async (persona: Persona) => dataOf(await api.gql<{ legalActions: { totalCount: number } }>(LIST, {}, persona.as)).legalActions.totalCount;
    const [platformBefore, brandABefore] = [await totalAs(cast.platformAnalyst), await totalAs(cast.brandAAnalyst)];
    const filed = dataOf(await fileAs(cast.brandAAnalyst, gid("Seller", seller.id))).fileLegalAction;
    expect(filed.plaintiff.name).toBe(cast.brandA.org.name);
    expect(await totalAs(cast.platformAnalyst)).toBe(platformBefore + 1);
    expect(await totalAs(cast.brandAAnalyst)).toBe(brandABefore + 1);
    expect(await totalAs(cast.brandBAnalyst)).toBe(0);
    expect((await api.gql(LIST, {}, cast.investigator.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: filed.id }, cast.brandBAnalyst.as);
    expect(node).toEqual({ status: 200, data: { node: null } });

    // The platform reads the suit but does not move it: the change would pass for the brand's.
    const byPlatform = await api.gql(UPDATE, { input: { id: filed.id, status: "IN_PROGRESS" } }, cast.platformAnalyst.as);
    expect(byPlatform.errors?.[0]).toMatchObject({ message: "Only the plaintiff updates a legal action", extensions: { code: "FORBIDDEN" } });

    const judged = dataOf(
      await api.gql<{ updateLegalAction: unknown }>(
        UPDATE,
        { input: { id: filed.id, status: "JUDGMENT_FOR_PLAINTIFF", judgment: { amountMinor: 1_400_000_00, currency: "CNY" } } },
        cast.brandAAnalyst.as,
      ),
    );
    expect(judged.updateLegalAction).toMatchObject({ status: "JUDGMENT_FOR_PLAINTIFF", judgment: { amountMinor: 140_000_000 } });
    const before = await footprint(api.dataSource);
    const again = await api.gql(UPDATE, { input: { id: filed.id, status: "SETTLED" } }, cast.brandAAnalyst.as);
    expect(again.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", allowedStatuses: [] });
    const foreign = await api.gql(UPDATE, { input: { id: filed.id, status: "WITHDRAWN" } }, cast.brandBAnalyst.as);
    expect(foreign.errors?.[0]).toMatchObject({ message: "LegalAction not found", extensions: { code: "NOT_FOUND" } });
    const missing = gid("LegalAction", "00000000-0000-4000-8000-000000000000");
    expect(foreign).toEqual(await api.gql(UPDATE, { input: { id: missing, status: "WITHDRAWN" } }, cast.brandBAnalyst.as));
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("refuses the same filing sent again while it is open, once when two are sent at once", async () => {
    const seller = await createSeller(api.dataSource);
    await createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, seller));
    const input = { sellerId: gid("Seller", seller.id), court: "Hangzhou Internet Court", claim: { amountMinor: 5_000_000, currency: "CNY" }, filedOn: "2026-10-02" };
    const both = await Promise.all([api.gql(FILE, { input }, cast.brandAAnalyst.as), api.gql(FILE, { input: { ...input, court: "hangzhou internet court" } }, cast.brandAAnalyst.as)]);
    expect(both.map((r) => r.errors?.[0].extensions?.code ?? "MADE").sort()).toEqual(["CONFLICT", "MADE"]);
    expect(both.find((r) => r.errors)!.errors![0].message).toMatch(
      /^Your organization recorded this action already \(FILED, on .+\): the same store, court, filing date and claim$/,
    );
    // Nor is the court another one when its name is spaced otherwise.
    const respaced = await api.gql(FILE, { input: { ...input, court: " Hangzhou  Internet\tCourt" } }, cast.brandAAnalyst.as);
    expect(respaced.errors?.[0].extensions?.code).toBe("CONFLICT");
    // Another claim in the same court is another action.
    expect((await api.gql(FILE, { input: { ...input, claim: { amountMinor: 6_000_000, currency: "CNY" } } }, cast.brandAAnalyst.as)).errors).toBeUndefined();
  });

  it("refuses a filing date in the future or before 1990, and changes nothing", async () => {
    const before = await footprint(api.dataSource);
    for (const [filedOn, message] of [
      ["1800-01-01", "`filedOn` must not be before 1990-01-01"],
      ["2999-01-01", "`filedOn` must not be in the future"],
    ]) {
      const input = { sellerId: gid("Seller", cast.seller.id), court: "A court", claim: { amountMinor: 100, currency: "CNY" }, filedOn };
      expect((await api.gql(FILE, { input }, cast.brandAAnalyst.as)).errors?.[0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT" } });
    }
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("refuses an order reference or a case number holding control or text-direction characters, which read otherwise than they compare", async () => {
    const infringementId = gid("Infringement", (await caseOfA(InfringementStatus.UNDER_REVIEW)).id);
    const before = await footprint(api.dataSource);
    for (const orderReference of ["TB-\u202e1-2", "TB-1\n2", "TB\u0007"]) {
      const input = { infringementId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 15900, currency: "CNY" }, orderReference };
      expect((await api.gql(RECORD_TEST_BUY, { input }, cast.brandAAnalyst.as)).errors?.[0]).toMatchObject({
        message: "`orderReference` must not hold control or text-direction characters",
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    const input = { sellerId: gid("Seller", cast.seller.id), court: "A court", claim: { amountMinor: 100, currency: "CNY" }, filedOn: "2026-10-01", caseNumber: "(2026)\u2067Yue 03" };
    expect((await api.gql(FILE, { input }, cast.brandAAnalyst.as)).errors?.[0]).toMatchObject({
      message: "`caseNumber` must not hold control or text-direction characters",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("clears a case number entered in error with an explicit null or a blank one, and keeps it when left out", async () => {
    const input = { sellerId: gid("Seller", cast.seller.id), court: "Guangzhou Internet Court", claim: { amountMinor: 500_000, currency: "CNY" }, filedOn: "2026-10-02" };
    const filed = dataOf(await api.gql<{ fileLegalAction: { id: string } }>(FILE, { input }, cast.brandAAnalyst.as)).fileLegalAction;
    const UPDATE_CASE = `mutation($input: UpdateLegalActionInput!) { updateLegalAction(input: $input) { status caseNumber } }`;
    const update = async (input: Record<string, unknown>) => dataOf(await api.gql(UPDATE_CASE, { input: { id: filed.id, ...input } }, cast.brandAAnalyst.as));
    expect(await update({ caseNumber: "(2026) Yue 03 Min Chu 1183" })).toEqual({ updateLegalAction: { status: "FILED", caseNumber: "(2026) Yue 03 Min Chu 1183" } });
    expect(await update({ caseNumber: null })).toEqual({ updateLegalAction: { status: "FILED", caseNumber: null } });
    expect(await update({ caseNumber: "(2026) Yue 03 Min Chu 1184" })).toEqual({ updateLegalAction: { status: "FILED", caseNumber: "(2026) Yue 03 Min Chu 1184" } });
    expect(await update({ status: "IN_PROGRESS" })).toEqual({ updateLegalAction: { status: "IN_PROGRESS", caseNumber: "(2026) Yue 03 Min Chu 1184" } });
    expect(await update({ caseNumber: " \u200b " })).toEqual({ updateLegalAction: { status: "IN_PROGRESS", caseNumber: null } });
  });

  it("records the court's case number when it comes, with or without a new status, and nothing without either", async () => {
    const filed = dataOf(await fileAs(cast.brandAAnalyst, gid("Seller", cast.seller.id))).fileLegalAction;
    const UPDATE_CASE = `mutation($input: UpdateLegalActionInput!) { updateLegalAction(input: $input) { status caseNumber } }`;
    const numbered = await api.gql(UPDATE_CASE, { input: { id: filed.id, caseNumber: "(2026) Yue 03 Min Chu 1182" } }, cast.brandAAnalyst.as);
    expect(dataOf(numbered)).toEqual({ updateLegalAction: { status: "FILED", caseNumber: "(2026) Yue 03 Min Chu 1182" } });
    const moved = await api.gql(UPDATE_CASE, { input: { id: filed.id, status: "IN_PROGRESS" } }, cast.brandAAnalyst.as);
    expect(dataOf(moved)).toEqual({ updateLegalAction: { status: "IN_PROGRESS", caseNumber: "(2026) Yue 03 Min Chu 1182" } });
    const before = await footprint(api.dataSource);
    const nothing = await api.gql(UPDATE_CASE, { input: { id: filed.id } }, cast.brandAAnalyst.as);
    expect(nothing.errors?.[0]).toMatchObject({ message: "Give the new `status`, or the `caseNumber`, or both", extensions: { code: "BAD_USER_INPUT" } });
    const judgmentAlone = await api.gql(UPDATE_CASE, { input: { id: filed.id, judgment: { amountMinor: 90_000, currency: "CNY" } } }, cast.brandAAnalyst.as);
    expect(judgmentAlone.errors?.[0]).toMatchObject({
      message: "`judgment` is recorded only with `status` JUDGMENT_FOR_PLAINTIFF or SETTLED",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const foreign = await api.gql(UPDATE_CASE, { input: { id: filed.id, caseNumber: "X-1" } }, cast.brandBAnalyst.as);
    expect(foreign.errors?.[0]).toMatchObject({ message: "LegalAction not found", extensions: { code: "NOT_FOUND" } });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("keeps its store readable to the plaintiff after a scan finds the brand's listing under another store", async () => {
    const db = api.dataSource;
    const sued = await createSeller(db, { publicName: "Sued Store" });
    const listing = await createListing(db, sued);
    await createInfringement(db, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED });
    const filed = dataOf(await fileAs(cast.brandAAnalyst, gid("Seller", sued.id))).fileLegalAction;
    // As the ingest moves a listing and its cases (src/ingest/batch/listings.ts): brand A has no case on the sued store now.
    const newStore = await createSeller(db);
    await db.query(`UPDATE listing SET seller_id = $1 WHERE id = $2`, [newStore.id, listing.id]);
    await db.query(`UPDATE suspected_infringement SET seller_id = $1 WHERE listing_id = $2`, [newStore.id, listing.id]);

    const READ = `query($id: ID!) { node(id: $id) { ... on LegalAction { seller { id name } } } }`;
    const asPlaintiff = await api.gql<{ node: { seller: { id: string; name: string } } }>(READ, { id: filed.id }, cast.brandAAnalyst.as);
    expect(asPlaintiff.errors).toBeUndefined();
    expect(asPlaintiff.data!.node.seller).toEqual({ id: gid("Seller", sued.id), name: "Sued Store" });
    // Another brand: the store looks like a missing one.
    const SELLER = `query($id: ID!) { seller(id: $id) { id } }`;
    const asOther = await api.gql(SELLER, { id: gid("Seller", sued.id) }, cast.brandBAnalyst.as);
    expect(asOther.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(asOther).toEqual(await api.gql(SELLER, { id: gid("Seller", "00000000-0000-4000-8000-000000000000") }, cast.brandBAnalyst.as));
  });

  it("cannot be filed against a seller the brand cannot reach, which looks like a missing one", async () => {
    const stranger = await createSeller(api.dataSource);
    const before = await footprint(api.dataSource);
    const response = await fileAs(cast.brandBAnalyst, gid("Seller", stranger.id));
    const missing = await fileAs(cast.brandBAnalyst, gid("Seller", "00000000-0000-4000-8000-000000000000"));
    expect(response.errors?.[0]).toMatchObject({ message: "Seller not found", extensions: { code: "NOT_FOUND" } });
    expect(response).toEqual(missing);
    expect((await fileAs(cast.investigator, gid("Seller", stranger.id))).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await footprint(api.dataSource)).toEqual(before);
  });
});
