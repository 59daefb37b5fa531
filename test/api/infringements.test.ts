import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { Scope } from "../../src/auth/scopes";
import type { Seller, SuspectedInfringement } from "../../src/entities";
import { createBrand, createInfringement, createListing, createOrganization, createSeller } from "../support/factories";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

const INFRINGEMENT_FIELDS = `
  id status riskScore riskSignals { kind contribution reason } modelVersion detectedAt allowedTransitions
  brand { id name } notes(last: 5) { body }
  listing { id title price { amountMinor currency formatted } riskScore seller { id name strikeCount } }
  seller { id name }
`;

const LIST = `query($filter: InfringementFilter) {
  infringements(first: 50, filter: $filter) { totalCount edges { node { ${INFRINGEMENT_FIELDS} } } }
}`;

const ONE = `query($id: ID!) { infringement(id: $id) { ${INFRINGEMENT_FIELDS} } }`;

const ids = (response: { data?: { infringements: { edges: { node: { id: string } }[] } } | null }) =>
  response.data?.infringements.edges.map((edge) => edge.node.id).sort();

// The cases stored for an organization, or all of them: the lists below are checked against what
// the database holds when they are read, since other tests of this file add cases in any order.
const storedIds = async (orgId?: string): Promise<string[]> =>
  (await api.dataSource.query(`SELECT id FROM suspected_infringement${orgId ? " WHERE owner_org_id = $1" : ""}`, orgId ? [orgId] : []))
    .map((row: { id: string }) => gid("Infringement", row.id))
    .sort();

describe("infringements: each brand sees its own, and only its own", () => {
  it("gives brand A its two infringements with listing, seller and signals", async () => {
    const response = await api.gql(LIST, {}, cast.brandAAnalyst.as);
    expect(response.errors).toBeUndefined();
    const own = await storedIds(cast.brandA.org.id);
    expect(ids(response as never)).toEqual(own);
    expect(own).toEqual(expect.arrayContaining([gid("Infringement", cast.infringementA.id), gid("Infringement", cast.infringementAShared.id)]));
    const first = (response.data as { infringements: { totalCount: number; edges: { node: Record<string, unknown> }[] } }).infringements;
    expect(first.totalCount).toBe(own.length);
    expect(first.edges.find((edge) => edge.node.id === gid("Infringement", cast.infringementA.id))?.node).toMatchObject({
      brand: { name: cast.brandA.brand.name },
      riskScore: 87,
      listing: { price: { amountMinor: 15900, currency: "CNY", formatted: "159.00 CNY" } },
    });
  });

  it("gives brand B only its infringement on the shared listing, with B's own signals", async () => {
    const response = await api.gql<{ infringements: { totalCount: number; edges: { node: { riskSignals: { reason: string }[] } }[] } }>(
      LIST,
      {},
      cast.brandBAnalyst.as,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.infringements.totalCount).toBe((await storedIds(cast.brandB.org.id)).length);
    const reasons = response.data?.infringements.edges.flatMap((edge) => edge.node.riskSignals.map((s) => s.reason)).join(" ");
    expect(reasons).toContain(cast.brandB.brand.name);
    expect(reasons).not.toContain(cast.brandA.brand.name);
  });

  it("gives the platform every infringement", async () => {
    const response = await api.gql<{ infringements: { totalCount: number } }>(LIST, {}, cast.platformAnalyst.as);
    expect(response.errors).toBeUndefined();
    expect(response.data?.infringements.totalCount).toBe((await storedIds()).length);
  });

  it("filtering by another brand's id finds nothing rather than revealing it", async () => {
    const response = await api.gql<{ infringements: { totalCount: number } }>(
      LIST,
      { filter: { brandIds: [gid("Brand", cast.brandB.brand.id)] } },
      cast.brandAAnalyst.as,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.infringements.totalCount).toBe(0);
  });

  it("refuses a key without infringements:read, before looking at any row", async () => {
    const keyWithoutScope = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    const response = await api.gql(LIST, {}, keyWithoutScope.as);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("gives an agency nothing while nothing is referred to it (test/api/referrals.test.ts covers what is)", async () => {
    const response = await api.gql<{ infringements: { totalCount: number } }>(LIST, {}, cast.investigator.as);
    expect(response.errors).toBeUndefined();
    expect(response.data?.infringements.totalCount).toBe(0);
  });

  it("lets a key with infringements:read list its organization's infringements", async () => {
    const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]);
    const response = await api.gql<{ infringements: { totalCount: number } }>(LIST, {}, key.as);
    expect(response.errors).toBeUndefined();
    expect(response.data?.infringements.totalCount).toBe((await storedIds(cast.brandA.org.id)).length);
  });
});

