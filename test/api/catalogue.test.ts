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
    // Other tests of this file add to the catalogue too, before or after this one.
    const before = await catalogueRows();
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
    expect(await catalogueRows()).toBe(before + 2);

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
      product({ sku: "BAD-5", specs: { length: "38 cm", " length ": "40 cm" } }),
    ]);
    expect(response.errors?.[0]).toMatchObject({
      message:
        "6 of 7 products are invalid; nothing was saved: [1] msrp.amountMinor must be a whole number of minor units (cents, fen), from 1 to 1000000000000; " +
        "[2] logoHashes must be 64-bit hashes as 16 hex digits; [3] the same sku as item 0; [4] name must not be empty; [5] specs.capacity must be text, e.g. \"1TB\"; " +
        "[6] specs names length twice (its names are trimmed): give each spec once",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await catalogueRows()).toBe(before);
  });

  // A registered logo claims the listings that bear it, as a name does: another member's logo would
  // hand this one that member's listings, stores and cases. An image claims each logo within 10 bits
  // of it, so two logos up to 20 bits apart would both claim the images between them.
  it("refuses a logo another organization registered, or one within twice the logo distance of it, without naming whose, and saves nothing", async () => {
    const brandB = gid("Brand", cast.brandB.brand.id);
    const rowsOfB = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM product WHERE brand_id = $1`, [cast.brandB.brand.id]))[0].n);
    const before = await rowsOfB();
    // Aurelia's logo exactly, and with 3, 11 and 20 of its bits flipped (804a95d23ac181dc -> 804a95d23ac181db,
    // 804a95d23ac18623, 804a95d23ace7e23): an image 10 bits from both Aurelia's and the last would be both brands' case.
    for (const logoHash of ["804a95d23ac181dc", "804a95d23ac181db", "804a95d23ac18623", "804a95d23ace7e23"]) {
      const response = await upsert(cast.brandBAnalyst, brandB, [product({ sku: "B-1", logoHashes: ["1234567890abcdef"] }), product({ sku: "B-2", logoHashes: [logoHash] })]);
      expect(response.errors?.[0].extensions?.code).toBe("CONFLICT");
      expect(response.errors?.[0].message).toMatch(/^A logo hash in this call is within 20 bits of a logo another organization registered/);
      expect(response.errors?.[0].message).not.toMatch(/Aurelia|Brand Org A|AU-1/);
      expect(response.data).toBeNull();
    }
    expect(await rowsOfB()).toBe(before);
    // Far enough from it (21 bits: 804a95d23ac181dc -> 804a95d23ade7e23), and Aurelia's own organization, may.
    expect((await upsert(cast.brandBAnalyst, brandB, [product({ sku: "B-3", logoHashes: ["804a95d23ade7e23"] })])).errors).toBeUndefined();
    expect((await upsert(cast.brandAAnalyst, gid("Brand", aurelia.id), [product({ sku: "AU-2", logoHashes: ["804a95d23ac181dc"] })])).errors).toBeUndefined();
  });

  it("refuses a logo hash near a blank image's, which plain pictures of every brand hash to", async () => {
    const before = await catalogueRows();
    for (const logoHash of ["0000000000000000", "0000000000000003", "fffffffffffffffe"]) {
      const response = await upsert(cast.brandAAnalyst, gid("Brand", aurelia.id), [product({ sku: "BLANK-1", logoHashes: [logoHash] })]);
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
      expect(response.errors?.[0].message).toContain(`[0] logo ${logoHash} is within 10 bits of a blank image's hash`);
    }
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

describe("taking products out of a catalogue", () => {
  const REMOVE = `mutation($input: RemoveProductsInput!) { removeProducts(input: $input) { products { sku removedAt } } }`;
  const LIST = `query($filter: ProductFilter) { products(first: 100, filter: $filter) { totalCount edges { node { sku removedAt } } } }`;
  type Removed = { removeProducts: { products: { sku: string; removedAt: string }[] } };
  type Listed = { products: { totalCount: number; edges: { node: { sku: string; removedAt: string | null } }[] } };
  const remove = (persona: Persona, brandId: string, skus: string[]) => api.gql<Removed>(REMOVE, { input: { brandId, skus } }, persona.as);
  const listed = async (filter: Record<string, unknown> = {}) =>
    (await api.gql<Listed>(LIST, { filter: { brandIds: [gid("Brand", aurelia.id)], ...filter } }, cast.brandAAnalyst.as)).data!.products.edges.map((edge) => edge.node);
  const priceReasonsFor = async (title: string) => {
    const fake = listingRecord({ title, price: { amountMinor: 1_000, currency: "CNY" } });
    await api.gql(`mutation($l: [ListingInput!]!) { ingestListings(listings: $l) { inserted } }`, { l: [fake] }, cast.platformAnalyst.as);
    const [{ risk_signals: signals }] = await api.dataSource.query(`SELECT risk_signals FROM listing WHERE external_id = $1`, [fake.externalId]);
    return (signals as { kind: string; reason: string }[]).filter((s) => s.kind === "PRICE_ANOMALY").map((s) => s.reason);
  };

  it("stops the risk model measuring listings against them, keeps them readable and recorded, and takes them back when sent again", async () => {
    const brandId = gid("Brand", aurelia.id);
    expect((await upsert(cast.brandAAnalyst, brandId, [product({ sku: "RM-1", name: "Velvet Mittens", msrp: { amountMinor: 250_000, currency: "CNY" } })])).errors).toBeUndefined();
    expect(await priceReasonsFor("Aurelia RM-1 Velvet Mittens replica AAA")).toEqual(["price <1% of MSRP 2,500.00 CNY (RM-1 Velvet Mittens)"]);

    const removed = await remove(cast.brandAAnalyst, brandId, [" RM-1 "]);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeProducts.products).toEqual([{ sku: "RM-1", removedAt: expect.any(String) }]);
    expect(await priceReasonsFor("Aurelia RM-1 Velvet Mittens replica AAA")).not.toContainEqual(expect.stringContaining("RM-1"));
    expect((await listed()).map((node) => node.sku)).not.toContain("RM-1");
    expect(await listed({ includeRemoved: true })).toContainEqual({ sku: "RM-1", removedAt: removed.data!.removeProducts.products[0].removedAt });
    // The test below removes a product of this brand too, before or after this one.
    const [event] = await api.dataSource.query(
      `SELECT before FROM audit_event WHERE action = 'catalogue.remove' AND target_id = $1 AND before->'products' @> '[{"sku": "RM-1"}]'`,
      [aurelia.id],
    );
    expect(event.before.products).toEqual([expect.objectContaining({ sku: "RM-1", name: "Velvet Mittens", msrpMinor: 250_000, currency: "CNY" })]);

    const back = await upsert(cast.brandAAnalyst, brandId, [product({ sku: "RM-1", name: "Velvet Mittens", msrp: { amountMinor: 250_000, currency: "CNY" } })]);
    expect(back.data?.upsertProducts).toMatchObject({ created: 0, updated: 1 });
    expect(await listed({ sku: "RM-1" })).toEqual([{ sku: "RM-1", removedAt: null }]);
  });

  it("refuses a SKU the brand does not have, has removed, or names twice, naming each, and removes none", async () => {
    const brandId = gid("Brand", aurelia.id);
    await upsert(cast.brandAAnalyst, brandId, [product({ sku: "RM-2" }), product({ sku: "RM-3" })]);
    expect((await remove(cast.brandAAnalyst, brandId, ["RM-3"])).errors).toBeUndefined();
    const before = await api.dataSource.query(`SELECT sku, removed_at FROM product WHERE brand_id = $1 ORDER BY sku`, [aurelia.id]);
    const refused = await remove(cast.brandAAnalyst, brandId, ["RM-2", "NO-SUCH", "RM-2", "RM-3", "  "]);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^4 of 5 skus are invalid; nothing was removed: \[1\] Aurelia has no product of sku "NO-SUCH"; \[2\] the same sku as item 0; \[3\] sku RM-3 was already removed on .+; \[4\] Aurelia has no product of sku ""$/),
      extensions: { code: "BAD_USER_INPUT", itemErrors: [expect.objectContaining({ index: 1 }), expect.objectContaining({ index: 2 }), expect.objectContaining({ index: 3 }), expect.objectContaining({ index: 4 })] },
    });
    for (const skus of [[], Array.from({ length: 1001 }, (_, i) => `S-${i}`)]) {
      expect((await remove(cast.brandAAnalyst, brandId, skus)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(await api.dataSource.query(`SELECT sku, removed_at FROM product WHERE brand_id = $1 ORDER BY sku`, [aurelia.id])).toEqual(before);
  });

  it("is its brand's alone: another brand's id answers as a missing one, and others are refused", async () => {
    const before = await api.dataSource.query(`SELECT sku, removed_at FROM product WHERE brand_id = $1 ORDER BY sku`, [aurelia.id]);
    const foreign = await remove(cast.brandBAnalyst, gid("Brand", aurelia.id), ["AU-1"]);
    const missing = await remove(cast.brandBAnalyst, gid("Brand", "00000000-0000-4000-8000-000000000000"), ["AU-1"]);
    expect(foreign.errors?.[0]).toMatchObject({ message: "Brand not found", extensions: { code: "NOT_FOUND" } });
    expect(foreign).toEqual(missing);
    const readOnlyKey = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    for (const persona of [cast.platformAnalyst, cast.brandAViewer, cast.investigator, readOnlyKey]) {
      expect((await remove(persona, gid("Brand", aurelia.id), ["AU-1"])).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await api.dataSource.query(`SELECT sku, removed_at FROM product WHERE brand_id = $1 ORDER BY sku`, [aurelia.id])).toEqual(before);
  });
});
