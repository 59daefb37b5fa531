import { createInfringement, createListing, createSeller } from "../support/factories";
import { createCast, gid, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// A field that leads to a listing or a seller loads a brief row (without its large columns) unless
// its selection asks for one of them; asked for directly or through any fragment, they are there.
let api: TestApi;
let cast: Cast;
let infringementId: string;

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  const seller = await createSeller(api.dataSource, { statusReason: "three strikes" });
  const listing = await createListing(api.dataSource, seller, {
    title: "AA replica tote",
    description: "Mirror quality, \"1:1\" \\ with box",
    specs: { capacity: "30 L", colour: "noir" },
    imageHashes: ["8f3c2a1b4d5e6f70"],
  });
  infringementId = (await createInfringement(api.dataSource, cast.brandA.brand, listing)).id;
});
afterAll(() => api.close());

const LISTING_DETAIL = "description specs imageHashes riskSignals { kind contribution reason }";
const SELLER_DETAIL = "riskSignals { kind } statusReason registeredName contact paymentAccount";

// Through node(id:), which always loads whole rows.
async function wholeRows() {
  const response = await api.gql<{ infringement: { listing: { id: string; seller: { id: string } } } }>(
    `query($id: ID!) { infringement(id: $id) { listing { id seller { id } } } }`,
    { id: gid("Infringement", infringementId) },
    cast.platformAnalyst.as,
  );
  const { listing } = response.data!.infringement;
  const node = async (id: string, type: string, fields: string) =>
    (await api.gql<{ node: Record<string, unknown> }>(`query($id: ID!) { node(id: $id) { ... on ${type} { ${fields} } } }`, { id }, cast.platformAnalyst.as)).data!
      .node;
  return { listing: await node(listing.id, "Listing", LISTING_DETAIL), seller: await node(listing.seller.id, "Seller", SELLER_DETAIL) };
}

describe("brief rows of listings and sellers", () => {
  it("leaves the large columns out of the SQL when no field asks for them", async () => {
    api.statements.reset();
    const response = await api.gql(
      `query($id: ID!) { infringement(id: $id) { listing { title seller { name riskScore } } seller { name } } }`,
      { id: gid("Infringement", infringementId) },
      cast.brandAAnalyst.as,
    );
    expect(response.errors).toBeUndefined();
    const listingSql = api.statements.statements.filter((sql) => /FROM "listing"/.test(sql));
    const sellerSql = api.statements.statements.filter((sql) => /FROM "seller"/.test(sql));
    expect(listingSql).toHaveLength(1);
    expect(sellerSql).toHaveLength(1);
    expect(listingSql[0]).not.toMatch(/description|risk_signals|image_hashes|specs|fingerprint/);
    expect(sellerSql[0]).not.toMatch(/risk_signals|registered_name|contact|payment_account|status_reason/);
  });

  it.each([
    ["directly", `listing { ${LISTING_DETAIL} seller { ${SELLER_DETAIL} } }`, ""],
    ["through an inline fragment", `listing { ... on Listing { ${LISTING_DETAIL} seller { ... on Seller { ${SELLER_DETAIL} } } } }`, ""],
    ["through a named fragment", `listing { ...ListingDetail }`, `fragment ListingDetail on Listing { ${LISTING_DETAIL} seller { ${SELLER_DETAIL} } }`],
  ])("gives every detail asked for %s, as node(id:) gives it", async (_way, selection, fragments) => {
    const response = await api.gql<{ infringement: { listing: Record<string, unknown> & { seller: Record<string, unknown> } } }>(
      `query($id: ID!) { infringement(id: $id) { ${selection} } } ${fragments}`,
      { id: gid("Infringement", infringementId) },
      cast.platformAnalyst.as,
    );
    expect(response.errors).toBeUndefined();
    const { seller, ...listing } = response.data!.infringement.listing;
    const whole = await wholeRows();
    expect(listing).toEqual(whole.listing);
    expect(seller).toEqual(whole.seller);
    expect(listing).toMatchObject({ description: 'Mirror quality, "1:1" \\ with box', specs: { capacity: "30 L", colour: "noir" } });
    expect(seller).toMatchObject({ statusReason: "three strikes", contact: "+86 138 0000 0000" });
  });

  it("gives another brand through its own case on the same listing no more than whole rows do", async () => {
    const viaBrief = await api.gql(
      `query($id: ID!) { infringement(id: $id) { listing { title riskSignals { reason } seller { name contact } } } }`,
      { id: gid("Infringement", cast.infringementBShared.id) },
      cast.brandBAnalyst.as,
    );
    expect(viaBrief.data).toEqual({
      infringement: { listing: { title: cast.sharedListing.title, riskSignals: null, seller: { name: cast.seller.publicName, contact: null } } },
    });
    expect(viaBrief.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["infringement.listing.riskSignals", "FORBIDDEN"],
      ["infringement.listing.seller.contact", "FORBIDDEN"],
    ]);
    expect(JSON.stringify(viaBrief)).not.toContain("platform-only explanation");
  });

  it.each([
    ["another brand", () => cast.brandBAnalyst],
    ["an agency it was not referred to", () => cast.investigator],
  ])("answers %s asking for an infringement's listing details exactly as for a missing id", async (_who, persona) => {
    const ask = (id: string) =>
      api.gql(`query($id: ID!) { infringement(id: $id) { listing { title ${LISTING_DETAIL} seller { name } } } }`, { id }, persona().as);
    const foreign = await ask(gid("Infringement", infringementId));
    const missing = await ask(gid("Infringement", "00000000-0000-4000-8000-000000000000"));
    expect(foreign.data).toBeNull();
    expect(foreign.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(JSON.stringify(foreign)).toBe(JSON.stringify(missing));
  });
});
