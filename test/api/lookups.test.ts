import { Scope } from "../../src/auth/scopes";
import { createProduct, createSeller, createListing, createInfringement } from "../support/factories";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

const MISSING_UUID = "00000000-0000-4000-8000-000000000000";
const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

const node = (persona: Persona, typeName: string, id: string) => api.gql<{ node: { __typename: string; id: string } | null }>(NODE, { id: gid(typeName, id) }, persona.as);

describe("node(id:)", () => {
  it("finds what the viewer may see, by opaque global id", async () => {
    const response = await node(cast.brandAAnalyst, "Infringement", cast.infringementA.id);
    expect(response.data).toEqual({ node: { __typename: "Infringement", id: gid("Infringement", cast.infringementA.id) } });
    expect(gid("Infringement", cast.infringementA.id)).not.toContain(cast.infringementA.id);
  });

  it("answers everything else exactly as a missing id, for every node type", async () => {
    const foreign: [string, string][] = [
      ["Infringement", cast.infringementA.id],
      ["Listing", cast.listingOnlyA.id],
      ["Brand", cast.brandA.brand.id],
    ];
    for (const [typeName, id] of foreign) {
      const response = await node(cast.brandBAnalyst, typeName, id);
      const missing = await node(cast.brandBAnalyst, typeName, MISSING_UUID);
      expect(response).toEqual({ status: 200, data: { node: null } });
      expect(response).toEqual(missing);
    }
  });

  it("refuses a type the viewer may not read at all, whether or not the id exists", async () => {
    const catalogueKey = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    const existing = await node(catalogueKey, "Listing", cast.sharedListing.id);
    const missing = await node(catalogueKey, "Listing", MISSING_UUID);
    expect(existing.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(existing).toEqual(missing);
  });

  it("answers an agency null for a listing not referred to it, as for a missing one", async () => {
    const existing = await node(cast.investigator, "Listing", cast.sharedListing.id);
    const missing = await node(cast.investigator, "Listing", MISSING_UUID);
    expect(existing).toEqual({ status: 200, data: { node: null } });
    expect(existing).toEqual(missing);
  });

  it("refuses an id that is not one of ours", async () => {
    const response = await api.gql(NODE, { id: "not-an-id" }, cast.brandAAnalyst.as);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("listings and sellers are reached only through the viewer's infringements", () => {
  const LISTING = `query($id: ID!) { listing(id: $id) { id title riskScore seller { name } } }`;
  const SELLER = `query($id: ID!) { seller(id: $id) { id name strikeCount } }`;

  it("gives both brands the listing they share, and only brand A its own listing", async () => {
    for (const persona of [cast.brandAAnalyst, cast.brandBAnalyst, cast.platformAnalyst]) {
      const response = await api.gql(LISTING, { id: gid("Listing", cast.sharedListing.id) }, persona.as);
      expect(response.errors).toBeUndefined();
    }
    const foreign = await api.gql(LISTING, { id: gid("Listing", cast.listingOnlyA.id) }, cast.brandBAnalyst.as);
    const missing = await api.gql(LISTING, { id: gid("Listing", MISSING_UUID) }, cast.brandBAnalyst.as);
    expect(foreign.errors?.[0]).toMatchObject({ message: "Listing not found", extensions: { code: "NOT_FOUND" } });
    expect(foreign).toEqual(missing);
  });

  it("hides a seller that none of the viewer's infringements involve", async () => {
    const otherSeller = await createSeller(api.dataSource);
    const otherListing = await createListing(api.dataSource, otherSeller);
    await createInfringement(api.dataSource, cast.brandB.brand, otherListing);
    const visibleToB = await api.gql(SELLER, { id: gid("Seller", otherSeller.id) }, cast.brandBAnalyst.as);
    const foreignToA = await api.gql(SELLER, { id: gid("Seller", otherSeller.id) }, cast.brandAAnalyst.as);
    const missing = await api.gql(SELLER, { id: gid("Seller", MISSING_UUID) }, cast.brandAAnalyst.as);
    expect(visibleToB.errors).toBeUndefined();
    expect(foreignToA.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(foreignToA).toEqual(missing);
  });
});

describe("field rules", () => {
  const IDENTITY = `query($id: ID!) { seller(id: $id) { name registeredName contact paymentAccount } }`;
  const SIGNALS = `query($id: ID!) { listing(id: $id) { title riskSignals { reason } } }`;

  it("gives a seller's identity to the platform", async () => {
    const response = await api.gql(IDENTITY, { id: gid("Seller", cast.seller.id) }, cast.platformAnalyst.as);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      seller: {
        name: cast.seller.publicName,
        registeredName: "Yiwu Example Trading Co.",
        contact: "+86 138 0000 0000",
        paymentAccount: "6222 **** **** 1234",
      },
    });
  });

  it("refuses a seller's identity to the brands, field by field", async () => {
    const response = await api.gql(IDENTITY, { id: gid("Seller", cast.seller.id) }, cast.brandAAnalyst.as);
    expect(response.data).toEqual({
      seller: { name: cast.seller.publicName, registeredName: null, contact: null, paymentAccount: null },
    });
    expect(response.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["seller.registeredName", "FORBIDDEN"],
      ["seller.contact", "FORBIDDEN"],
      ["seller.paymentAccount", "FORBIDDEN"],
    ]);
    expect(JSON.stringify(response)).not.toContain("Yiwu");
  });

  it("keeps the listing-level explanation, which may name other brands, to the platform", async () => {
    const brand = await api.gql(SIGNALS, { id: gid("Listing", cast.sharedListing.id) }, cast.brandAAnalyst.as);
    expect(brand.data).toEqual({ listing: { title: cast.sharedListing.title, riskSignals: null } });
    expect(brand.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const platform = await api.gql(SIGNALS, { id: gid("Listing", cast.sharedListing.id) }, cast.platformAnalyst.as);
    expect(platform.data).toEqual({ listing: { title: cast.sharedListing.title, riskSignals: [{ reason: "platform-only explanation" }] } });
  });
});

describe("catalogue and organizations", () => {
  const PRODUCTS = `{ products(first: 10) { totalCount edges { node { sku msrp { formatted } brand { name } } } } }`;
  const BRANDS = `{ brands { name aliases owner { name } } }`;
  const ORGS = `{ organizations { name kind status } }`;

  it("gives each brand its own catalogue only", async () => {
    const productA = await createProduct(api.dataSource, cast.brandA.brand, { msrpMinor: 129_000 });
    await createProduct(api.dataSource, cast.brandB.brand);
    const response = await api.gql<{ products: { totalCount: number; edges: { node: unknown }[] } }>(PRODUCTS, {}, cast.brandAAnalyst.as);
    expect(response.data?.products).toEqual({
      totalCount: 1,
      edges: [{ node: { sku: productA.sku, msrp: { formatted: "1,290.00 CNY" }, brand: { name: cast.brandA.brand.name } } }],
    });
    const agency = await api.gql(PRODUCTS, {}, cast.investigator.as);
    expect(agency.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("gives each brand its own brands, and the platform all of them", async () => {
    const mine = await api.gql<{ brands: { name: string }[] }>(BRANDS, {}, cast.brandBAnalyst.as);
    expect(mine.data?.brands).toEqual([{ name: cast.brandB.brand.name, aliases: ["BB"], owner: { name: "Brand Org B" } }]);
    const all = await api.gql<{ brands: { name: string }[] }>(BRANDS, {}, cast.platformAnalyst.as);
    expect(all.data?.brands.map((b) => b.name).sort()).toEqual([cast.brandA.brand.name, cast.brandB.brand.name].sort());
  });

  it("shows every member the public fields of every organization", async () => {
    const key = await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]);
    for (const persona of [cast.brandAViewer, cast.investigator, key]) {
      const response = await api.gql<{ organizations: { name: string }[] }>(ORGS, {}, persona.as);
      expect(response.errors).toBeUndefined();
      expect(response.data?.organizations.map((o) => o.name)).toEqual(["Agency", "Brand Org A", "Brand Org B", "Platform"]);
    }
  });
});

describe("infringement notes", () => {
  const ADD = `mutation($input: AddInfringementNoteInput!) { addInfringementNote(input: $input) { body authorName } }`;

  it("adds a note to the owner's infringement, and refuses another brand's as missing", async () => {
    const own = await api.gql(ADD, { input: { infringementId: gid("Infringement", cast.infringementA.id), body: "seen again" } }, cast.brandAAnalyst.as);
    expect(own.data).toEqual({ addInfringementNote: { body: "seen again", authorName: expect.stringContaining("ANALYST") } });
    const foreign = await api.gql(ADD, { input: { infringementId: gid("Infringement", cast.infringementBShared.id), body: "x" } }, cast.brandAAnalyst.as);
    const missing = await api.gql(ADD, { input: { infringementId: gid("Infringement", MISSING_UUID), body: "x" } }, cast.brandAAnalyst.as);
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(foreign).toEqual(missing);
    const notesOfB = await api.dataSource.query(`SELECT count(*)::int AS n FROM infringement_note WHERE infringement_id = $1`, [cast.infringementBShared.id]);
    expect(notesOfB[0].n).toBe(0);
  });

  it("refuses an empty note", async () => {
    const response = await api.gql(ADD, { input: { infringementId: gid("Infringement", cast.infringementA.id), body: "   " } }, cast.brandAAnalyst.as);
    expect(response.errors?.[0]).toMatchObject({ message: "`body` must not be empty", extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("listingsByExternalId", () => {
  const LOOKUP = `query($m: Marketplace!, $ids: [String!]!) { listingsByExternalId(marketplace: $m, externalIds: $ids) { id title } }`;
  type Found = { listingsByExternalId: ({ id: string; title: string } | null)[] };
  const lookUpAs = (persona: Persona, ids: string[], m = "TAOBAO") => api.gql<Found>(LOOKUP, { m, ids }, persona.as);

  it("finds listings by the marketplace's ids in the order given; one the viewer cannot reach answers as a missing one", async () => {
    const onlyA = cast.listingOnlyA;
    const asPlatform = await lookUpAs(cast.platformAnalyst, ["no-such-item", onlyA.externalId, cast.sharedListing.externalId]);
    expect(asPlatform.errors).toBeUndefined();
    expect(asPlatform.data!.listingsByExternalId).toEqual([
      null,
      { id: gid("Listing", onlyA.id), title: onlyA.title },
      { id: gid("Listing", cast.sharedListing.id), title: cast.sharedListing.title },
    ]);
    // Brand B has a case on the shared listing only; A's listing is as missing to it as no listing at all.
    const asB = await lookUpAs(cast.brandBAnalyst, [onlyA.externalId, cast.sharedListing.externalId]);
    expect(asB.data!.listingsByExternalId).toEqual([null, { id: gid("Listing", cast.sharedListing.id), title: cast.sharedListing.title }]);
    expect(await lookUpAs(cast.brandBAnalyst, [onlyA.externalId])).toEqual(await lookUpAs(cast.brandBAnalyst, ["no-such-item"]));
    // An agency with nothing referred to it reaches no listing.
    expect((await lookUpAs(cast.investigator, [onlyA.externalId, cast.sharedListing.externalId])).data!.listingsByExternalId).toEqual([null, null]);
    // On another marketplace the same ids are other listings.
    expect((await lookUpAs(cast.platformAnalyst, [onlyA.externalId], "TMALL")).data!.listingsByExternalId).toEqual([null]);
  });

  it("refuses no ids, or more than a page of them, and keys without infringements:read", async () => {
    for (const ids of [[], Array.from({ length: 101 }, (_, i) => `item-${i}`)]) {
      expect((await lookUpAs(cast.platformAnalyst, ids)).errors?.[0]).toMatchObject({ message: "Give 1 to 100 `externalIds`", extensions: { code: "BAD_USER_INPUT" } });
    }
    const key = await cast.keyFor(cast.brandA.org, [Scope.INTEL_READ]);
    expect((await lookUpAs(key, [cast.listingOnlyA.externalId])).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
