import { Scope } from "../../src/auth/scopes";
import { OrgKind } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { createOrganization } from "../support/factories";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";
import { serverUrl } from "../support/test-env";

// ingestListings end to end: the platform ingests, brands see their own infringements only, and
// nobody else may ingest.

let api: TestApi;
let cast: Cast;

const INGEST = `mutation($listings: [ListingInput!]!) {
  ingestListings(listings: $listings) {
    received inserted updated unchanged rejected superseded infringementsCreated infringementsUpdated modelVersion
    rejections { row reason }
  }
}`;

const DASHBOARD = `query {
  infringements(first: 100) {
    edges { node {
      id brand { name } riskScore riskSignals { kind contribution reason } notes(last: 5) { body }
      listing { externalId title riskScore price { formatted } seller { name riskScore } }
    } }
  }
}`;

beforeAll(async () => {
  // A small batch bound, to test it.
  api = await startTestApi({ MAX_INGEST_BATCH: "3" });
  cast = await createCast(api);
  const db = api.dataSource;
  await createCatalogueBrand(db, cast.brandA.org, "Aurelia", ["奥瑞莉亚"], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
  await createCatalogueBrand(db, cast.brandB.org, "Borealis", ["Borealys"], { sku: "BO-1", name: "Crystal Ring", logoHash: "ffff0000ffff0000", msrpMinor: 250_000 });
});
afterAll(() => api.close());

type Json = Record<string, unknown>;
const ingestAs = (as: Persona["as"], listings: Json[]) => api.gql<{ ingestListings: Json }>(INGEST, { listings }, as);
const listingCount = async (externalIds: string[]) =>
  (await api.dataSource.query(`SELECT count(*)::int AS n FROM listing WHERE external_id = ANY($1)`, [externalIds]))[0].n as number;

interface DashboardNode {
  id: string;
  brand: { name: string };
  riskSignals: { kind: string; contribution: number; reason: string }[];
  notes: { body: string }[];
  listing: { externalId: string };
}
async function infringementsOf(persona: Persona, externalId: string): Promise<DashboardNode[]> {
  const response = await api.gql<{ infringements: { edges: { node: DashboardNode }[] } }>(DASHBOARD, {}, persona.as);
  expect(response.errors).toBeUndefined();
  return response.data!.infringements.edges.map((e) => e.node).filter((n) => n.listing.externalId === externalId);
}

describe("ingestListings", () => {
  it("lets the platform ingest a batch; a listing that fakes two brands becomes one infringement for each", async () => {
    const collab = listingRecord({
      title: "Aurelia x Borealys 联名 Silk Scarf Crystal Ring replica AAA",
      price: { amountMinor: 5_000, currency: "CNY" },
      imageHashes: ["804a95d23ac181dc"],
    });
    const response = await ingestAs(cast.platformAnalyst.as, [collab]);
    expect(response.errors).toBeUndefined();
    expect(response.data?.ingestListings).toEqual({
      received: 1,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      superseded: 0,
      infringementsCreated: 2,
      infringementsUpdated: 0,
      modelVersion: "alliance-risk-6",
      rejections: [],
    });

    const externalId = collab.externalId as string;
    const [ofA] = await infringementsOf(cast.brandAAnalyst, externalId);
    const [ofB] = await infringementsOf(cast.brandBAnalyst, externalId);
    expect(await infringementsOf(cast.brandAAnalyst, externalId)).toHaveLength(1);
    expect(await infringementsOf(cast.brandBAnalyst, externalId)).toHaveLength(1);
    expect(ofA.brand.name).toBe("Aurelia");
    expect(ofB.brand.name).toBe("Borealis");
    // Each brand's signals are measured against its own catalogue and name only that brand.
    expect(ofA.riskSignals.find((s) => s.kind === "PRICE_ANOMALY")?.reason).toBe("price 4% of MSRP 1,290.00 CNY (AU-1 Silk Scarf)");
    expect(ofB.riskSignals.find((s) => s.kind === "PRICE_ANOMALY")?.reason).toBe("price 2% of MSRP 2,500.00 CNY (BO-1 Crystal Ring)");
    expect(ofA.riskSignals.find((s) => s.kind === "LOGO_MATCH")?.reason).toBe("image matches a registered Aurelia logo (0 of 64 bits differ)");
    expect(JSON.stringify(ofA.riskSignals)).not.toMatch(/Borealis|BO-1/);
    expect(JSON.stringify(ofB.riskSignals)).not.toMatch(/Aurelia|AU-1/);

    // Neither brand reaches the other's infringement or its notes.
    const note = await api.gql(
      `mutation($id: ID!) { addInfringementNote(input: { infringementId: $id, body: "A's private lead" }) { id } }`,
      { id: ofA.id },
      cast.brandAAnalyst.as,
    );
    expect(note.errors).toBeUndefined();
    const missing = gid("Infringement", "00000000-0000-4000-8000-000000000000");
    const query = `query($id: ID!) { infringement(id: $id) { id riskSignals { reason } notes { body } } }`;
    const asB = await api.gql(query, { id: ofA.id }, cast.brandBAnalyst.as);
    const asBMissing = await api.gql(query, { id: missing }, cast.brandBAnalyst.as);
    expect(asB.errors?.[0]).toEqual(asBMissing.errors?.[0]);
    expect(asB.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect((await infringementsOf(cast.brandBAnalyst, externalId))[0].notes).toEqual([]);
    expect((await infringementsOf(cast.brandAAnalyst, externalId))[0].notes).toEqual([{ body: "A's private lead" }]);
  });

  it("re-scores a brand's case when the listing stops naming it, and the case still names no other brand", async () => {
    const collab = listingRecord({ title: "Aurelia x Borealys Silk Scarf Crystal Ring replica AAA", price: { amountMinor: 5_000, currency: "CNY" } });
    expect((await ingestAs(cast.platformAnalyst.as, [collab])).data?.ingestListings).toMatchObject({ infringementsCreated: 2 });
    const externalId = collab.externalId as string;
    const [before] = await infringementsOf(cast.brandBAnalyst, externalId);
    expect(before.riskSignals.map((s) => s.kind)).toContain("PRICE_ANOMALY");

    // Borealis's name is gone from the title: its case keeps its id, and loses its price signal.
    const aureliaOnly = { ...collab, title: "Aurelia Silk Scarf Crystal Ring replica AAA" };
    expect((await ingestAs(cast.platformAnalyst.as, [aureliaOnly])).data?.ingestListings).toMatchObject({
      updated: 1,
      infringementsCreated: 0,
      infringementsUpdated: 1,
    });
    const [ofA] = await infringementsOf(cast.brandAAnalyst, externalId);
    const [ofB] = await infringementsOf(cast.brandBAnalyst, externalId);
    expect(ofB.id).toBe(before.id);
    expect(ofB.riskSignals.map((s) => s.kind)).toEqual(["COUNTERFEIT_KEYWORDS"]);
    expect(ofA.riskSignals.map((s) => s.kind).sort()).toEqual(["COUNTERFEIT_KEYWORDS", "PRICE_ANOMALY"]);
    expect(JSON.stringify(ofB.riskSignals)).not.toMatch(/Aurelia|AU-1/);
    expect(await infringementsOf(cast.brandBAnalyst, externalId)).toHaveLength(1);
  });

  it("shows a brand a listing's score as its own cases' highest, never another brand's match on the listing", async () => {
    const collab = listingRecord({ title: "Aurelia x Borealys Silk Scarf Crystal Ring replica AAA", price: { amountMinor: 5_000, currency: "CNY" } });
    expect((await ingestAs(cast.platformAnalyst.as, [collab])).data?.ingestListings).toMatchObject({ infringementsCreated: 2 });
    // Borealis's case falls to the brand-free signals; the listing's own score stays Aurelia's.
    const aureliaOnly = { ...collab, title: "Aurelia Silk Scarf Crystal Ring replica AAA" };
    expect((await ingestAs(cast.platformAnalyst.as, [aureliaOnly])).data?.ingestListings).toMatchObject({ infringementsUpdated: 1 });

    const scores = `query { infringements(first: 100) { edges { node { riskScore brand { name } listing { externalId riskScore } } } } }`;
    type Scores = { infringements: { edges: { node: { riskScore: number; brand: { name: string }; listing: { externalId: string; riskScore: number } } }[] } };
    const onListing = async (as: Persona["as"]) => {
      const response = await api.gql<Scores>(scores, {}, as);
      expect(response.errors).toBeUndefined();
      return response.data!.infringements.edges.map((e) => e.node).filter((n) => n.listing.externalId === collab.externalId);
    };
    const [ofA] = await onListing(cast.brandAAnalyst.as);
    const [ofB] = await onListing(cast.brandBAnalyst.as);
    expect(ofB.riskScore).toBeLessThan(ofA.riskScore);
    expect(ofA.listing.riskScore).toBe(ofA.riskScore);
    expect(ofB.listing.riskScore).toBe(ofB.riskScore);

    const ofPlatform = await onListing(cast.platformAnalyst.as);
    expect(ofPlatform.map((n) => n.brand.name).sort()).toEqual(["Aurelia", "Borealis"]);
    expect(ofPlatform.map((n) => n.listing.riskScore)).toEqual([ofA.riskScore, ofA.riskScore]);
  });

  it("shows members a store's score made from its listings' brand-free scores, in the field, the filter and the order", async () => {
    // A store of one listing that both brands' catalogues match: its own score is the listing's,
    // which Aurelia's price signal makes.
    const record = listingRecord({
      title: "Aurelia x Borealys Silk Scarf Crystal Ring replica AAA",
      price: { amountMinor: 5_000, currency: "CNY" },
      seller: { externalId: "store-one-listing", name: "One Listing Store", brandCount: 12 },
    });
    expect((await ingestAs(cast.platformAnalyst.as, [record])).data?.ingestListings).toMatchObject({ infringementsCreated: 2 });
    const [{ id: listingId, seller_id: sellerId }] = await api.dataSource.query(`SELECT id, seller_id FROM listing WHERE external_id = $1`, [record.externalId]);
    type Read = { listing: { riskSignals: { kind: string; contribution: number }[]; seller: { riskScore: number; riskSignals: { kind: string; contribution: number }[] } } };
    const platform = await api.gql<Read>(
      `query($id: ID!) { listing(id: $id) { riskSignals { kind contribution } seller { riskScore riskSignals { kind contribution } } } }`,
      { id: gid("Listing", listingId) },
      cast.platformAnalyst.as,
    );
    expect(platform.errors).toBeUndefined();
    const { riskSignals: listingSignals, seller: store } = platform.data!.listing;
    const catalogueKinds = ["PRICE_ANOMALY", "LOGO_MATCH", "SPEC_MISMATCH"];
    expect(listingSignals.map((s) => s.kind)).toContain("PRICE_ANOMALY");
    const brandFree = listingSignals.filter((s) => !catalogueKinds.includes(s.kind)).reduce((sum, s) => sum + s.contribution, 0);
    const history = store.riskSignals.find((s) => s.kind === "SELLER_HISTORY")?.contribution ?? 0;
    const shownToMembers = Math.round(0.7 * brandFree) + history;
    expect(store.riskScore).toBeGreaterThan(shownToMembers);

    const SELLERS = `query($filter: SellerFilter, $orderBy: SellerOrder) {
      sellers(first: 100, filter: $filter, orderBy: $orderBy) { edges { node { id riskScore } } } }`;
    type Sellers = { sellers: { edges: { node: { id: string; riskScore: number } }[] } };
    const sellersOf = async (as: Persona["as"], variables: Json = {}) => {
      const response = await api.gql<Sellers>(SELLERS, variables, as);
      expect(response.errors).toBeUndefined();
      return response.data!.sellers.edges.map((e) => e.node);
    };
    const storeId = gid("Seller", sellerId);
    for (const member of [cast.brandAAnalyst, cast.brandBAnalyst]) {
      const read = await api.gql<{ seller: { riskScore: number } }>(`query($id: ID!) { seller(id: $id) { riskScore } }`, { id: storeId }, member.as);
      expect(read.data?.seller.riskScore).toBe(shownToMembers);
      // The filter and the order read the same score as the field.
      expect((await sellersOf(member.as, { filter: { minRiskScore: shownToMembers } })).map((s) => s.id)).toContain(storeId);
      expect((await sellersOf(member.as, { filter: { minRiskScore: shownToMembers + 1 } })).map((s) => s.id)).not.toContain(storeId);
      const ascending = (await sellersOf(member.as, { orderBy: { field: "RISK_SCORE", direction: "ASC" } })).map((s) => s.riskScore);
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    }
    expect((await sellersOf(cast.platformAnalyst.as, { filter: { minRiskScore: store.riskScore } })).map((s) => s.id)).toContain(storeId);
  });

  it("accepts an API key of the platform with ingest:write, and answers a re-ingest as unchanged", async () => {
    const key = await cast.keyFor(cast.platformAnalyst.org, [Scope.INGEST_WRITE]);
    const record = listingRecord({ title: "Aurelia Silk Scarf" });
    expect((await ingestAs(key.as, [record])).data?.ingestListings).toMatchObject({ inserted: 1, infringementsCreated: 0 });
    expect((await ingestAs(key.as, [record])).data?.ingestListings).toMatchObject({ inserted: 0, unchanged: 1 });
    // This key's own events, in the order written.
    const audit = await api.dataSource.query(
      `SELECT a.after FROM audit_event a JOIN api_key k ON k.id = a.actor_api_key_id
        WHERE a.action = 'listings.ingest' AND k.prefix = $1 ORDER BY a.created_at, a.id`,
      [(key.as as { apiKey: string }).apiKey.slice(0, 10)],
    );
    expect(audit.map((a: { after: Json }) => a.after.inserted)).toEqual([1, 0]);
  });

  it("rejects bad rows by index with a reason, and writes the good ones", async () => {
    const good = listingRecord({ title: "Borealis Crystal Ring" });
    const bad = listingRecord({ price: { amountMinor: 100, currency: "RMB" } });
    const response = await ingestAs(cast.platformAnalyst.as, [good, bad]);
    expect(response.data?.ingestListings).toMatchObject({
      received: 2,
      inserted: 1,
      rejected: 1,
      rejections: [{ row: 1, reason: "price.currency: must be an ISO 4217 code such as CNY" }],
    });
    expect(await listingCount([good.externalId as string, bad.externalId as string])).toBe(1);
  });

  it("takes a currency in any case, as every money input does, and stores it upper case", async () => {
    const lower = listingRecord({ price: { amountMinor: 100, currency: "cny" } });
    const spaced = listingRecord({ price: { amountMinor: 100, currency: " Usd " } });
    const response = await ingestAs(cast.platformAnalyst.as, [lower, spaced]);
    expect(response.data?.ingestListings).toMatchObject({ inserted: 2, rejected: 0, rejections: [] });
    const stored = await api.dataSource.query(`SELECT external_id, currency FROM listing WHERE external_id = ANY($1)`, [[lower.externalId, spaced.externalId]]);
    expect(Object.fromEntries(stored.map((row: Json) => [row.external_id, row.currency]))).toEqual({ [lower.externalId as string]: "CNY", [spaced.externalId as string]: "USD" });
  });

  it("names every fault of a rejected row at once", async () => {
    const faulty = listingRecord({ title: " ", price: { amountMinor: 100, currency: "RMB" }, imageHashes: ["xyz"], reviews: { count: 5, averageRating: 9 } });
    const response = await ingestAs(cast.platformAnalyst.as, [faulty]);
    expect(response.data?.ingestListings).toMatchObject({
      rejected: 1,
      rejections: [
        {
          row: 0,
          reason:
            "title: must not be empty; price.currency: must be an ISO 4217 code such as CNY; " +
            "imageHashes.0: must be 64-bit hashes as 16 hex digits; reviews.averageRating: must be between 1 and 5",
        },
      ],
    });
  });

  it("writes the last of two rows for one listing, and counts the earlier superseded, not rejected", async () => {
    const first = listingRecord({ title: "Borealis Crystal Bracelet" });
    const response = await ingestAs(cast.platformAnalyst.as, [first, { ...first, title: "Borealis Crystal Bracelet v2" }]);
    expect(response.data?.ingestListings).toMatchObject({ received: 2, inserted: 1, superseded: 1, rejected: 0, rejections: [] });
    const [stored] = await api.dataSource.query(`SELECT title FROM listing WHERE external_id = $1`, [first.externalId]);
    expect(stored.title).toBe("Borealis Crystal Bracelet v2");
  });

  it("rejects counts no store or listing has, which would overflow later (a strike added at a takedown)", async () => {
    const strikes = listingRecord({ seller: { externalId: "store-overflow", name: "Overflow", strikeCount: 2_147_483_647 } });
    const reviews = listingRecord({ reviews: { count: 1_500_000_000, fiveStarFirstWeek: 0 } });
    const response = await ingestAs(cast.platformAnalyst.as, [strikes, reviews]);
    expect(response.data?.ingestListings).toMatchObject({
      inserted: 0,
      rejected: 2,
      rejections: [
        { row: 0, reason: "seller.strikeCount: must be at most 100000" },
        { row: 1, reason: "reviews.count: must be at most 1000000000" },
      ],
    });
  });

  it("rejects a currency that is no ISO 4217 code, and dates in the future", async () => {
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const response = await ingestAs(cast.platformAnalyst.as, [
      listingRecord({ price: { amountMinor: 9900, currency: "ZZZ" } }),
      listingRecord({ seenAt: later }),
      listingRecord({ seller: { externalId: "store-from-the-future", name: "Future", openedAt: later } }),
    ]);
    expect(response.data?.ingestListings).toMatchObject({
      inserted: 0,
      rejections: [
        { row: 0, reason: "price.currency: must be an ISO 4217 code such as CNY" },
        { row: 1, reason: "seenAt: must be in the past, and in 1990 or later" },
        { row: 2, reason: "seller.openedAt: must be in the past, and in 1990 or later" },
      ],
    });
  });

  // Concurrent calls need a server: the embedded database has one connection.
  (serverUrl ? it : it.skip)("runs a call again when a concurrent call stored a listing it found new", async () => {
    const first = listingRecord({ title: "Aurelia Silk Scarf replica AAA", seller: { externalId: "store-mutation-race-1", name: "Race 1" } });
    const second = { ...first, seller: { externalId: "store-mutation-race-2", name: "Race 2" } };
    // Listing inserts wait until both calls have found the listing new and are inserting it.
    const blocker = api.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE listing IN SHARE MODE`);
    const calls = Promise.all([ingestAs(cast.platformAnalyst.as, [first]), ingestAs(cast.platformAnalyst.as, [second])]);
    for (let waiting = 0; waiting < 2; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      [{ waiting }] = await api.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'COPY listing %'`,
      );
    }
    await blocker.commitTransaction();
    await blocker.release();
    const responses = await calls;
    expect(responses.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(responses.map((r) => r.data?.ingestListings.inserted).sort()).toEqual([0, 1]);
    expect(await listingCount([first.externalId as string])).toBe(1);
  });

  it("refuses a batch above MAX_INGEST_BATCH with a clear error, and writes nothing", async () => {
    const records = Array.from({ length: 4 }, () => listingRecord());
    const response = await ingestAs(cast.platformAnalyst.as, records);
    expect(response.errors?.[0]).toMatchObject({
      message: "At most 3 listings per ingestListings call; split the 4 into batches",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await listingCount(records.map((r) => r.externalId as string))).toBe(0);
  });

  it.each<[string, (cast: Cast) => Promise<Persona>]>([
    ["a brand admin", async (c) => c.brandAAdmin],
    ["a brand analyst", async (c) => c.brandAAnalyst],
    ["an agency investigator", async (c) => c.investigator],
    ["a brand key with every brand scope", (c) => c.keyFor(c.brandA.org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE, Scope.CATALOGUE_READ])],
    ["a brand key stored with ingest:write", (c) => c.keyFor(c.brandA.org, [Scope.INGEST_WRITE])],
    ["a platform key without ingest:write", (c) => c.keyFor(c.platformAnalyst.org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE])],
  ])("is refused to %s, and writes nothing", async (_name, persona) => {
    const who = await persona(cast);
    const record = listingRecord({
      title: "Aurelia Silk Scarf replica",
      price: { amountMinor: 1_000, currency: "CNY" },
      seller: { externalId: `refused-${Math.random()}`, name: "Refused Store" },
    });
    const response = await ingestAs(who.as, [record]);
    expect(response.data).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      message: "Only the platform, with the ingest:write scope, may ingest listings",
      extensions: { code: "FORBIDDEN" },
    });
    expect(await listingCount([record.externalId as string])).toBe(0);
    const sellers = await api.dataSource.query(`SELECT count(*)::int AS n FROM seller WHERE external_id = $1`, [(record.seller as Json).externalId]);
    expect(sellers[0].n).toBe(0);
  });

  it("is refused without credentials", async () => {
    const response = await api.gql(INGEST, { listings: [listingRecord()] });
    expect(response.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("shows the platform the listing's and the seller's own signals, and brands neither", async () => {
    const record = listingRecord({
      title: "Aurelia Silk Scarf 高仿 AAA",
      price: { amountMinor: 2_000, currency: "CNY" },
      seller: { externalId: "store-signals", name: "Signal Store", brandCount: 12 },
    });
    await ingestAs(cast.platformAnalyst.as, [record]);
    const [{ id: listingId }] = await api.dataSource.query(`SELECT id FROM listing WHERE external_id = $1`, [record.externalId]);
    const query = `query($id: ID!) { listing(id: $id) { riskScore riskSignals { kind } seller { riskScore riskSignals { kind reason } } } }`;
    const asPlatform = await api.gql<{ listing: Json }>(query, { id: gid("Listing", listingId) }, cast.platformAnalyst.as);
    expect(asPlatform.errors).toBeUndefined();
    expect(asPlatform.data?.listing).toMatchObject({
      riskSignals: expect.arrayContaining([{ kind: "PRICE_ANOMALY" }, { kind: "COUNTERFEIT_KEYWORDS" }]),
      seller: { riskSignals: [{ kind: "LISTINGS", reason: expect.stringMatching(/^its 1 listing scores \d+$/) }, { kind: "SELLER_HISTORY", reason: "store sells 12 different brands" }] },
    });
    const asBrand = await api.gql<{ listing: Json }>(query, { id: gid("Listing", listingId) }, cast.brandAAnalyst.as);
    expect(asBrand.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["listing.riskSignals", "FORBIDDEN"],
      ["listing.seller.riskSignals", "FORBIDDEN"],
    ]);
  });
});