describe("infringement(id): not yours looks exactly like does not exist", () => {
  const missingId = () => gid("Infringement", "00000000-0000-4000-8000-000000000000");

  it("answers another brand's infringement exactly as a missing one", async () => {
    const foreign = await api.gql(ONE, { id: gid("Infringement", cast.infringementBShared.id) }, cast.brandAAnalyst.as);
    const missing = await api.gql(ONE, { id: missingId() }, cast.brandAAnalyst.as);
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(foreign).toEqual(missing);
  });

  it("gives the owner and the platform the infringement", async () => {
    for (const persona of [cast.brandBAnalyst, cast.platformAnalyst]) {
      const response = await api.gql(ONE, { id: gid("Infringement", cast.infringementBShared.id) }, persona.as);
      expect(response.errors).toBeUndefined();
      expect(response.data).toMatchObject({ infringement: { id: gid("Infringement", cast.infringementBShared.id) } });
    }
  });
});

describe("reviewInfringement", () => {
  const REVIEW = `mutation($input: ReviewInfringementInput!) {
    reviewInfringement(input: $input) { id status allowedTransitions notes { body fromStatus toStatus authorName } }
  }`;

  const review = (persona: Persona, id: string, status: InfringementStatus, note?: string) =>
    api.gql<{ reviewInfringement: { status: string; notes: { body: string; toStatus: string }[] } }>(
      REVIEW,
      { input: { id: gid("Infringement", id), status, note } },
      persona.as,
    );

  const statusInDatabase = async (id: string) =>
    (await api.dataSource.query(`SELECT status FROM suspected_infringement WHERE id = $1`, [id]))[0].status;

  it("moves the owner's infringement along the lifecycle, recording the decision", async () => {
    const response = await review(cast.brandAAnalyst, cast.infringementA.id, InfringementStatus.UNDER_REVIEW, "looks fake");
    expect(response.errors).toBeUndefined();
    expect(response.data?.reviewInfringement).toMatchObject({
      status: "UNDER_REVIEW",
      allowedTransitions: ["CONFIRMED", "DISMISSED"],
      notes: [{ body: "looks fake", fromStatus: "FLAGGED", toStatus: "UNDER_REVIEW", authorName: expect.any(String) }],
    });
    expect(await statusInDatabase(cast.infringementA.id)).toBe("UNDER_REVIEW");
    const audit = await api.dataSource.query(`SELECT action, before, after FROM audit_event WHERE target_id = $1`, [
      cast.infringementA.id,
    ]);
    expect(audit).toEqual([
      { action: "infringement.review", before: { status: "FLAGGED" }, after: { status: "UNDER_REVIEW", note: "looks fake" } },
    ]);
    // The same step again (a retry, a colleague at the same time) is told the case is there already.
    const again = await review(cast.brandAAnalyst, cast.infringementA.id, InfringementStatus.UNDER_REVIEW, "looks fake");
    expect(again.errors?.[0]).toMatchObject({
      message: "This infringement is UNDER_REVIEW already; allowed next states: CONFIRMED, DISMISSED",
      extensions: { code: "BAD_USER_INPUT", allowedStatuses: ["CONFIRMED", "DISMISSED"] },
    });
  });

  it("tells a review asked for a takedown's step where that step is made, and changes nothing", async () => {
    const confirmed = await createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, cast.seller), { status: InfringementStatus.CONFIRMED });
    const response = await review(cast.brandAAnalyst, confirmed.id, InfringementStatus.TAKEDOWN_REQUESTED);
    expect(response.errors?.[0]).toMatchObject({
      message:
        "Cannot move an infringement from CONFIRMED to TAKEDOWN_REQUESTED; allowed next states: UNDER_REVIEW; that move is made by the brand's takedown request (requestTakedown)",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await statusInDatabase(confirmed.id)).toBe("CONFIRMED");
  });

  it("refuses an illegal transition with the allowed next states, and changes nothing", async () => {
    const before = await statusInDatabase(cast.infringementAShared.id);
    const response = await review(cast.brandAAnalyst, cast.infringementAShared.id, InfringementStatus.CONFIRMED);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toBe(
      "Cannot move an infringement from FLAGGED to CONFIRMED; allowed next states: UNDER_REVIEW",
    );
    expect(await statusInDatabase(cast.infringementAShared.id)).toBe(before);
  });

  it("answers another brand's infringement as missing, and leaves it untouched", async () => {
    const response = await review(cast.brandAAnalyst, cast.infringementBShared.id, InfringementStatus.UNDER_REVIEW);
    const missing = await review(cast.brandAAnalyst, "00000000-0000-4000-8000-000000000000", InfringementStatus.UNDER_REVIEW);
    expect(response.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(response).toEqual(missing);
    expect(await statusInDatabase(cast.infringementBShared.id)).toBe("FLAGGED");
  });

  it("refuses a brand viewer, who may read but not write", async () => {
    const response = await review(cast.brandAViewer, cast.infringementAShared.id, InfringementStatus.UNDER_REVIEW);
    expect(response.errors?.[0]).toMatchObject({
      message:
        "A VIEWER only reads; this needs the infringements:read and infringements:write scopes of the brand whose case it is (the platform decides takedowns; it does not work brands' cases)",
      extensions: { code: "FORBIDDEN" },
    });
    expect(await statusInDatabase(cast.infringementAShared.id)).toBe("FLAGGED");
  });
});

