import { Scope } from "../../src/auth/scopes";
import type { Brand } from "../../src/entities";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";

// A brand keeps its own genuine catalogue; the risk model measures listings against it from the
// next ingest on; no one else writes it, or learns anything of it by trying.
let api: TestApi;
let cast: Cast;
let aurelia: Brand;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  aurelia = await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
});
afterAll(() => api.close());

const UPSERT = `mutation($input: UpsertProductsInput!) { upsertProducts(input: $input) {
  created updated products { sku name category msrp { amountMinor currency } specs logoHashes brand { name } } } }`;
type Upserted = { upsertProducts: { created: number; updated: number; products: { sku: string; msrp: { amountMinor: number } }[] } };
const upsert = (persona: Persona, brandId: string, products: Record<string, unknown>[]) =>
  api.gql<Upserted>(UPSERT, { input: { brandId, products } }, persona.as);
const product = (fields: Record<string, unknown> = {}) => ({
  sku: "ZX-900",
  name: "Silk Gloves",
  category: "Luxury & fashion",
  msrp: { amountMinor: 99_900, currency: "CNY" },
  specs: { material: "silk" },
  logoHashes: ["804A95D23AC181DC"],
  ...fields,
});
const catalogueRows = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM product WHERE brand_id = $1`, [aurelia.id]))[0].n);

describe("a brand's catalogue", () => {
  it("takes new products and replaces those of a SKU it has, and the next ingest measures listings against them", async () => {
    const brandId = gid("Brand", aurelia.id);
    const added = await upsert(cast.brandAAnalyst, brandId, [product(), product({ sku: "ZX-901", name: "Silk Tie", specs: {} })]);
    expect(added.errors).toBeUndefined();
    expect(added.data?.upsertProducts).toMatchObject({ created: 2, updated: 0 });
    expect(added.data?.upsertProducts.products[0]).toEqual({
      sku: "ZX-900",
      name: "Silk Gloves",
      category: "Luxury & fashion",
      msrp: { amountMinor: 99_900, currency: "CNY" },
      specs: { material: "silk" },
      logoHashes: ["804a95d23ac181dc"],
      brand: { name: "Aurelia" },
    });
    const repriced = await upsert(cast.brandAAnalyst, brandId, [product({ msrp: { amountMinor: 109_900, currency: "CNY" } })]);
    expect(repriced.data?.upsertProducts).toMatchObject({ created: 0, updated: 1, products: [{ sku: "ZX-900", msrp: { amountMinor: 109_900 } }] });
    expect(await catalogueRows()).toBe(3);

    const fake = listingRecord({ title: "Aurelia ZX-900 Silk Gloves replica AAA", price: { amountMinor: 1_000, currency: "CNY" } });
    const ingested = await api.gql(`mutation($l: [ListingInput!]!) { ingestListings(listings: $l) { infringementsCreated } }`, { l: [fake] }, cast.platformAnalyst.as);
    expect(ingested.data).toEqual({ ingestListings: { infringementsCreated: 1 } });
    const cases = await api.gql<{ infringements: { edges: { node: { riskSignals: { kind: string; reason: string }[] } }[] } }>(
      `query($ids: [String!]) { infringements(first: 5, filter: { listingExternalIds: $ids }) { edges { node { riskSignals { kind reason } } } } }`,
      { ids: [fake.externalId] },
      cast.brandAAnalyst.as,
    );
    const reasons = cases.data!.infringements.edges[0].node.riskSignals.filter((s) => s.kind === "PRICE_ANOMALY").map((s) => s.reason);
    expect(reasons).toEqual(["price <1% of MSRP 1,099.00 CNY (ZX-900 Silk Gloves)"]);
  });

  it("refuses a call with bad products, naming each by its index, and writes none of it", async () => {
    const before = await catalogueRows();
    const response = await upsert(cast.brandAAnalyst, gid("Brand", aurelia.id), [
      product({ sku: "OK-1" }),
      product({ sku: "BAD-1", msrp: { amountMinor: -5, currency: "CNY" } }),
      product({ sku: "BAD-2", logoHashes: ["xyz"] }),
      product({ sku: "OK-1" }),
      product({ sku: "BAD-3", name: "  " }),
      product({ sku: "BAD-4", specs: { capacity: 4 } }),
    ]);
    expect(response.errors?.[0]).toMatchObject({
      message:
        "5 of 6 products are invalid; nothing was saved: [1] msrp.amountMinor must be a whole number of minor units (cents, fen), from 1 to 1000000000000; " +
        "[2] logoHashes must be 64-bit hashes as 16 hex digits; [3] the same sku as item 0; [4] name must not be empty; [5] specs.capacity must be text, e.g. \"1TB\"",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await catalogueRows()).toBe(before);
  });

  it("is written by its brand alone: another brand's id answers as a missing one, and others are refused", async () => {
    const before = await catalogueRows();
    const foreign = await upsert(cast.brandBAnalyst, gid("Brand", aurelia.id), [product({ sku: "B-WAS-HERE" })]);
    const missing = await upsert(cast.brandBAnalyst, gid("Brand", "00000000-0000-4000-8000-000000000000"), [product({ sku: "B-WAS-HERE" })]);
    expect(foreign.errors?.[0]).toMatchObject({ message: "Brand not found", extensions: { code: "NOT_FOUND" } });
    expect(foreign).toEqual(missing);
    const readOnlyKey = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    for (const persona of [cast.platformAnalyst, cast.brandAViewer, cast.investigator, readOnlyKey]) {
      expect((await upsert(persona, gid("Brand", aurelia.id), [product({ sku: "NOT-MINE" })])).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const writeKey = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ, Scope.CATALOGUE_WRITE]);
    expect((await upsert(writeKey, gid("Brand", aurelia.id), [product({ sku: "BY-KEY" })])).data?.upsertProducts).toMatchObject({ created: 1 });
    expect(await catalogueRows()).toBe(before + 1);
  });
});
