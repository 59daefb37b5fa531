import type { Brand } from "../../src/entities";
import { InfringementStatus, OrgKind, UserRole } from "../../src/entities/enums";
import { CREATE_REFERRAL, dataOf } from "../support/enforcement";
import { createBrand, createInfringement, createListing, createOrganization, createSeller } from "../support/factories";
import { gid, userPersona, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// referrals(filter: { brandIds, sellerIds }) for each kind of viewer. Member one owns two brands (first,
// second), member two one (third). Sent to agency one: `shared`, a case of first and a case of
// third; `ofSecond`, a case of second. Sent to agency two: `elsewhere`, a case of third. A member
// sees `shared` but only its own case in it, so the filter must not match on the other member's.
let api: TestApi;
let platform: Persona;
let memberOne: Persona;
let memberTwo: Persona;
let agencyOne: Persona;
let agencyTwo: Persona;
const brands: Record<"first" | "second" | "third", Brand> = {} as never;
const referrals: Record<"shared" | "ofSecond" | "elsewhere", string> = {} as never;
const MADE_UP_BRAND = gid("Brand", "00000000-0000-4000-8000-000000000000");
const stores: Record<"firstShared" | "thirdShared" | "second" | "thirdElsewhere", string> = {} as never;

beforeAll(async () => {
  api = await startTestApi();
  const db = api.dataSource;
  platform = await userPersona(api, await createOrganization(db, OrgKind.PLATFORM, "Platform"), UserRole.ANALYST);
  const orgOne = await createOrganization(db, OrgKind.BRAND, "Member with two brands");
  const orgTwo = await createOrganization(db, OrgKind.BRAND, "Member with one brand");
  const agencyOneOrg = await createOrganization(db, OrgKind.AGENCY, "Agency one");
  const agencyTwoOrg = await createOrganization(db, OrgKind.AGENCY, "Agency two");
  memberOne = await userPersona(api, orgOne, UserRole.ANALYST);
  memberTwo = await userPersona(api, orgTwo, UserRole.ANALYST);
  agencyOne = await userPersona(api, agencyOneOrg, UserRole.INVESTIGATOR);
  agencyTwo = await userPersona(api, agencyTwoOrg, UserRole.INVESTIGATOR);
  brands.first = await createBrand(db, orgOne);
  brands.second = await createBrand(db, orgOne);
  brands.third = await createBrand(db, orgTwo);
  // Each case against a store of its own, named for the referral and brand.
  const caseOf = async (brand: Brand, store: keyof typeof stores) => {
    const seller = await createSeller(db);
    stores[store] = gid("Seller", seller.id);
    return gid("Infringement", (await createInfringement(db, brand, await createListing(db, seller), { status: InfringementStatus.CONFIRMED })).id);
  };
  const refer = async (agencyId: string, ids: string[]) =>
    dataOf(await api.gql<{ createReferral: { id: string } }>(CREATE_REFERRAL, { agencyId: gid("Organization", agencyId), ids }, platform.as)).createReferral.id;
  referrals.shared = await refer(agencyOneOrg.id, [await caseOf(brands.first, "firstShared"), await caseOf(brands.third, "thirdShared")]);
  referrals.ofSecond = await refer(agencyOneOrg.id, [await caseOf(brands.second, "second")]);
  referrals.elsewhere = await refer(agencyTwoOrg.id, [await caseOf(brands.third, "thirdElsewhere")]);
});
afterAll(() => api.close());

const LIST = `query($filter: ReferralFilter) { referrals(first: 50, filter: $filter) { totalCount edges { node { id } } } }`;
type Listed = { referrals: { totalCount: number; edges: { node: { id: string } }[] } };
const filterBy = (names: (keyof typeof brands | "madeUp")[]) => ({
  filter: { brandIds: names.map((name) => (name === "madeUp" ? MADE_UP_BRAND : gid("Brand", brands[name].id))) },
});
const list = (viewer: Persona, names: (keyof typeof brands | "madeUp")[]) => api.gql<Listed>(LIST, filterBy(names), viewer.as);

// The referrals read, by name, with the count checked against them.
async function named(viewer: Persona, names: (keyof typeof brands | "madeUp")[]) {
  return namedBy(viewer, filterBy(names).filter);
}

async function namedBy(viewer: Persona, filter: Record<string, unknown>) {
  const { referrals: page } = dataOf(await api.gql<Listed>(LIST, { filter }, viewer.as));
  expect(page.totalCount).toBe(page.edges.length);
  const byId = new Map(Object.entries(referrals).map(([name, id]) => [id, name]));
  return page.edges.map((edge) => byId.get(edge.node.id) ?? edge.node.id).sort();
}

describe("referrals by brand", () => {
  it("give a member with several brands the referrals holding its cases of the brands asked", async () => {
    expect(await named(memberOne, ["first"])).toEqual(["shared"]);
    expect(await named(memberOne, ["second"])).toEqual(["ofSecond"]);
    expect(await named(memberOne, ["first", "second"])).toEqual(["ofSecond", "shared"]);
    expect(await named(memberTwo, ["third"])).toEqual(["elsewhere", "shared"]);
  });

  it("read nothing for another member's brand, even in a referral holding a case of both: exactly as a made-up brand id", async () => {
    // `shared` holds a case of third, which member one cannot see: its filter answers as if not.
    const foreign = await list(memberOne, ["third"]);
    expect(foreign).toEqual({ status: 200, data: { referrals: { totalCount: 0, edges: [] } } });
    expect(foreign).toEqual(await list(memberOne, ["madeUp"]));
    expect(await list(memberOne, ["first", "third"])).toEqual(await list(memberOne, ["first", "madeUp"]));
    const fromTwo = await list(memberTwo, ["first", "second"]);
    expect(fromTwo).toEqual({ status: 200, data: { referrals: { totalCount: 0, edges: [] } } });
    expect(fromTwo).toEqual(await list(memberTwo, ["madeUp"]));
  });

  it("give an agency those sent to it holding a case of the brands, any member's", async () => {
    expect(await named(agencyOne, ["third"])).toEqual(["shared"]);
    expect(await named(agencyOne, ["first"])).toEqual(["shared"]);
    expect(await named(agencyOne, ["second", "third"])).toEqual(["ofSecond", "shared"]);
    expect(await named(agencyTwo, ["third"])).toEqual(["elsewhere"]);
    expect(await list(agencyTwo, ["first", "second"])).toEqual(await list(agencyTwo, ["madeUp"]));
  });

  it("give the platform every referral holding a case of the brands", async () => {
    expect(await named(platform, ["third"])).toEqual(["elsewhere", "shared"]);
    expect(await named(platform, ["first", "second"])).toEqual(["ofSecond", "shared"]);
    expect(await named(platform, ["madeUp"])).toEqual([]);
  });

  it("refuses an id that is not a brand's", async () => {
    const notABrand = referrals.shared;
    const response = await api.gql(LIST, { filter: { brandIds: [notABrand] } }, platform.as);
    expect(response.errors?.[0]).toMatchObject({ message: `"${notABrand}" is not an ID of a Brand`, extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("referrals by store", () => {
  const MADE_UP_STORE = gid("Seller", "00000000-0000-4000-8000-000000000000");
  const byStores = (viewer: Persona, names: (keyof typeof stores)[]) => namedBy(viewer, { sellerIds: names.map((name) => stores[name]) });

  it("give a member the referrals that named a store in its own cases, never in another member's", async () => {
    expect(await byStores(memberOne, ["firstShared"])).toEqual(["shared"]);
    expect(await byStores(memberTwo, ["thirdShared", "thirdElsewhere"])).toEqual(["elsewhere", "shared"]);
    // `shared` names the store of member two's case too: member one reads as for a made-up store.
    const foreign = await api.gql<Listed>(LIST, { filter: { sellerIds: [stores.thirdShared] } }, memberOne.as);
    expect(foreign).toEqual({ status: 200, data: { referrals: { totalCount: 0, edges: [] } } });
    expect(foreign).toEqual(await api.gql<Listed>(LIST, { filter: { sellerIds: [MADE_UP_STORE] } }, memberOne.as));
  });

  it("combine with brandIds on the same case", async () => {
    expect(await namedBy(memberOne, { brandIds: [gid("Brand", brands.first.id)], sellerIds: [stores.firstShared] })).toEqual(["shared"]);
    expect(await namedBy(memberOne, { brandIds: [gid("Brand", brands.second.id)], sellerIds: [stores.firstShared] })).toEqual([]);
  });

  it("give an agency and the platform the referrals that named the store, sent to it or any", async () => {
    expect(await byStores(agencyOne, ["thirdShared", "thirdElsewhere"])).toEqual(["shared"]);
    expect(await byStores(agencyTwo, ["thirdShared", "thirdElsewhere"])).toEqual(["elsewhere"]);
    expect(await byStores(platform, ["thirdShared", "thirdElsewhere", "second"])).toEqual(["elsewhere", "ofSecond", "shared"]);
  });
});