describe("filtering by seller", () => {
  const BY_SELLER = `query($filter: InfringementFilter) { infringements(first: 50, filter: $filter) { totalCount edges { node { id seller { id } } } } }`;
  type BySeller = { infringements: { totalCount: number; edges: { node: { id: string; seller: { id: string } } }[] } };
  const bySeller = (sellers: Seller[], persona: Persona) =>
    api.gql<BySeller>(BY_SELLER, { filter: { sellerIds: sellers.map((seller) => gid("Seller", seller.id)) } }, persona.as);
  // Two brands of their own (so that no other test's counts move): a store both have a case
  // against, and a store each has a case against that the other has none against.
  let one: Persona;
  let other: Persona;
  let shared: Seller;
  let onlyOne: Seller;
  let onlyOther: Seller;
  let oneOnShared: SuspectedInfringement;
  let otherOnShared: SuspectedInfringement;
  let oneOnItsOwn: SuspectedInfringement;

  beforeAll(async () => {
    const db = api.dataSource;
    const [orgOne, orgOther] = [await createOrganization(db, OrgKind.BRAND), await createOrganization(db, OrgKind.BRAND)];
    const [brandOne, brandOther] = [await createBrand(db, orgOne, ["CC"]), await createBrand(db, orgOther, ["DD"])];
    one = await userPersona(api, orgOne, UserRole.ANALYST);
    other = await userPersona(api, orgOther, UserRole.ANALYST);
    [shared, onlyOne, onlyOther] = [await createSeller(db), await createSeller(db), await createSeller(db)];
    const sharedListing = await createListing(db, shared, { title: "CC DD replica" });
    oneOnShared = await createInfringement(db, brandOne, sharedListing);
    otherOnShared = await createInfringement(db, brandOther, sharedListing);
    oneOnItsOwn = await createInfringement(db, brandOne, await createListing(db, onlyOne, { title: "CC replica" }));
    await createInfringement(db, brandOther, await createListing(db, onlyOther, { title: "DD replica" }));
  });

  it("gives each brand only its own cases against a seller they share, and none against its other sellers", async () => {
    const forOne = await bySeller([shared], one);
    expect(forOne.errors).toBeUndefined();
    expect(ids(forOne)).toEqual([gid("Infringement", oneOnShared.id)]);
    expect(forOne.data?.infringements.totalCount).toBe(1);
    expect(forOne.data?.infringements.edges[0].node.seller.id).toBe(gid("Seller", shared.id));
    expect(ids(await bySeller([shared], other))).toEqual([gid("Infringement", otherOnShared.id)]);
    const both = await bySeller([shared, onlyOne], one);
    expect(ids(both)).toEqual([gid("Infringement", oneOnShared.id), gid("Infringement", oneOnItsOwn.id)].sort());
    expect(both.data?.infringements.totalCount).toBe(2);
  });

  it("answers a seller that only another brand has cases against exactly as one that does not exist", async () => {
    expect((await bySeller([onlyOther], other)).data?.infringements.totalCount).toBe(1);
    const foreign = await bySeller([onlyOther], one);
    const missing = await bySeller([{ id: "00000000-0000-4000-8000-000000000000" } as Seller], one);
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.infringements.totalCount).toBe(0);
    expect(foreign).toEqual(missing);
  });

  it("refuses an id that is not a seller's, naming it", async () => {
    const brandId = gid("Brand", cast.brandA.brand.id);
    const response = await api.gql(BY_SELLER, { filter: { sellerIds: [brandId] } }, cast.brandAAnalyst.as);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toBe(`"${brandId}" is not an ID of a Seller`);
  });
});