describe("ingestListings across tenants", () => {
  it("keeps a brand's confirmed cases against a store out of another brand's score and signals, and out of the store's score", async () => {
    const seller = { externalId: "store-confirmed-by-a", name: "Shared Store", brandCount: 12 };
    const price = { amountMinor: 2_000, currency: "CNY" };
    const ofA = listingRecord({ title: "Aurelia Silk Scarf replica AAA", price, seller });
    const otherOfA = listingRecord({ title: "Aurelia Silk Scarf 高仿 AAA", price, seller });
    const ofB = listingRecord({ title: "Borealys Crystal Ring replica AAA", price, seller });
    expect((await ingestAs(cast.platformAnalyst.as, [ofA, otherOfA, ofB])).data?.ingestListings).toMatchObject({ infringementsCreated: 3 });
    const caseOfB = async () => (await infringementsOf(cast.brandBAnalyst, ofB.externalId as string))[0];
    const before = await caseOfB();

    // A confirms its case: a review decision of its own, not B's to learn. The next scan meets every listing again.
    const [{ id: caseOfA }] = await api.dataSource.query(
      `SELECT si.id FROM suspected_infringement si JOIN listing l ON l.id = si.listing_id WHERE l.external_id = $1`,
      [ofA.externalId],
    );
    await api.dataSource.query(`UPDATE suspected_infringement SET status = 'CONFIRMED' WHERE id = $1`, [caseOfA]);
    expect((await ingestAs(cast.platformAnalyst.as, [ofA, otherOfA, ofB])).data?.ingestListings).toMatchObject({ updated: 2, unchanged: 1 });
    expect(await caseOfB()).toEqual(before);
    expect(before.riskSignals).toContainEqual(expect.objectContaining({ kind: "SELLER_HISTORY", reason: "store sells 12 different brands" }));
    const stored = await api.dataSource.query(`SELECT risk_signals FROM seller WHERE external_id = $1`, [seller.externalId]);
    expect(JSON.stringify(stored)).not.toContain("confirmed");
    // A's other case against the store counts it; the confirmed case itself does not count its own
    // confirmation as the store's record, and is left as it was (unchanged above).
    const [othersCase] = await infringementsOf(cast.brandAAnalyst, otherOfA.externalId as string);
    expect(othersCase.riskSignals).toContainEqual(
      expect.objectContaining({ kind: "SELLER_HISTORY", reason: "1 confirmed case of yours; store sells 12 different brands" }),
    );
    const [ofAsCase] = await infringementsOf(cast.brandAAnalyst, ofA.externalId as string);
    expect(fromGlobalId(ofAsCase.id, "Infringement")).toBe(caseOfA);
    expect(ofAsCase.riskSignals).toContainEqual(expect.objectContaining({ kind: "SELLER_HISTORY", reason: "store sells 12 different brands" }));
  });

  it("a second platform-like organization is not enough: only the PLATFORM kind may ingest", async () => {
    const agency = await createOrganization(api.dataSource, OrgKind.AGENCY, "Another Agency");
    const key = await cast.keyFor(agency, [Scope.INGEST_WRITE]);
    const record = listingRecord();
    expect((await ingestAs(key.as, [record])).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await listingCount([record.externalId as string])).toBe(0);
  });
});
