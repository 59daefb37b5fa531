import { UserRole } from "../../src/entities/enums";
import type { Brand } from "../../src/entities";
import { createProduct } from "../support/factories";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { createCatalogueBrand } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";

// A product taken out of a catalogue: where it is still read (its own brand's, by asking), where
// it is not (anyone else), and what the list's cursors and filters make of it.

let api: TestApi;
let cast: Cast;
let aurelia: Brand;
let brandBAdmin: Persona;

const REMOVE = `mutation($input: RemoveProductsInput!) { removeProducts(input: $input) { products { id sku removedAt } } }`;
const LIST = `query($filter: ProductFilter, $after: String) { products(first: 2, after: $after, filter: $filter) {
  totalCount edges { cursor node { sku removedAt } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Product { sku removedAt } } }`;
const AUDIT = `query($filter: AuditEventFilter) { auditEvents(first: 50, filter: $filter) { edges { node { action targetId } } } }`;
type Listed = { products: { totalCount: number; edges: { cursor: string; node: { sku: string; removedAt: string | null } }[] } };
type Removed = { removeProducts: { products: { id: string; sku: string; removedAt: string }[] } };

let removed: Removed["removeProducts"]["products"];

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  brandBAdmin = await cast.userOf(cast.brandB.org, UserRole.ADMIN);
  aurelia = await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
  for (const sku of ["AU-2", "AU-3", "AU-4"]) await createProduct(api.dataSource, aurelia, { sku, name: `Scarf ${sku}`, logoHashes: [] });
  const response = await api.gql<Removed>(REMOVE, { input: { brandId: gid("Brand", aurelia.id), skus: ["AU-2", "AU-3"] } }, cast.brandAAnalyst.as);
  expect(response.errors).toBeUndefined();
  removed = response.data!.removeProducts.products;
});
afterAll(() => api.close());

const list = (filter: Record<string, unknown>, after?: string) =>
  api.gql<Listed>(LIST, { filter: { brandIds: [gid("Brand", aurelia.id)], ...filter }, after }, cast.brandAAnalyst.as);

describe("a removed product", () => {
  it("is listed only when asked for, and a cursor of the list with removed products is refused without them", async () => {
    const all = await list({ includeRemoved: true });
    expect(all.data!.products.totalCount).toBe(4);
    expect(all.data!.products.edges.map((edge) => edge.node.sku)).toEqual(["AU-1", "AU-2"]);
    const current = await list({});
    expect(current.data!.products.totalCount).toBe(2);
    // includeRemoved: false is the default, and its cursors work for either.
    const page = await list({ includeRemoved: false });
    expect((await list({}, page.data!.products.edges[0].cursor)).data!.products.edges.map((edge) => edge.node.sku)).toEqual(["AU-4"]);
    // After AU-1 in the longer list, without removed products, would begin part-way through another.
    const mixed = await list({}, all.data!.products.edges[0].cursor);
    expect(mixed.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(mixed.errors?.[0].message).toMatch(/not a cursor of this list with these filters/);
  });

  it("is read by node(id:) by its own brand, with when it was removed, and by no other member", async () => {
    const [{ id, removedAt }] = removed;
    expect((await api.gql(NODE, { id }, cast.brandAViewer.as)).data).toEqual({ node: { sku: "AU-2", removedAt } });
    const foreign = await api.gql(NODE, { id }, cast.brandBAnalyst.as);
    const missing = await api.gql(NODE, { id: gid("Product", "00000000-0000-4000-8000-000000000000") }, cast.brandBAnalyst.as);
    expect(foreign).toEqual(missing);
  });

  it("is recorded in the audit log its own admins read, and that no other member reads", async () => {
    const filter = { actions: ["catalogue.remove"] };
    const own = await api.gql<{ auditEvents: { edges: { node: { action: string; targetId: string } }[] } }>(AUDIT, { filter }, cast.brandAAdmin.as);
    expect(own.data!.auditEvents.edges.map((edge) => edge.node)).toEqual([{ action: "catalogue.remove", targetId: gid("Brand", aurelia.id) }]);
    const other = await api.gql<{ auditEvents: { edges: unknown[] } }>(AUDIT, { filter }, brandBAdmin.as);
    expect(other.data!.auditEvents.edges).toEqual([]);
  });
});

describe("the products filter", () => {
  it("refuses a SKU or category of spaces, as an empty one: no product has one, and the list would read as none", async () => {
    for (const filter of [{ sku: "  " }, { category: " " }, { sku: "" }]) {
      const refused = await list(filter);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    }
  });
});