describe("filtering by the marketplace's listing id", () => {
  const byItem = (filter: Record<string, unknown>, persona: Persona) =>
    api.gql<{ infringements: { totalCount: number; edges: { node: { id: string } }[] } }>(LIST, { filter }, persona.as);

  it("finds each brand's own case on a listing by the marketplace's id for it", async () => {
    const shared = { listingExternalIds: [cast.sharedListing.externalId] };
    const forA = await byItem(shared, cast.brandAAnalyst);
    expect(forA.errors).toBeUndefined();
    expect(ids(forA)).toEqual([gid("Infringement", cast.infringementAShared.id)]);
    expect(ids(await byItem(shared, cast.brandBAnalyst))).toEqual([gid("Infringement", cast.infringementBShared.id)]);
    const both = await byItem({ listingExternalIds: [cast.sharedListing.externalId, cast.listingOnlyA.externalId] }, cast.brandAAnalyst);
    expect(ids(both)).toEqual([gid("Infringement", cast.infringementA.id), gid("Infringement", cast.infringementAShared.id)].sort());
  });

  it("answers a listing only another brand has a case on exactly as an id no listing has", async () => {
    const foreign = await byItem({ listingExternalIds: [cast.listingOnlyA.externalId] }, cast.brandBAnalyst);
    const missing = await byItem({ listingExternalIds: ["no-such-item-0000"] }, cast.brandBAnalyst);
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.infringements.totalCount).toBe(0);
    expect(foreign).toEqual(missing);
  });

  it("looks the ids up on the marketplaces asked for only", async () => {
    expect(cast.sharedListing.marketplace).toBe("TAOBAO");
    const elsewhere = await byItem({ listingExternalIds: [cast.sharedListing.externalId], marketplaces: ["TMALL"] }, cast.brandAAnalyst);
    expect(elsewhere.data?.infringements.totalCount).toBe(0);
    const there = await byItem({ listingExternalIds: [cast.sharedListing.externalId], marketplaces: ["TAOBAO"] }, cast.brandAAnalyst);
    expect(ids(there)).toEqual([gid("Infringement", cast.infringementAShared.id)]);
  });
});

describe("infringements updated since a time (an integration's sync)", () => {
  it("finds the cases whose status or score changed in the window, the viewer's own only", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Sync test brand");
    const brand = await createBrand(api.dataSource, org);
    const analyst = await userPersona(api, org, UserRole.ANALYST);
    const seller = await createSeller(api.dataSource);
    const old = await createInfringement(api.dataSource, brand, await createListing(api.dataSource, seller), { updatedAt: new Date("2026-01-01T00:00:00Z") });
    const recent = await createInfringement(api.dataSource, brand, await createListing(api.dataSource, seller), { updatedAt: new Date("2026-06-01T00:00:00Z") });
    const since = async (updatedFrom: string, updatedTo?: string) =>
      ids(await api.gql<{ infringements: { edges: { node: { id: string } }[] } }>(LIST, { filter: { updatedFrom, updatedTo } }, analyst.as));
    expect(await since("2026-03-01T00:00:00Z")).toEqual([gid("Infringement", recent.id)]);
    expect(await since("2025-12-01T00:00:00Z", "2026-03-01T00:00:00Z")).toEqual([gid("Infringement", old.id)]);

    // A review moves the old case into a sync from just before it.
    const beforeReview = new Date(Date.now() - 1000).toISOString();
    const reviewed = await api.gql(
      `mutation($input: ReviewInfringementInput!) { reviewInfringement(input: $input) { status } }`,
      { input: { id: gid("Infringement", old.id), status: "UNDER_REVIEW" } },
      analyst.as,
    );
    expect(reviewed.errors).toBeUndefined();
    expect(await since(beforeReview)).toEqual([gid("Infringement", old.id)]);

    const swapped = await api.gql(LIST, { filter: { updatedFrom: "2026-06-01T00:00:00Z", updatedTo: "2026-01-01T00:00:00Z" } }, analyst.as);
    expect(swapped.errors?.[0]).toMatchObject({ message: "`updatedFrom` must be before `updatedTo` (a window holds its start, not its end)", extensions: { code: "BAD_USER_INPUT" } });
    // Another brand's cases, however recent, are not in its sync.
    expect(await since("2000-01-01T00:00:00Z")).toEqual([old.id, recent.id].map((id) => gid("Infringement", id)).sort());
  });
});

