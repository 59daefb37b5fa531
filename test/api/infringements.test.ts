import { InfringementStatus } from "../../src/entities/enums";
import { Scope } from "../../src/auth/scopes";
import type { Seller } from "../../src/entities";
import { createInfringement, createListing, createSeller } from "../support/factories";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
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
  brand { id name } notes { body }
  listing { id title price { amountMinor currency formatted } riskScore seller { id name strikeCount } }
  seller { id name }
`;

const LIST = `query($filter: InfringementFilter) {
  infringements(first: 50, filter: $filter) { totalCount edges { node { ${INFRINGEMENT_FIELDS} } } }
}`;

const ONE = `query($id: ID!) { infringement(id: $id) { ${INFRINGEMENT_FIELDS} } }`;

const ids = (response: { data?: { infringements: { edges: { node: { id: string } }[] } } | null }) =>
  response.data?.infringements.edges.map((edge) => edge.node.id).sort();

describe("infringements: each brand sees its own, and only its own", () => {
  it("gives brand A its two infringements with listing, seller and signals", async () => {
    const response = await api.gql(LIST, {}, cast.brandAAnalyst.as);
    expect(response.errors).toBeUndefined();
    expect(ids(response as never)).toEqual(
      [gid("Infringement", cast.infringementA.id), gid("Infringement", cast.infringementAShared.id)].sort(),
    );
    const first = (response.data as { infringements: { totalCount: number; edges: { node: Record<string, unknown> }[] } }).infringements;
    expect(first.totalCount).toBe(2);
    expect(first.edges[0].node).toMatchObject({
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
    expect(response.data?.infringements.totalCount).toBe(1);
    const reasons = response.data?.infringements.edges.flatMap((edge) => edge.node.riskSignals.map((s) => s.reason)).join(" ");
    expect(reasons).toContain(cast.brandB.brand.name);
    expect(reasons).not.toContain(cast.brandA.brand.name);
  });

  it("gives the platform every infringement", async () => {
    const response = await api.gql<{ infringements: { totalCount: number } }>(LIST, {}, cast.platformAnalyst.as);
    expect(response.errors).toBeUndefined();
    expect(response.data?.infringements.totalCount).toBe(3);
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
    expect(response.data?.infringements.totalCount).toBe(2);
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
    expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await statusInDatabase(cast.infringementAShared.id)).toBe("FLAGGED");
  });
});

// Last in the file: it stores more cases, each brand's against a seller of its own.
describe("filtering by seller", () => {
  const BY_SELLER = `query($filter: InfringementFilter) { infringements(first: 50, filter: $filter) { totalCount edges { node { id seller { id } } } } }`;
  type BySeller = { infringements: { totalCount: number; edges: { node: { id: string; seller: { id: string } } }[] } };
  const bySeller = (sellerIds: string[], persona: Persona) => api.gql<BySeller>(BY_SELLER, { filter: { sellerIds } }, persona.as);
  let onlyA: Seller;
  let onlyB: Seller;

  beforeAll(async () => {
    const db = api.dataSource;
    onlyA = await createSeller(db);
    onlyB = await createSeller(db);
    await createInfringement(db, cast.brandA.brand, await createListing(db, onlyA, { title: "AA replica" }));
    await createInfringement(db, cast.brandB.brand, await createListing(db, onlyB, { title: "BB replica" }));
  });

  it("gives each brand only its own cases against a seller they share, and none against its other sellers", async () => {
    const sellerId = gid("Seller", cast.seller.id);
    const forA = await bySeller([sellerId], cast.brandAAnalyst);
    expect(forA.errors).toBeUndefined();
    expect(ids(forA)).toEqual([gid("Infringement", cast.infringementA.id), gid("Infringement", cast.infringementAShared.id)].sort());
    expect(forA.data?.infringements.totalCount).toBe(2);
    expect(forA.data?.infringements.edges.every((edge) => edge.node.seller.id === sellerId)).toBe(true);
    const forB = await bySeller([sellerId], cast.brandBAnalyst);
    expect(ids(forB)).toEqual([gid("Infringement", cast.infringementBShared.id)]);
    expect(forB.data?.infringements.totalCount).toBe(1);
    const both = await bySeller([sellerId, gid("Seller", onlyA.id)], cast.brandAAnalyst);
    expect(both.data?.infringements.totalCount).toBe(3);
  });

  it("answers a seller that only another brand has cases against exactly as one that does not exist", async () => {
    const forB = await bySeller([gid("Seller", onlyB.id)], cast.brandBAnalyst);
    expect(forB.data?.infringements.totalCount).toBe(1);

    const foreign = await bySeller([gid("Seller", onlyB.id)], cast.brandAAnalyst);
    const missing = await bySeller([gid("Seller", "00000000-0000-4000-8000-000000000000")], cast.brandAAnalyst);
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.infringements.totalCount).toBe(0);
    expect(foreign).toEqual(missing);
  });

  it("refuses an id that is not a seller's, naming it", async () => {
    const brandId = gid("Brand", cast.brandA.brand.id);
    const response = await bySeller([brandId], cast.brandAAnalyst);
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
