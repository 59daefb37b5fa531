import { Scope } from "../../src/auth/scopes";
import { fromGlobalId } from "../../src/schema/global-id";
import type { Organization, SuspectedInfringement } from "../../src/entities";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { CREATE_REFERRAL, EVIDENCE, RECORD_OUTCOME, RECORD_TEST_BUY, UPDATE_REFERRAL, dataOf } from "../support/enforcement";
import { footprint } from "../support/footprint";
import { createInfringement, createListing, createOrganization, createSeller } from "../support/factories";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// One referral holding a case of brand A and a case of brand B (on the same shared listing, plus a
// listing of B's own with another seller), sent to the cast's agency. A second agency, a third
// brand and keys without the scope must see none of it.
let api: TestApi;
let cast: Cast;
let otherAgency: Organization;
let otherInvestigator: Persona;
let brandCAnalyst: Persona;
let caseOfB2: SuspectedInfringement;
let testBuyOfB: string;
let referralId: string;
const MISSING_REFERRAL = gid("Referral", "00000000-0000-4000-8000-000000000000");

const REFERRAL = `query($id: ID!) { node(id: $id) { ... on Referral {
  id status arrests infringements { id brand { name } } sellers { id name }
} } }`;
type ReferralView = { node: { infringements: { id: string }[]; sellers: { id: string; name: string }[] } | null };

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  const db = api.dataSource;
  otherAgency = await createOrganization(db, OrgKind.AGENCY, "Other agency");
  otherInvestigator = await cast.userOf(otherAgency, UserRole.INVESTIGATOR);
  brandCAnalyst = await cast.userOf(await createOrganization(db, OrgKind.BRAND, "Brand Org C"), UserRole.ANALYST);
  await db.query(`UPDATE suspected_infringement SET status = 'CONFIRMED' WHERE id = ANY($1)`, [
    [cast.infringementAShared.id, cast.infringementBShared.id],
  ]);
  const sellerOfB = await createSeller(db, { registeredName: "B-only Trading Ltd", paymentAccount: "acct-of-b-only" });
  caseOfB2 = await createInfringement(db, cast.brandB.brand, await createListing(db, sellerOfB), { status: InfringementStatus.CONFIRMED });
  // Evidence on B's case, which brand A and the other agency must never see.
  const testBuy = dataOf(
    await api.gql<{ recordTestBuy: { id: string } }>(
      RECORD_TEST_BUY,
      {
        input: {
          infringementId: gid("Infringement", caseOfB2.id),
          orderedAt: "2026-10-01T00:00:00Z",
          cost: { amountMinor: 9900, currency: "CNY" },
          orderReference: "ORDER-OF-B",
        },
      },
      cast.brandBAnalyst.as,
    ),
  ).recordTestBuy;
  dataOf(await api.gql(RECORD_OUTCOME, { input: { id: testBuy.id, outcome: "INCONCLUSIVE", evidence: EVIDENCE } }, cast.brandBAnalyst.as));
  testBuyOfB = testBuy.id;
  referralId = dataOf(
    await api.gql<{ createReferral: { id: string } }>(
      CREATE_REFERRAL,
      {
        agencyId: gid("Organization", cast.investigator.org.id),
        ids: [cast.infringementAShared.id, cast.infringementBShared.id, caseOfB2.id].map((id) => gid("Infringement", id)),
      },
      cast.platformAnalyst.as,
    ),
  ).createReferral.id;
});
afterAll(() => api.close());