describe("reviewInfringements: many cases one step, all or none", () => {
  const REVIEW_MANY = `mutation($input: ReviewInfringementsInput!) { reviewInfringements(input: $input) { id status notes { body fromStatus toStatus } } }`;
  const flaggedOfA = async () => createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, cast.seller));
  const statuses = async (ids: string[]) =>
    (await api.dataSource.query(`SELECT status FROM suspected_infringement WHERE id = ANY($1) ORDER BY id`, [ids])).map((r: { status: string }) => r.status);

  it("moves every case named, with its note, in the order given", async () => {
    const cases = [await flaggedOfA(), await flaggedOfA()];
    const response = await api.gql<{ reviewInfringements: { id: string; status: string; notes: unknown[] }[] }>(
      REVIEW_MANY,
      { input: { infringementIds: cases.map((c) => gid("Infringement", c.id)), status: "UNDER_REVIEW", note: "batch triage" } },
      cast.brandAAnalyst.as,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.reviewInfringements).toEqual(
      cases.map((c) => ({ id: gid("Infringement", c.id), status: "UNDER_REVIEW", notes: [{ body: "batch triage", fromStatus: "FLAGGED", toStatus: "UNDER_REVIEW" }] })),
    );
  });

  it("names every case that cannot take the step, another brand's exactly as a missing one, and moves none", async () => {
    const good = await flaggedOfA();
    const flagged = await flaggedOfA();
    const foreign = gid("Infringement", cast.infringementBShared.id);
    const missing = gid("Infringement", "00000000-0000-4000-8000-000000000000");
    const before = await statuses([good.id, flagged.id, cast.infringementBShared.id]);
    const response = await api.gql(
      REVIEW_MANY,
      { input: { infringementIds: [gid("Infringement", good.id), foreign, missing, "nonsense", gid("Infringement", good.id)], status: "UNDER_REVIEW" } },
      cast.brandAAnalyst.as,
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      invalidItems: [
        { id: foreign, reason: "Infringement not found" },
        { id: missing, reason: "Infringement not found" },
        { id: "nonsense", reason: "not a valid Infringement ID" },
        { id: gid("Infringement", good.id), reason: "listed more than once" },
      ],
    });
    const skipping = await api.gql(
      REVIEW_MANY,
      { input: { infringementIds: [gid("Infringement", good.id), gid("Infringement", flagged.id)], status: "CONFIRMED" } },
      cast.brandAAnalyst.as,
    );
    expect(skipping.errors?.[0].message).toBe(
      `2 of 2 infringements cannot move to CONFIRMED, so nothing was changed: ${gid("Infringement", good.id)}: it is FLAGGED; a review moves it to UNDER_REVIEW; ${gid("Infringement", flagged.id)}: it is FLAGGED; a review moves it to UNDER_REVIEW`,
    );
    expect(await statuses([good.id, flagged.id, cast.infringementBShared.id])).toEqual(before);
    // A viewer reads only, the platform does not work brands' cases, an agency none, and a key needs infringements:write.
    const readOnlyKey = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]);
    for (const persona of [cast.brandAViewer, cast.platformAnalyst, cast.investigator, readOnlyKey]) {
      const refused = await api.gql(REVIEW_MANY, { input: { infringementIds: [gid("Infringement", good.id)], status: "UNDER_REVIEW" } }, persona.as);
      expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await statuses([good.id, flagged.id, cast.infringementBShared.id])).toEqual(before);
  });
});
