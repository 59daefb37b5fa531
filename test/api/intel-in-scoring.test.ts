import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { brandMember, contribute, MATCH } from "../support/intel";
import { createCast, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Shared intelligence in the risk model, through ingestListings: a listing fakes brand A and
// brand B; its seller is in A's PRIVATE intelligence, and later in two other members' ALLIANCE
// intelligence. Each brand's explanation must show only what it may know. Each test has a listing
// and a seller of its own, so what one contributes is not in another's scores.
let api: TestApi;
let cast: Cast;
let memberC: Persona;
let memberD: Persona;

const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted updated } }`;
const EXPLANATIONS = `query($listing: String!) { infringements(first: 10, filter: { listingExternalIds: [$listing] }) {
  edges { node { brand { name } riskScore riskSignals { kind contribution reason } listing { riskScore } } } } }`;

interface Node { brand: { name: string }; riskScore: number; riskSignals: { kind: string; contribution: number; reason: string }[]; listing: { riskScore: number } }

const sellerValue = (n: number) => `TAOBAO:intel-store-${n}`;
const listing = (n: number, priceMinor: number) =>
  listingRecord({
    externalId: `intel-item-${n}`,
    // A clear fake of both brands (price and two counterfeit terms, about 70) with room below 100.
    title: "Aurelia x Borealys Silk Scarf Crystal Ring replica AAA",
    price: { amountMinor: priceMinor, currency: "CNY" },
    seller: { externalId: `intel-store-${n}`, name: "Grey Goods Store" },
  });

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
  await createCatalogueBrand(api.dataSource, cast.brandB.org, "Borealis", ["Borealys"], { sku: "BO-1", name: "Crystal Ring", logoHash: "ffff0000ffff0000" });
  memberC = await brandMember(api, "Member C");
  memberD = await brandMember(api, "Member D");
});
afterAll(() => api.close());

async function explanationsOf(persona: Persona, n: number): Promise<Node[]> {
  const response = await api.gql<{ infringements: { edges: { node: Node }[] } }>(EXPLANATIONS, { listing: `intel-item-${n}` }, persona.as);
  expect(response.errors).toBeUndefined();
  return response.data!.infringements.edges.map((edge) => edge.node).filter((node) => ["Aurelia", "Borealis"].includes(node.brand.name));
}

const intelOf = (node: Node) => node.riskSignals.filter((signal) => signal.kind === "INTEL_MATCH");

describe("shared intelligence in the risk model", () => {
  it("counts a member's PRIVATE indicator for its own infringement only, never for another brand or the listing's score", async () => {
    await contribute(api, cast.brandAAnalyst, [{ kind: "SELLER", value: sellerValue(1), distribution: "PRIVATE", confidence: 90 }]);
    const ingested = await api.gql(INGEST, { listings: [listing(1, 5_000)] }, cast.platformAnalyst.as);
    expect(ingested.errors).toBeUndefined();

    const [a] = await explanationsOf(cast.brandAAnalyst, 1);
    expect(intelOf(a)).toEqual([{ kind: "INTEL_MATCH", contribution: expect.any(Number), reason: "matches alliance intelligence" }]);
    const [b] = await explanationsOf(cast.brandBAnalyst, 1);
    expect(b.brand.name).toBe("Borealis");
    expect(intelOf(b)).toEqual([]);
    // The listing's own score (the platform's, and the store's score is made from it) is the same
    // without A's private intelligence; B reads its own case's score as the listing's.
    const [ownScore] = (await explanationsOf(cast.platformAnalyst, 1)).map((node) => node.listing.riskScore);
    expect(ownScore).toBe(a.riskScore - intelOf(a)[0].contribution);
    expect(b.listing.riskScore).toBe(b.riskScore);
  });

  it("names the number of members once at least k of them shared it, and never who", async () => {
    // The seller in A's PRIVATE intelligence and the listing stored, as in the test above.
    await contribute(api, cast.brandAAnalyst, [{ kind: "SELLER", value: sellerValue(2), distribution: "PRIVATE", confidence: 90 }]);
    expect((await api.gql(INGEST, { listings: [listing(2, 5_000)] }, cast.platformAnalyst.as)).errors).toBeUndefined();
    for (const member of [memberC, memberD]) {
      await contribute(api, member, [{ kind: "SELLER", value: sellerValue(2), distribution: "ALLIANCE", confidence: 80 }]);
    }
    // A changed price re-scores the listing.
    const ingested = await api.gql<{ ingestListings: { updated: number } }>(INGEST, { listings: [listing(2, 4_900)] }, cast.platformAnalyst.as);
    expect(ingested.data?.ingestListings.updated).toBe(1);

    for (const persona of [cast.brandAAnalyst, cast.brandBAnalyst]) {
      const [node] = await explanationsOf(persona, 2);
      expect(intelOf(node).map((signal) => signal.reason)).toEqual(["matches alliance intelligence (2 members)"]);
      expect(JSON.stringify(node)).not.toMatch(/Member C|Member D|Brand Org/);
    }
    // The listing's own score counts other members from k + 1 on (the test below tells why): at k
    // it has no intelligence in it.
    const [b] = await explanationsOf(cast.brandBAnalyst, 2);
    const [ownScore] = (await explanationsOf(cast.platformAnalyst, 2)).map((node) => node.listing.riskScore);
    expect(ownScore).toBe(b.riskScore - intelOf(b)[0].contribution);
  });

  it("counts other members in the listing's own score from k + 1 on, so that a member that shared the value learns nothing from it", async () => {
    // Twin listings of both brands, alike but for their sellers; only the first seller is in
    // intelligence: brand A's and member C's (k = 2 members in all). For A, one other member
    // holds it: its blind match answers no match, and the two listings' scores must not differ.
    const twin = (n: number) =>
      listingRecord({
        externalId: `intel-twin-${n}`,
        title: "Aurelia x Borealys Silk Scarf Crystal Ring replica AAA",
        price: { amountMinor: 5_000, currency: "CNY" },
        seller: { externalId: `intel-twin-store-${n}`, name: "Twin Store" },
      });
    const held = { kind: "SELLER", value: "TAOBAO:intel-twin-store-1", distribution: "MATCH_ONLY", confidence: 60 };
    await contribute(api, cast.brandAAnalyst, [held]);
    await contribute(api, memberC, [held]);
    expect((await api.gql(INGEST, { listings: [twin(1), twin(2)] }, cast.platformAnalyst.as)).errors).toBeUndefined();

    const TWINS = `{ infringements(first: 10, filter: { listingExternalIds: ["intel-twin-1", "intel-twin-2"] }) {
      edges { node { brand { name } listing { externalId riskScore seller { riskScore } } } } } }`;
    const twinsAs = async (persona: Persona) => {
      const response = await api.gql<{ infringements: { edges: { node: { brand: { name: string }; listing: { externalId: string; riskScore: number; seller: { riskScore: number } } } }[] } }>(
        TWINS, {}, persona.as,
      );
      expect(response.errors).toBeUndefined();
      const byListing = new Map(response.data!.infringements.edges.map(({ node }) => [node.listing.externalId, node.listing]));
      expect(byListing.size).toBe(2);
      return [byListing.get("intel-twin-1")!, byListing.get("intel-twin-2")!];
    };
    const match = await api.gql<{ matchIndicators: { matched: boolean }[] }>(MATCH, { queries: [{ kind: "SELLER", value: held.value }] }, cast.brandAAnalyst.as);
    expect(match.data?.matchIndicators.map((m) => m.matched)).toEqual([false]);
    // A reads the stores' scores, made from the listings' own scores: the same for both.
    const [withIntel, without] = await twinsAs(cast.brandAAnalyst);
    expect(withIntel.seller.riskScore).toBe(without.seller.riskScore);
    const [ownWith, ownWithout] = await twinsAs(cast.platformAnalyst);
    expect(ownWith.riskScore).toBe(ownWithout.riskScore);

    // A third member: now k others remain whichever member reads it, and the listing's score counts them.
    await contribute(api, memberD, [held]);
    const repriced = [twin(1), twin(2)].map((record) => ({ ...record, price: { amountMinor: 4_900, currency: "CNY" } }));
    expect((await api.gql(INGEST, { listings: repriced }, cast.platformAnalyst.as)).errors).toBeUndefined();
    const [counted, still] = await twinsAs(cast.platformAnalyst);
    expect(counted.riskScore).toBeGreaterThan(still.riskScore);
    const [countedStore, stillStore] = await twinsAs(cast.brandAAnalyst);
    expect(countedStore.seller.riskScore).toBeGreaterThan(stillStore.seller.riskScore);
  });
});