describe("a referral with cases of two brands", () => {
  it("shows each brand only its own cases and their sellers", async () => {
    const asA = dataOf(await api.gql<ReferralView>(REFERRAL, { id: referralId }, cast.brandAAnalyst.as));
    expect(asA.node?.infringements.map((c) => c.id)).toEqual([gid("Infringement", cast.infringementAShared.id)]);
    expect(asA.node?.sellers.map((s) => s.id)).toEqual([gid("Seller", cast.seller.id)]);
    const asB = dataOf(await api.gql<ReferralView>(REFERRAL, { id: referralId }, cast.brandBAnalyst.as));
    expect(asB.node?.infringements.map((c) => c.id).sort()).toEqual(
      [cast.infringementBShared.id, caseOfB2.id].map((id) => gid("Infringement", id)).sort(),
    );
    expect(asB.node?.sellers).toHaveLength(2);
  });

  it("tells a platform key without infringements:read that a store's identity needs that scope", async () => {
    const referralsOnly = await cast.keyFor(cast.platformAnalyst.org, [Scope.REFERRALS_READ]);
    const read = await api.gql(`query($id: ID!) { node(id: $id) { ... on Referral { sellers { registeredName } } } }`, { id: referralId }, referralsOnly.as);
    expect(read.errors?.[0]).toMatchObject({
      message: "Only the platform (with the infringements:read scope) and the agencies a seller was referred to (with referrals:read) may read its identity",
      extensions: { code: "FORBIDDEN" },
    });
  });

  it("does not let brand A reach B's case, its evidence or its seller through any path", async () => {
    const caseOfB = gid("Infringement", caseOfB2.id);
    const lookup = await api.gql(`query($id: ID!) { infringement(id: $id) { id } }`, { id: caseOfB }, cast.brandAAnalyst.as);
    const missing = await api.gql(
      `query($id: ID!) { infringement(id: $id) { id } }`,
      { id: gid("Infringement", "00000000-0000-4000-8000-000000000000") },
      cast.brandAAnalyst.as,
    );
    expect(lookup).toEqual(missing);
    // Every page of A's referrals: the file's other tests refer more of A's cases, in any order.
    const PAGE = `query($after: String) { referrals(first: 10, after: $after) {
      edges { node { infringements { id testBuys { orderReference } } sellers { id name } } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { referrals: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
    let text = "";
    for (let after: string | null = null; ; ) {
      const page: Page = dataOf(await api.gql<Page>(PAGE, { after }, cast.brandAAnalyst.as));
      text += JSON.stringify(page);
      if (!page.referrals.pageInfo.hasNextPage) break;
      after = page.referrals.pageInfo.endCursor;
    }
    // Its own case is there, so the absences below are not those of an empty answer.
    expect(text).toContain(gid("Infringement", cast.infringementAShared.id));
    expect(text).not.toContain(caseOfB);
    expect(text).not.toContain("ORDER-OF-B");
    expect(text).not.toContain(gid("Seller", caseOfB2.sellerId));
  });

  it("gives the agency no brand's notes on a referred case, and no seller it was not referred", async () => {
    const caseOfA = gid("Infringement", cast.infringementAShared.id);
    const added = dataOf(
      await api.gql<{ addInfringementNote: { id: string } }>(
        `mutation($id: ID!) { addInfringementNote(input: { infringementId: $id, body: "A's working papers" }) { id } }`,
        { id: caseOfA },
        cast.brandAAnalyst.as,
      ),
    ).addInfringementNote;
    const NOTES = `query($id: ID!) { infringement(id: $id) { id notes { body } noteCount } }`;
    const asA = dataOf(await api.gql<{ infringement: { notes: { body: string }[]; noteCount: number } }>(NOTES, { id: caseOfA }, cast.brandAAnalyst.as));
    expect(asA.infringement.notes.map((n) => n.body)).toContain("A's working papers");
    expect(asA.infringement.noteCount).toBe(asA.infringement.notes.length);
    // Nor how many there are.
    const asAgency = dataOf(await api.gql<{ infringement: { id: string; notes: unknown[] } }>(NOTES, { id: caseOfA }, cast.investigator.as));
    expect(asAgency.infringement).toEqual({ id: caseOfA, notes: [], noteCount: 0 });
    // Takedown requests are refused to it by name, on that field alone: the rest of its list answers.
    const TAKEDOWNS = `{ referrals(first: 10) { edges { node { id infringements { id takedownRequests { status } } } } } }`;
    const withTakedowns = await api.gql<{ referrals: { edges: { node: { infringements: { id: string; takedownRequests: unknown }[] } }[] } }>(
      TAKEDOWNS, {}, cast.investigator.as,
    );
    const cases = withTakedowns.data!.referrals.edges.flatMap((edge) => edge.node.infringements);
    expect(cases.map((c) => c.id)).toContain(caseOfA);
    expect(cases.every((c) => c.takedownRequests === null)).toBe(true);
    expect(withTakedowns.errors?.map((e) => e.extensions?.code)).toEqual(cases.map(() => "FORBIDDEN"));
    // The note itself, by id: brand B finds nothing there, exactly as at a missing id.
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    const missingNote = gid("InfringementNote", "00000000-0000-4000-8000-000000000000");
    const foreign = await api.gql(NODE, { id: added.id }, cast.brandBAnalyst.as);
    expect(foreign).toEqual({ status: 200, data: { node: null } });
    expect(foreign).toEqual(await api.gql(NODE, { id: missingNote }, cast.brandBAnalyst.as));

    const stranger = await createSeller(api.dataSource, { registeredName: "Never Referred Ltd" });
    const SELLER = `query($id: ID!) { seller(id: $id) { id registeredName } }`;
    const unreferred = await api.gql(SELLER, { id: gid("Seller", stranger.id) }, cast.investigator.as);
    expect(unreferred.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(unreferred).toEqual(await api.gql(SELLER, { id: gid("Seller", "00000000-0000-4000-8000-000000000000") }, cast.investigator.as));
    // The referred one is there, identity included.
    const referred = dataOf(await api.gql<{ seller: { registeredName: string } }>(SELLER, { id: gid("Seller", caseOfB2.sellerId) }, cast.investigator.as));
    expect(referred.seller.registeredName).toBe("B-only Trading Ltd");
  });

  it("gives the agency every case, the sellers' identity and the evidence", async () => {
    const view = dataOf(
      await api.gql<{ node: { summary: string; infringements: { id: string; testBuys: { orderReference: string; evidence: { sha256: string }[] }[] }[]; sellers: { registeredName: string }[] } }>(
        `query($id: ID!) { node(id: $id) { ... on Referral {
          summary infringements { id testBuys { orderReference evidence { sha256 } } } sellers { registeredName }
        } } }`,
        { id: referralId },
        cast.investigator.as,
      ),
    );
    expect(view.node.infringements).toHaveLength(3);
    expect(view.node.sellers.map((s) => s.registeredName).sort()).toEqual(["B-only Trading Ltd", cast.seller.registeredName].sort());
    const withEvidence = view.node.infringements.find((c) => c.id === gid("Infringement", caseOfB2.id));
    expect(withEvidence?.testBuys[0]).toEqual({ orderReference: "ORDER-OF-B", evidence: EVIDENCE.map((e) => ({ sha256: e.sha256 })) });
  });
});

describe("an agency sees only the referrals sent to it, and nothing else", () => {
  it("reaches referred cases, listings and sellers, and not an unreferred case, listing or the catalogue", async () => {
    // An agency of its own, with a referral of its own: other tests refer more cases to the cast's.
    const agency = await createOrganization(api.dataSource, OrgKind.AGENCY, "Counted agency");
    const investigator = await cast.userOf(agency, UserRole.INVESTIGATOR);
    const cases = [await confirmedCase(), await confirmedCase(cast.brandB.brand), await confirmedCase()];
    dataOf(await api.gql(CREATE_REFERRAL, { agencyId: gid("Organization", agency.id), ids: cases.map((row) => gid("Infringement", row.id)) }, cast.platformAnalyst.as));
    const referred = await api.gql(
      `query($id: ID!) { infringement(id: $id) { id status listing { title seller { registeredName contact } } } }`,
      { id: gid("Infringement", cases[0].id) },
      investigator.as,
    );
    expect(referred.errors).toBeUndefined();
    const notReferred = await api.gql(`query($id: ID!) { infringement(id: $id) { id } }`, { id: gid("Infringement", cast.infringementA.id) }, investigator.as);
    const missing = await api.gql(
      `query($id: ID!) { infringement(id: $id) { id } }`,
      { id: gid("Infringement", "00000000-0000-4000-8000-000000000000") },
      investigator.as,
    );
    expect(notReferred.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(notReferred).toEqual(missing);
    const listing = await api.gql(`query($id: ID!) { listing(id: $id) { id } }`, { id: gid("Listing", cast.listingOnlyA.id) }, investigator.as);
    expect(listing.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    const list = dataOf(await api.gql<{ infringements: { totalCount: number } }>(`{ infringements(first: 50) { totalCount } }`, {}, investigator.as));
    expect(list.infringements.totalCount).toBe(3);
    for (const query of [`{ products(first: 5) { totalCount } }`, `{ takedownRequests(first: 5) { totalCount } }`, `{ legalActions(first: 5) { totalCount } }`]) {
      expect((await api.gql(query, {}, investigator.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("gives a second agency nothing: no referral, no case, no evidence, no brand, no outcome to record", async () => {
    const list = dataOf(await api.gql<{ referrals: { totalCount: number } }>(`{ referrals(first: 10) { totalCount } }`, {}, otherInvestigator.as));
    expect(list.referrals.totalCount).toBe(0);
    const node = await api.gql(REFERRAL, { id: referralId }, otherInvestigator.as);
    expect(node).toEqual(await api.gql(REFERRAL, { id: MISSING_REFERRAL }, otherInvestigator.as));
    expect(node.data).toEqual({ node: null });
    const cases = dataOf(await api.gql<{ infringements: { totalCount: number } }>(`{ infringements(first: 50) { totalCount } }`, {}, otherInvestigator.as));
    expect(cases.infringements.totalCount).toBe(0);
    // The test buy on B's referred case: the cast's agency reads it, this one neither listed nor by id.
    const TEST_BUY = `query($id: ID!) { node(id: $id) { ... on TestBuy { id orderReference } } }`;
    expect(dataOf(await api.gql(TEST_BUY, { id: testBuyOfB }, cast.investigator.as))).toEqual({ node: { id: testBuyOfB, orderReference: "ORDER-OF-B" } });
    const testBuy = await api.gql(TEST_BUY, { id: testBuyOfB }, otherInvestigator.as);
    expect(testBuy).toEqual(await api.gql(TEST_BUY, { id: gid("TestBuy", "00000000-0000-4000-8000-000000000000") }, otherInvestigator.as));
    const testBuys = dataOf(await api.gql<{ testBuys: { totalCount: number } }>(`{ testBuys(first: 10) { totalCount } }`, {}, otherInvestigator.as));
    expect(testBuys.testBuys.totalCount).toBe(0);
    // Nor the brands of its cases, which the cast's agency reads as part of them.
    const BRANDS = `{ brands { name } }`;
    const brandsOf = async (persona: Persona) => dataOf(await api.gql<{ brands: { name: string }[] }>(BRANDS, {}, persona.as)).brands.map((brand) => brand.name);
    expect(await brandsOf(cast.investigator)).toEqual(expect.arrayContaining([cast.brandA.brand.name, cast.brandB.brand.name]));
    expect(await brandsOf(otherInvestigator)).toEqual([]);

    const before = await footprint(api.dataSource);
    const update = await api.gql(UPDATE_REFERRAL, { input: { id: referralId, status: "INVESTIGATING", arrests: 9 } }, otherInvestigator.as);
    const updateMissing = await api.gql(UPDATE_REFERRAL, { input: { id: MISSING_REFERRAL, status: "INVESTIGATING", arrests: 9 } }, otherInvestigator.as);
    expect(update.errors?.[0]).toMatchObject({ message: "Referral not found", extensions: { code: "NOT_FOUND" } });
    expect(update).toEqual(updateMissing);
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("gives a brand without a case in it nothing", async () => {
    const node = await api.gql(REFERRAL, { id: referralId }, brandCAnalyst.as);
    expect(node).toEqual({ status: 200, data: { node: null } });
  });

  it("refuses keys without the scope, before looking at any row", async () => {
    const agencyWriteOnly = await cast.keyFor(cast.investigator.org, [Scope.REFERRALS_WRITE]);
    const brandCatalogue = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    for (const persona of [agencyWriteOnly, brandCatalogue]) {
      const response = await api.gql(`{ referrals(first: 5) { totalCount } }`, {}, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    // Nor the brands of its referred cases, which an agency reads with referrals:read.
    expect((await api.gql(`{ brands { name } }`, {}, agencyWriteOnly.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const before = await footprint(api.dataSource);
    const update = await api.gql(UPDATE_REFERRAL, { input: { id: referralId, arrests: 1 } }, agencyWriteOnly.as);
    expect(update.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await footprint(api.dataSource)).toEqual(before);
  });
});

// A fresh CONFIRMED case on a listing of its own store, so that tests do not share referrals.
const confirmedCase = async (brand = cast.brandA.brand) =>
  createInfringement(api.dataSource, brand, await createListing(api.dataSource, await createSeller(api.dataSource)), {
    status: InfringementStatus.CONFIRMED,
  });

type Created = { createReferral: { id: string; infringements: { id: string }[] } };

// The platform refers cases to an agency: the answer, and the referral it made.
const refer = (agency: Organization, cases: SuspectedInfringement[]) =>
  api.gql<Created>(CREATE_REFERRAL, { agencyId: gid("Organization", agency.id), ids: cases.map((row) => gid("Infringement", row.id)) }, cast.platformAnalyst.as);
const referTo = async (agency: Organization, cases: SuspectedInfringement[]) => dataOf(await refer(agency, cases)).createReferral;

describe("a case already referred", () => {
  it("is refused to the agency holding it in an open referral, naming each such case, and nothing is created", async () => {
    const [referred, fresh] = [await confirmedCase(), await confirmedCase(cast.brandB.brand)];
    const first = dataOf(await refer(cast.investigator.org, [referred])).createReferral;
    const [made] = await api.dataSource.query(`SELECT created_at FROM referral WHERE id = $1`, [fromGlobalId(first.id, "Referral")]);
    const before = await footprint(api.dataSource);
    const again = await refer(cast.investigator.org, [fresh, referred, cast.infringementAShared]);
    expect(again.data).toBeNull();
    expect(again.errors?.[0].message).toMatch(/^2 of 3 infringements cannot be referred, so nothing was changed: /);
    expect(again.errors?.[0].extensions).toEqual({
      code: "BAD_USER_INPUT",
      invalidItems: [
        { id: gid("Infringement", referred.id), reason: `it is already in an open referral to Agency (REFERRED, made ${made.created_at.toISOString()})` },
        // In the referral every test of this file shares, whatever its status by now.
        {
          id: gid("Infringement", cast.infringementAShared.id),
          reason: expect.stringMatching(/^it is already in an open referral to Agency \((REFERRED|INVESTIGATING|RAIDED|PROSECUTED), made .+\)$/),
        },
      ],
    });
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("may go to another agency at the same time, which sees only its own referral of it", async () => {
    // An agency of its own: the file's other agency must stay without referrals.
    const thirdAgency = await createOrganization(api.dataSource, OrgKind.AGENCY, "Third agency");
    const thirdInvestigator = await cast.userOf(thirdAgency, UserRole.INVESTIGATOR);
    const both = await confirmedCase();
    const toFirst = dataOf(await refer(cast.investigator.org, [both])).createReferral;
    const toThird = dataOf(await refer(thirdAgency, [both])).createReferral;
    expect(toThird.infringements).toEqual([{ id: gid("Infringement", both.id) }]);
    const seen = await api.gql<{ referrals: { edges: { node: { id: string } }[] } }>(`{ referrals(first: 100) { edges { node { id } } } }`, {}, thirdInvestigator.as);
    expect(seen.data?.referrals.edges.map((edge) => edge.node.id)).toEqual([toThird.id]);
    expect((await api.gql(REFERRAL, { id: toFirst.id }, thirdInvestigator.as)).data).toEqual({ node: null });

    // The platform finds each by its agency, and by when it was made; the third agency's own filter
    // on another agency finds nothing.
    const LIST = `query($filter: ReferralFilter) { referrals(first: 100, filter: $filter) { edges { node { id } } } }`;
    type Listed = { referrals: { edges: { node: { id: string } }[] } };
    const ids = async (filter: Record<string, unknown>, as = cast.platformAnalyst.as) =>
      dataOf(await api.gql<Listed>(LIST, { filter }, as)).referrals.edges.map((edge) => edge.node.id);
    expect(await ids({ agencyIds: [gid("Organization", thirdAgency.id)] })).toEqual([toThird.id]);
    expect(await ids({ agencyIds: [gid("Organization", cast.investigator.org.id)] })).toContain(toFirst.id);
    expect(await ids({ agencyIds: [gid("Organization", cast.investigator.org.id)] }, thirdInvestigator.as)).toEqual([]);
    expect(await ids({ createdFrom: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await ids({ createdFrom: new Date(Date.now() - 60_000).toISOString() })).toEqual(expect.arrayContaining([toFirst.id, toThird.id]));
    const swapped = await api.gql(LIST, { filter: { createdFrom: "2026-02-01T00:00:00Z", createdTo: "2026-01-01T00:00:00Z" } }, cast.platformAnalyst.as);
    expect(swapped.errors?.[0]).toMatchObject({ message: "`createdFrom` must be before `createdTo` (a window holds its start, not its end)", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("may be referred to the same agency again once its referral is CLOSED", async () => {
    const closedCase = await confirmedCase();
    const first = dataOf(await refer(cast.investigator.org, [closedCase])).createReferral;
    dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: first.id, status: "CLOSED" } }, cast.investigator.as));
    const again = dataOf(await refer(cast.investigator.org, [closedCase])).createReferral;
    expect(again.id).not.toBe(first.id);
  });

  it("is referred once when two referrals of it are sent at once", async () => {
    const raced = await confirmedCase();
    const results = await Promise.all([refer(cast.investigator.org, [raced]), refer(cast.investigator.org, [raced])]);
    expect(results.map((result) => result.errors?.[0].extensions?.code ?? "MADE").sort()).toEqual(["BAD_USER_INPUT", "MADE"]);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM referral_infringement WHERE infringement_id = $1`, [raced.id]);
    expect(n).toBe(1);
  });
});

