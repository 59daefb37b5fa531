import { Marketplace, OrgKind, SellerStatus, UserRole } from "../../src/entities/enums";
import type { Brand, Seller } from "../../src/entities";
import { createBrand, createInfringement, createListing, createOrganization, createSeller } from "../support/factories";
import { createCast, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Brand A has cases on five stores (risk 90, 70, 70, 40 and a CLOSED one at 95 on TMALL) besides
// the cast's; brand B has a case on a store of its own (risk 99) and one on A's A-90. The stores
// list shows each brand the stores of its own cases, and nothing else.
let api: TestApi;
let cast: Cast;
let otherBrand: Persona;

const LIST = `query($first: Int, $after: String, $filter: SellerFilter, $orderBy: SellerOrder) {
  sellers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount edges { node { id name riskScore strikeCount status marketplace } } pageInfo { hasNextPage endCursor } } }`;
type Page = { sellers: { totalCount: number; edges: { node: { id: string; name: string; riskScore: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  const db = api.dataSource;
  const stores = new Map<string, Seller>();
  for (const [name, riskScore, strikeCount, extra] of [
    ["A-90", 90, 1, {}],
    ["A-70a", 70, 3, {}],
    ["A-70b", 70, 0, {}],
    ["A-40", 40, 0, {}],
    ["A-closed", 95, 5, { status: SellerStatus.CLOSED, marketplace: Marketplace.TMALL }],
    ["B-only", 99, 2, {}],
  ] as const) {
    stores.set(name, await createSeller(db, { publicName: name, riskScore, strikeCount, ...extra }));
  }
  const caseOn = async (brand: Brand, store: string) => createInfringement(db, brand, await createListing(db, stores.get(store)!));
  for (const name of ["A-90", "A-70a", "A-70b", "A-40", "A-closed"]) await caseOn(cast.brandA.brand, name);
  await caseOn(cast.brandB.brand, "B-only");
  await caseOn(cast.brandB.brand, "A-90");
  const brandC = await createOrganization(db, OrgKind.BRAND, "Sellers test brand C");
  await createBrand(db, brandC);
  otherBrand = await userPersona(api, brandC, UserRole.ANALYST);
});
afterAll(() => api.close());

const list = (persona: Persona, variables: Record<string, unknown> = {}) => api.gql<Page>(LIST, { first: 50, ...variables }, persona.as);
const namesOf = (page: { data?: Page | null }) => page.data!.sellers.edges.map((edge) => edge.node.name);

describe("sellers", () => {
  it("lists the stores of a brand's own cases, riskiest first, and none of another brand's", async () => {
    const asA = await list(cast.brandAAnalyst);
    expect(asA.errors).toBeUndefined();
    // Its five, and the cast's store of its other cases (risk 50).
    expect([...namesOf(asA)].sort()).toEqual(["A-40", "A-70a", "A-70b", "A-90", "A-closed", cast.seller.publicName].sort());
    expect(asA.data!.sellers.totalCount).toBe(6);
    const scores = asA.data!.sellers.edges.map((edge) => edge.node.riskScore);
    expect(scores).toEqual([95, 90, 70, 70, 50, 40]);
    // B: its own store and the one it shares a case on with A; C, with no case, none.
    expect([...namesOf(await list(cast.brandBAnalyst))].sort()).toEqual(["A-90", "B-only", cast.seller.publicName].sort());
    expect((await list(otherBrand)).data!.sellers).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("filters by status, marketplace and risk score, together with any order, and pages without a gap or a repeat", async () => {
    const closed = await list(cast.brandAAnalyst, { filter: { statuses: ["CLOSED"] } });
    expect(namesOf(closed)).toEqual(["A-closed"]);
    const onTaobao = await list(cast.brandAAnalyst, { filter: { marketplaces: ["TAOBAO"], minRiskScore: 70 }, orderBy: { field: "STRIKE_COUNT", direction: "DESC" } });
    expect(namesOf(onTaobao)).toEqual(["A-70a", "A-90", "A-70b"]);
    // Two pages of two and one, by risk ascending, ties (70, 70) broken the same way every time.
    const all = namesOf(await list(cast.brandAAnalyst, { orderBy: { field: "RISK_SCORE", direction: "ASC" } }));
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const page = await list(cast.brandAAnalyst, { first: 2, after, orderBy: { field: "RISK_SCORE", direction: "ASC" } });
      expect(page.errors).toBeUndefined();
      paged.push(...namesOf(page));
      after = page.data!.sellers.pageInfo.hasNextPage ? page.data!.sellers.pageInfo.endCursor : undefined;
    } while (after);
    expect(paged).toEqual(all);
    const bad = await list(cast.brandAAnalyst, { filter: { minRiskScore: 101 } });
    expect(bad.errors?.[0]).toMatchObject({ message: "`minRiskScore` must be between 0 and 100", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("finds a store by part of its name, in any case, or by the marketplace's id, within the viewer's stores only", async () => {
    const names = async (filter: Record<string, unknown>, persona: Persona = cast.brandAAnalyst) =>
      ((await api.gql<Page>(LIST, { first: 50, filter }, persona.as)).data?.sellers.edges.map((edge) => edge.node.name) ?? []).sort();
    expect(await names({ nameContains: "a-70" })).toEqual(["A-70a", "A-70b"]);
    // B's own store is none of A's, whatever the name asked.
    expect(await names({ nameContains: "b-only" })).toEqual([]);
    expect(await names({ nameContains: "b-only" }, cast.brandBAnalyst)).toEqual(["B-only"]);
    // A % or _ in the name asked is a letter, not a wildcard.
    expect(await names({ nameContains: "A-%" })).toEqual([]);
    // The cast's own store has a random name, so what is asked here can be in no such name.
    expect(await names({ nameContains: "a-70", statuses: ["ACTIVE"] })).toEqual(["A-70a", "A-70b"]);
    expect(await names({ nameContains: "a-70", statuses: ["CLOSED"] })).toEqual([]);
    const [{ external_id: externalId }] = await api.dataSource.query(`SELECT external_id FROM seller WHERE public_name = 'A-40'`);
    expect(await names({ externalIds: [externalId, "no-such-store"] })).toEqual(["A-40"]);
    expect(await names({ externalIds: [externalId] }, otherBrand)).toEqual([]);
    for (const filter of [{ nameContains: "  " }, { nameContains: "x".repeat(101) }, { externalIds: [] }]) {
      expect((await api.gql(LIST, { first: 5, filter }, cast.brandAAnalyst.as)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("gives the platform every store, and an agency only those referred to it", async () => {
    const closed = await list(cast.platformAnalyst, { filter: { statuses: ["CLOSED"] } });
    expect(namesOf(closed)).toContain("A-closed");
    expect((await list(cast.investigator)).data!.sellers.totalCount).toBe(0);
    const key = await cast.keyFor(cast.brandA.org, []);
    expect((await list(key)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
