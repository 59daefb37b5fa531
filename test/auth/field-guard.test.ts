import { createInfringement, createListing, createSeller } from "../support/factories";
import { createCast, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// The permission map applied to many rows at once: a rule is settled by a field's first instance
// in a request and applied to every other one, so each refused instance must still get its own
// error at its own path, and an allowed field must resolve on every row.

let api: TestApi;
let cast: Cast;

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  for (let i = 0; i < 3; i++) {
    const seller = await createSeller(api.dataSource, { contact: `+86 138 0000 000${i}` });
    await createInfringement(api.dataSource, cast.brandA.brand, await createListing(api.dataSource, seller));
  }
});
afterAll(() => api.close());

const SELLER_CONTACTS = `{ infringements(first: 10) { edges { node { seller { name contact } } } } }`;

describe("the permission map over many rows", () => {
  it("refuses a field on every row, each with its own error and path, and keeps the allowed fields", async () => {
    const response = await api.gql<{ infringements: { edges: { node: { seller: { name: string; contact: string | null } } }[] } }>(
      SELLER_CONTACTS,
      {},
      cast.brandAAnalyst.as,
    );
    const rows = response.data?.infringements.edges ?? [];
    expect(rows.length).toBe(5);
    expect(rows.every((row) => typeof row.node.seller.name === "string" && row.node.seller.contact === null)).toBe(true);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(rows.map(() => "FORBIDDEN"));
    expect(response.errors?.map((e) => e.path)).toEqual(rows.map((_, i) => ["infringements", "edges", i, "node", "seller", "contact"]));
  });

  it("lets the platform read the same field on every row", async () => {
    const response = await api.gql<{ infringements: { edges: { node: { seller: { contact: string | null } } }[] } }>(
      SELLER_CONTACTS,
      {},
      cast.platformAnalyst.as,
    );
    expect(response.errors).toBeUndefined();
    const contacts = response.data?.infringements.edges.map((row) => row.node.seller.contact) ?? [];
    expect(contacts.length).toBeGreaterThanOrEqual(6);
    expect(contacts.every((contact) => typeof contact === "string")).toBe(true);
  });

  it("decides per request: one viewer's outcome is not another's", async () => {
    const [brand, platform] = await Promise.all([
      api.gql(SELLER_CONTACTS, {}, cast.brandAAnalyst.as),
      api.gql(SELLER_CONTACTS, {}, cast.platformAnalyst.as),
    ]);
    expect(brand.errors?.every((e) => e.extensions?.code === "FORBIDDEN")).toBe(true);
    expect(platform.errors).toBeUndefined();
  });
});