describe("creating and updating referrals", () => {
  it("is refused to brands and agencies, and for unconfirmed cases names every bad id and creates nothing", async () => {
    const ids = [gid("Infringement", cast.infringementA.id), gid("Infringement", "00000000-0000-4000-8000-000000000000")];
    const agencyId = gid("Organization", cast.investigator.org.id);
    const before = await footprint(api.dataSource);
    for (const persona of [cast.brandAAnalyst, cast.investigator]) {
      const response = await api.gql(CREATE_REFERRAL, { agencyId, ids }, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const bad = await api.gql(CREATE_REFERRAL, { agencyId, ids }, cast.platformAnalyst.as);
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidItems: [
        { id: ids[0], reason: "it is FLAGGED; only confirmed infringements (CONFIRMED, TAKEDOWN_REQUESTED, REMOVED) can be referred" },
        { id: ids[1], reason: "Infringement not found" },
      ],
    });
    const toABrand = await api.gql(
      CREATE_REFERRAL,
      { agencyId: gid("Organization", cast.brandA.org.id), ids: [gid("Infringement", cast.infringementAShared.id)] },
      cast.platformAnalyst.as,
    );
    expect(toABrand.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("has its progress recorded by its agency alone: the platform that sent it and a brand with a case in it are refused, and nothing changes", async () => {
    const before = await footprint(api.dataSource);
    for (const persona of [cast.platformAnalyst, cast.brandAAnalyst]) {
      const response = await api.gql(UPDATE_REFERRAL, { input: { id: referralId, status: "INVESTIGATING", arrests: 9 } }, persona.as);
      expect(response.errors?.[0]).toMatchObject({
        message: "Only an agency, with the referrals:read and referrals:write scopes, records a referral's progress",
        extensions: { code: "FORBIDDEN" },
      });
    }
    expect(await footprint(api.dataSource)).toEqual(before);
  });

  it("moves forward only, needs a raid date to be RAIDED, and is final once CLOSED", async () => {
    const created = await referTo(cast.investigator.org, [await confirmedCase()]);
    const update = (input: Record<string, unknown>) => api.gql(UPDATE_REFERRAL, { input: { id: created.id, ...input } }, cast.investigator.as);
    const before = await footprint(api.dataSource);
    expect((await update({ status: "PROSECUTED" })).errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      allowedStatuses: ["INVESTIGATING", "CLOSED"],
    });
    expect((await update({ arrests: -1 })).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect((await update({ seizedValue: { amountMinor: 100, currency: "XYZ" } })).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    // A few such amounts summed in a report would no longer be an exact integer.
    expect((await update({ seizedValue: { amountMinor: 9_007_199_254_740_991, currency: "CNY" } })).errors?.[0]).toMatchObject({
      message: "`seizedValue.amountMinor` must be a whole number of minor units (cents, fen), from 0 to 1000000000000",
      extensions: { code: "BAD_USER_INPUT" },
    });
    // Figures and a raid date belong to an investigation and a raid: reports count them.
    expect((await update({ arrests: 2 })).errors?.[0]).toMatchObject({
      message: "This referral was not taken up: give `status: INVESTIGATING` first, or with the figures",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect((await update({ status: "CLOSED", seizedUnits: 10 })).errors?.[0].message).toBe(
      "This referral was not taken up: give `status: INVESTIGATING` first, or with the figures",
    );
    expect((await update({ raidDate: new Date().toISOString().slice(0, 10) })).errors?.[0]).toMatchObject({
      message: "A raid date goes with a RAIDED referral (or a PROSECUTED one), and this one would be REFERRED: give `status: RAIDED` with it",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await footprint(api.dataSource)).toEqual(before);
    dataOf(await update({ status: "INVESTIGATING" }));
    expect((await update({ raidDate: new Date().toISOString().slice(0, 10) })).errors?.[0].message).toMatch(/this one would be INVESTIGATING/);
    const investigating = await footprint(api.dataSource);
    // The state it is in is no step; a raid dated before the referral existed did not follow it.
    expect((await update({ status: "INVESTIGATING", arrests: 1 })).errors?.[0]).toMatchObject({
      message: "This referral is INVESTIGATING already; to record figures only, leave out `status`",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const made = (await api.dataSource.query(`SELECT created_at FROM referral WHERE id = $1`, [fromGlobalId(created.id, "Referral")]))[0].created_at as Date;
    const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    expect((await update({ status: "RAIDED", raidDate: dayOf(made.getTime() - 3 * 86_400_000) })).errors?.[0]).toMatchObject({
      message: `\`raidDate\` ${dayOf(made.getTime() - 3 * 86_400_000)} is before this referral was made (${dayOf(made.getTime())})`,
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await footprint(api.dataSource)).toEqual(investigating);
    expect((await update({ status: "RAIDED" })).errors?.[0].message).toBe("A RAIDED referral needs its `raidDate`");
    dataOf(await update({ status: "CLOSED", arrests: 2 }));
    const closed = await update({ arrests: 5 });
    expect(closed.errors?.[0]).toMatchObject({ message: "This referral is CLOSED; its outcome can no longer change", extensions: { code: "BAD_USER_INPUT" } });
    const [row] = await api.dataSource.query(`SELECT status, arrests FROM referral WHERE id = $1`, [fromGlobalId(created.id, "Referral")]);
    expect(row).toEqual({ status: "CLOSED", arrests: 2 });
  });
});

describe("an outcome entered in error", () => {
  type Outcome = { status: string; raidDate: string | null; arrests: number; seizedValue: { amountMinor: number } | null };
  it("is cleared by an explicit null (a raid date, a seized value), which a RAIDED referral refuses; a field left out stays", async () => {
    const created = await referTo(cast.investigator.org, [await confirmedCase()]);
    const update = (input: Record<string, unknown>) =>
      api.gql<{ updateReferral: Outcome }>(UPDATE_REFERRAL, { input: { id: created.id, ...input } }, cast.investigator.as);
    const today = new Date().toISOString().slice(0, 10);
    dataOf(await update({ status: "INVESTIGATING" }));
    dataOf(await update({ status: "RAIDED", raidDate: today, arrests: 3, seizedValue: { amountMinor: 1_000, currency: "CNY" } }));
    const raided = await footprint(api.dataSource);
    expect((await update({ raidDate: null })).errors?.[0]).toMatchObject({
      message:
        "A RAIDED referral keeps its `raidDate`: give the right date to correct it; for a raid that did not happen, clear it with `status: PROSECUTED` or `CLOSED`",
      extensions: { code: "BAD_USER_INPUT" },
    });
    // A count has no null: 0 is none.
    expect((await update({ arrests: null })).errors?.[0]).toMatchObject({
      message: "`arrests` is never null: give 0 for none, or leave it out to keep the figure",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await footprint(api.dataSource)).toEqual(raided);
    expect(dataOf(await update({ seizedValue: null })).updateReferral).toMatchObject({ status: "RAIDED", raidDate: today, arrests: 3, seizedValue: null });
    expect(dataOf(await update({ arrests: 4 })).updateReferral).toMatchObject({ raidDate: today, arrests: 4, seizedValue: null });
    expect(dataOf(await update({ status: "PROSECUTED", raidDate: null })).updateReferral).toMatchObject({ status: "PROSECUTED", raidDate: null, arrests: 4 });
    const [row] = await api.dataSource.query(`SELECT raid_date, seized_value_minor, seized_value_currency FROM referral WHERE id = $1`, [
      fromGlobalId(created.id, "Referral"),
    ]);
    expect(row).toEqual({ raid_date: null, seized_value_minor: null, seized_value_currency: null });
  });
});

describe("a CLOSED referral", () => {
  it("gives the agency the evidence recorded while it was open, not the brand's later test buys", async () => {
    const referred = await confirmedCase();
    const caseId = gid("Infringement", referred.id);
    const buy = async (orderReference: string) =>
      dataOf(
        await api.gql<{ recordTestBuy: { id: string } }>(
          RECORD_TEST_BUY,
          { input: { infringementId: caseId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 100, currency: "CNY" }, orderReference } },
          cast.brandAAnalyst.as,
        ),
      ).recordTestBuy.id;
    const before = await buy("BOUGHT-WHILE-OPEN");
    const pending = await buy("PENDING-AT-CLOSE");
    const referral = dataOf(
      await api.gql<Created>(CREATE_REFERRAL, { agencyId: gid("Organization", cast.investigator.org.id), ids: [caseId] }, cast.platformAnalyst.as),
    ).createReferral;
    const during = await buy("BOUGHT-DURING");
    dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: referral.id, status: "CLOSED" } }, cast.investigator.as));
    const after = await buy("BOUGHT-AFTER-CLOSE");
    // The one pending at the close is completed afterwards: its outcome, findings and evidence are
    // the brand's later work too, and the agency no longer reads it.
    dataOf(await api.gql(RECORD_OUTCOME, { input: { id: pending, outcome: "COUNTERFEIT", findings: "written after the close", evidence: EVIDENCE } }, cast.brandAAnalyst.as));

    const BUYS = `query($id: ID!) { infringement(id: $id) { testBuys { id orderReference } } }`;
    type Buys = { infringement: { testBuys: { id: string; orderReference: string }[] } };
    const references = async (as: Persona["as"]) => dataOf(await api.gql<Buys>(BUYS, { id: caseId }, as)).infringement.testBuys.map((b) => b.orderReference).sort();
    expect(await references(cast.investigator.as)).toEqual(["BOUGHT-DURING", "BOUGHT-WHILE-OPEN"]);
    expect(await references(cast.brandAAnalyst.as)).toEqual(["BOUGHT-AFTER-CLOSE", "BOUGHT-DURING", "BOUGHT-WHILE-OPEN", "PENDING-AT-CLOSE"]);
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect(dataOf(await api.gql(NODE, { id: before }, cast.investigator.as))).toEqual({ node: { id: before } });
    expect(dataOf(await api.gql(NODE, { id: during }, cast.investigator.as))).toEqual({ node: { id: during } });
    const missing = await api.gql(NODE, { id: gid("TestBuy", "00000000-0000-4000-8000-000000000000") }, cast.investigator.as);
    expect(await api.gql(NODE, { id: after }, cast.investigator.as)).toEqual(missing);
    expect(await api.gql(NODE, { id: pending }, cast.investigator.as)).toEqual(missing);
    const IN_REFERRAL = `query($id: ID!) { node(id: $id) { ... on Referral { infringements { testBuys { orderReference } } } } }`;
    const inReferral = await api.gql(IN_REFERRAL, { id: referral.id }, cast.investigator.as);
    expect(JSON.stringify(inReferral.data)).toContain("BOUGHT-DURING");
    expect(JSON.stringify(inReferral.data)).not.toContain("BOUGHT-AFTER-CLOSE");
  });
});

describe("a referred case's listing", () => {
  it("gives the agency the highest score of the cases referred to it, never another brand's higher one on the listing", async () => {
    const db = api.dataSource;
    const listing = await createListing(db, await createSeller(db), { riskScore: 95 });
    const caseOfA = await createInfringement(db, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED, riskScore: 72 });
    await createInfringement(db, cast.brandB.brand, listing, { status: InfringementStatus.CONFIRMED, riskScore: 95 });
    const referral = await referTo(cast.investigator.org, [caseOfA]);
    const READ = `query($id: ID!) { node(id: $id) { ... on Referral { infringements { riskScore listing { riskScore } } } } }`;
    type Read = { node: { infringements: { riskScore: number; listing: { riskScore: number } }[] } };
    expect(dataOf(await api.gql<Read>(READ, { id: referral.id }, cast.investigator.as)).node.infringements).toEqual([{ riskScore: 72, listing: { riskScore: 72 } }]);
    expect(dataOf(await api.gql<Read>(READ, { id: referral.id }, cast.platformAnalyst.as)).node.infringements).toEqual([{ riskScore: 72, listing: { riskScore: 95 } }]);
  });
});

describe("a referred listing that a later scan finds under another store", () => {
  it("gives the agency the case with its new store, and the referred store still; no one else gets either", async () => {
    const db = api.dataSource;
    const [{ seller_id: referredStore, listing_id: listingId }] = await db.query(`SELECT seller_id, listing_id FROM suspected_infringement WHERE id = $1`, [caseOfB2.id]);
    // As the ingest moves a listing and its cases (src/ingest/batch/listings.ts).
    const newStore = await createSeller(db, { registeredName: "Moved-to Trading Ltd" });
    await db.query(`UPDATE listing SET seller_id = $1 WHERE id = $2`, [newStore.id, listingId]);
    await db.query(`UPDATE suspected_infringement SET seller_id = $1 WHERE listing_id = $2`, [newStore.id, listingId]);

    const LIST = `{ referrals(first: 50) { edges { node { id sellers { id } infringements { id seller { id registeredName } listing { seller { id } } } } } } }`;
    type Node = { id: string; sellers: { id: string }[]; infringements: Record<string, unknown>[] };
    const asAgency = await api.gql<{ referrals: { edges: { node: Node }[] } }>(LIST, {}, cast.investigator.as);
    expect(asAgency.errors).toBeUndefined();
    const referral = asAgency.data!.referrals.edges.map((e) => e.node).find((node) => node.id === referralId)!;
    const moved = referral.infringements.find((c) => c.id === gid("Infringement", caseOfB2.id))!;
    expect(moved).toMatchObject({ seller: { id: gid("Seller", newStore.id), registeredName: "Moved-to Trading Ltd" }, listing: { seller: { id: gid("Seller", newStore.id) } } });
    expect(referral.sellers.map((s) => s.id)).toContain(gid("Seller", referredStore));
    const SELLER = `query($id: ID!) { seller(id: $id) { id } }`;
    expect((await api.gql(SELLER, { id: gid("Seller", referredStore) }, cast.investigator.as)).errors).toBeUndefined();

    // The stores list holds both for the agency, neither for the other agency.
    const STORES = `{ sellers(first: 100) { totalCount edges { node { id } } } }`;
    type Stores = { sellers: { totalCount: number; edges: { node: { id: string } }[] } };
    const listed = (await api.gql<Stores>(STORES, {}, cast.investigator.as)).data!.sellers.edges.map((edge) => edge.node.id);
    expect(listed).toEqual(expect.arrayContaining([gid("Seller", newStore.id), gid("Seller", referredStore)]));
    expect((await api.gql<Stores>(STORES, {}, otherInvestigator.as)).data!.sellers).toEqual({ totalCount: 0, edges: [] });

    // Brand B, whose case it is, reads the referred store still, and the new one through its case.
    const OF_BRAND = `{ referrals(first: 50) { edges { node { id sellers { id } infringements { id seller { id } listing { seller { id } } } } } } }`;
    const asB = await api.gql<{ referrals: { edges: { node: Node }[] } }>(OF_BRAND, {}, cast.brandBAnalyst.as);
    expect(asB.errors).toBeUndefined();
    const ofB = asB.data!.referrals.edges.map((e) => e.node).find((node) => node.id === referralId)!;
    expect(ofB.sellers.map((s) => s.id)).toContain(gid("Seller", referredStore));
    expect(ofB.infringements.find((c) => c.id === gid("Infringement", caseOfB2.id))).toMatchObject({ listing: { seller: { id: gid("Seller", newStore.id) } } });

    // The other agency and a brand without the case: the new store looks like a missing one.
    const missing = gid("Seller", "00000000-0000-4000-8000-000000000000");
    for (const persona of [otherInvestigator, brandCAnalyst]) {
      const read = await api.gql(SELLER, { id: gid("Seller", newStore.id) }, persona.as);
      expect(read.errors?.[0].extensions?.code).toBe("NOT_FOUND");
      expect(read).toEqual(await api.gql(SELLER, { id: missing }, persona.as));
    }
  });

  it("gives the agency the new store's identity while the referral is open, and only the referred store's once it is CLOSED", async () => {
    const db = api.dataSource;
    const referred = await confirmedCase();
    const referral = await referTo(cast.investigator.org, [referred]);
    const newStore = await createSeller(db, { registeredName: "Found-later Trading Ltd", contact: "found-later@example.test", paymentAccount: "acct-found-later" });
    await db.query(`UPDATE listing SET seller_id = $1 WHERE id = $2`, [newStore.id, referred.listingId]);
    await db.query(`UPDATE suspected_infringement SET seller_id = $1 WHERE listing_id = $2`, [newStore.id, referred.listingId]);

    const IDENTITY = `query($id: ID!) { seller(id: $id) { id name registeredName contact paymentAccount } }`;
    type Identity = { seller: Record<string, string | null> };
    const identityOf = async (store: string, as: Persona["as"]) => dataOf(await api.gql<Identity>(IDENTITY, { id: gid("Seller", store) }, as)).seller;
    const CASE = `query($id: ID!) { infringement(id: $id) { seller { registeredName paymentAccount } listing { seller { contact } } } }`;
    const caseOf = async () => dataOf(await api.gql(CASE, { id: gid("Infringement", referred.id) }, cast.investigator.as));
    const known = { id: gid("Seller", newStore.id), name: newStore.publicName, registeredName: "Found-later Trading Ltd", contact: "found-later@example.test", paymentAccount: "acct-found-later" };
    expect(await identityOf(newStore.id, cast.investigator.as)).toEqual(known);
    expect(await caseOf()).toEqual({ infringement: { seller: { registeredName: "Found-later Trading Ltd", paymentAccount: "acct-found-later" }, listing: { seller: { contact: "found-later@example.test" } } } });

    dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: referral.id, status: "CLOSED" } }, cast.investigator.as));
    // The store it is sold from now stays the case's, by its public fields; who is behind it is not
    // what was referred. The referred store keeps its identity, and the platform reads both.
    const readsOf = async (store: string) =>
      (await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'sensitive.read' AND owner_org_id = $1 AND after->'ids' ? $2`, [cast.investigator.org.id, store]))[0].n;
    const readsOfNewStore = await readsOf(newStore.id);
    expect(readsOfNewStore).toBeGreaterThan(0);
    expect(await identityOf(newStore.id, cast.investigator.as)).toEqual({ ...known, registeredName: null, contact: null, paymentAccount: null });
    expect(await caseOf()).toEqual({ infringement: { seller: { registeredName: null, paymentAccount: null }, listing: { seller: { contact: null } } } });
    // Nothing of it was shown, so the agency's audit log does not say it read the store's identity.
    expect(await readsOf(newStore.id)).toBe(readsOfNewStore);
    expect(await identityOf(referred.sellerId, cast.investigator.as)).toMatchObject({ registeredName: "Yiwu Example Trading Co.", paymentAccount: "6222 **** **** 1234" });
    expect(await identityOf(newStore.id, cast.platformAnalyst.as)).toEqual(known);
    const IN_REFERRAL = `query($id: ID!) { node(id: $id) { ... on Referral { sellers { id registeredName } } } }`;
    expect(dataOf(await api.gql(IN_REFERRAL, { id: referral.id }, cast.investigator.as))).toEqual({
      node: { sellers: [{ id: gid("Seller", referred.sellerId), registeredName: "Yiwu Example Trading Co." }] },
    });
  });
});

describe("a referral sent in error", () => {
  const WITHDRAW = `mutation($input: WithdrawReferralInput!) { withdrawReferral(input: $input) { id status infringements { id } withdrawnAt withdrawalReason } }`;

  it("is withdrawn by the platform, after which the agency reaches neither it nor its cases, and the case may be referred again", async () => {
    // An agency of its own, which reaches nothing but this referral, so that its lists below are exact.
    const wrongAgency = await createOrganization(api.dataSource, OrgKind.AGENCY, "Wrong agency");
    const wrongInvestigator = await cast.userOf(wrongAgency, UserRole.INVESTIGATOR);
    const sent = await confirmedCase();
    const referral = await referTo(wrongAgency, [sent]);
    const CASE = `query($id: ID!) { infringement(id: $id) { id } }`;
    const SELLER = `query($id: ID!) { seller(id: $id) { id registeredName } }`;
    expect((await api.gql(CASE, { id: gid("Infringement", sent.id) }, wrongInvestigator.as)).errors).toBeUndefined();

    const withdrawn = await api.gql<{ withdrawReferral: Record<string, unknown> }>(
      WITHDRAW,
      { input: { id: referral.id, reason: "  Sent to the wrong jurisdiction  " } },
      cast.platformAnalyst.as,
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawReferral).toEqual({
      id: referral.id,
      status: "WITHDRAWN",
      infringements: [],
      withdrawnAt: expect.any(String),
      withdrawalReason: "Sent to the wrong jurisdiction",
    });

    // The agency: the referral, its case, its listing and its store are as missing ones.
    const missingCase = await api.gql(CASE, { id: gid("Infringement", "00000000-0000-4000-8000-000000000000") }, wrongInvestigator.as);
    expect(await api.gql(CASE, { id: gid("Infringement", sent.id) }, wrongInvestigator.as)).toEqual(missingCase);
    const missingSeller = await api.gql(SELLER, { id: gid("Seller", "00000000-0000-4000-8000-000000000000") }, wrongInvestigator.as);
    expect(await api.gql(SELLER, { id: gid("Seller", sent.sellerId) }, wrongInvestigator.as)).toEqual(missingSeller);
    expect(await api.gql(REFERRAL, { id: referral.id }, wrongInvestigator.as)).toEqual(await api.gql(REFERRAL, { id: MISSING_REFERRAL }, wrongInvestigator.as));
    const lists = `{ referrals(first: 10) { totalCount } infringements(first: 10) { totalCount } sellers(first: 10) { totalCount } }`;
    expect(dataOf(await api.gql(lists, {}, wrongInvestigator.as))).toEqual({
      referrals: { totalCount: 0 },
      infringements: { totalCount: 0 },
      sellers: { totalCount: 0 },
    });
    const update = await api.gql(UPDATE_REFERRAL, { input: { id: referral.id, status: "INVESTIGATING" } }, wrongInvestigator.as);
    expect(update).toEqual(await api.gql(UPDATE_REFERRAL, { input: { id: MISSING_REFERRAL, status: "INVESTIGATING" } }, wrongInvestigator.as));
    // The brand no longer finds it; the platform does, and its audit log names the case.
    expect(await api.gql(REFERRAL, { id: referral.id }, cast.brandAAnalyst.as)).toEqual({ status: 200, data: { node: null } });
    const [event] = await api.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'referral.withdraw' AND target_id = $1`, [
      fromGlobalId(referral.id, "Referral"),
    ]);
    expect(event).toEqual({
      before: { status: "REFERRED", agencyOrgId: wrongAgency.id, infringementIds: [sent.id] },
      after: { status: "WITHDRAWN", reason: "Sent to the wrong jurisdiction" },
    });

    // Withdrawn is final, and the case goes to the right agency as if never referred.
    const twice = await api.gql(WITHDRAW, { input: { id: referral.id, reason: "again" } }, cast.platformAnalyst.as);
    expect(twice.errors?.[0]).toMatchObject({ message: "This referral is WITHDRAWN already", extensions: { code: "BAD_USER_INPUT" } });
    expect((await referTo(wrongAgency, [sent])).infringements).toEqual([{ id: gid("Infringement", sent.id) }]);
  });

  it("is not withdrawn once the agency has taken it up, nor by anyone but the platform, nor without a reason", async () => {
    const referral = await referTo(cast.investigator.org, [await confirmedCase()]);
    const withdraw = (reason: string, as = cast.platformAnalyst.as, id = referral.id) => api.gql(WITHDRAW, { input: { id, reason } }, as);
    const before = await footprint(api.dataSource);
    for (const persona of [cast.investigator, cast.brandAAnalyst, cast.brandAAdmin]) {
      expect((await withdraw("mistake", persona.as)).errors?.[0]).toMatchObject({
        message: "Only the platform, with the referrals:read and referrals:write scopes, refers cases to an agency and withdraws a referral",
        extensions: { code: "FORBIDDEN" },
      });
    }
    expect((await withdraw(" \u200b ")).errors?.[0]).toMatchObject({
      message: "`reason (why the referral is withdrawn)` must not be empty",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const missing = await withdraw("mistake", cast.platformAnalyst.as, MISSING_REFERRAL);
    expect(missing.errors?.[0]).toMatchObject({ message: "Referral not found", extensions: { code: "NOT_FOUND" } });
    expect(await footprint(api.dataSource)).toEqual(before);

    dataOf(await api.gql(UPDATE_REFERRAL, { input: { id: referral.id, status: "INVESTIGATING" } }, cast.investigator.as));
    const taken = await footprint(api.dataSource);
    expect((await withdraw("mistake")).errors?.[0]).toMatchObject({
      message: "This referral is INVESTIGATING: the agency has taken it up, and only it can close it",
      extensions: { code: "BAD_USER_INPUT" },
    });
    // Nor may the agency move a referral to WITHDRAWN itself.
    const byAgency = await api.gql(UPDATE_REFERRAL, { input: { id: referral.id, status: "WITHDRAWN" } }, cast.investigator.as);
    expect(byAgency.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", allowedStatuses: ["RAIDED", "PROSECUTED", "CLOSED"] });
    expect(await footprint(api.dataSource)).toEqual(taken);
  });
});
