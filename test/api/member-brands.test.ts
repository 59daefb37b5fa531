import { OrgKind, OrgStatus, UserRole } from "../../src/entities/enums";
import { Brand } from "../../src/entities";
import { fromGlobalId } from "../../src/schema/global-id";
import { createOrganization, createProduct } from "../support/factories";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";
import { serverUrl } from "../support/test-env";

// The names a brand is matched by decide which listings become its cases, so the platform keeps
// a member's brands after it joined: a member's admin may not add a brand or an alias, and no name
// may read as another brand's.

let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
let aurelia: Brand;

const ADD = `mutation($input: AddMemberBrandInput!) { addMemberBrand(input: $input) { id name aliases owner { name } } }`;
const SET = `mutation($input: SetBrandAliasesInput!) { setBrandAliases(input: $input) { id name aliases } }`;
const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted infringementsCreated } }`;

beforeAll(async () => {
  // The default cap leaves room for every brand these tests add; the cap's own test fills one of its own.
  api = await startTestApi();
  cast = await createCast(api);
  platformAdmin = await cast.userOf((await api.dataSource.query(`SELECT o.* FROM organization o WHERE kind = 'PLATFORM'`))[0], UserRole.ADMIN);
  aurelia = await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
  await createCatalogueBrand(api.dataSource, cast.brandB.org, "Borealis", ["Borealys"], { sku: "BO-1", name: "Crystal Ring", logoHash: "ffff0000ffff0000" });
});
afterAll(() => api.close());

const addBrand = (persona: Persona, organizationId: string, name: string, aliases: string[] = []) =>
  api.gql<{ addMemberBrand: { id: string; name: string; aliases: string[] } }>(ADD, { input: { organizationId, name, aliases } }, persona.as);
const brandCount = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM brand`))[0].n);
const setAliases = (persona: Persona, brandId: string, aliases: string[]) => api.gql(SET, { input: { brandId, aliases } }, persona.as);
const aliasesOf = async (id: string) => (await api.dataSource.query(`SELECT aliases FROM brand WHERE id = $1`, [id]))[0].aliases as string[];
const auditCount = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM audit_event WHERE action = 'brand.aliases'`))[0].n);
// A fake that names the brand only in Chinese.
const fakeInChinese = () => listingRecord({ title: "奥瑞莉亚 Silk Scarf replica AAA 1:1", price: { amountMinor: 5_000, currency: "CNY" } });
const ingest = async (record: Record<string, unknown>) => {
  const response = await api.gql<{ ingestListings: { inserted: number; infringementsCreated: number } }>(INGEST, { listings: [record] }, cast.platformAnalyst.as);
  expect(response.errors).toBeUndefined();
  return response.data!.ingestListings;
};

describe("setBrandAliases", () => {
  it("lets the platform add a name, by which the next ingest matches listings, and records it", async () => {
    expect(await ingest(fakeInChinese())).toEqual({ inserted: 1, infringementsCreated: 0 });
    const id = gid("Brand", aurelia.id);
    // Kept once as first given, however often and in whatever case, width or spacing repeated.
    const set = await setAliases(platformAdmin, id, [" 奥瑞莉亚 ", "Aurelia Paris", "奥瑞莉亚", "AURELIA  PARIS", "Ａｕｒｅｌｉａ Paris"]);
    expect(set).toEqual({ status: 200, data: { setBrandAliases: { id, name: "Aurelia", aliases: ["奥瑞莉亚", "Aurelia Paris"] } } });
    expect(await ingest(fakeInChinese())).toEqual({ inserted: 1, infringementsCreated: 1 });
    const [event] = await api.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'brand.aliases' AND target_id = $1`, [aurelia.id]);
    expect(event).toEqual({ before: { aliases: [] }, after: { aliases: ["奥瑞莉亚", "Aurelia Paris"] } });
    // The member reads the new list.
    const read = await api.gql<{ brands: { name: string; aliases: string[] }[] }>(`{ brands { name aliases } }`, {}, cast.brandAAdmin.as);
    expect(read.data!.brands.find((brand) => brand.name === "Aurelia")?.aliases).toEqual(["奥瑞莉亚", "Aurelia Paris"]);
  });

  it("refuses a name that reads as another brand's, misspelt or spaced out, and changes nothing", async () => {
    // A brand of its own, whose aliases the test above does not change.
    const lacerta = await createCatalogueBrand(api.dataSource, cast.brandA.org, "Lacerta", ["Lacerta Paris"], { sku: "LA-1", name: "Lizard Belt", logoHash: "0f0f0f0f0f0f0f0f" });
    const before = { aliases: await aliasesOf(lacerta.id), audit: await auditCount() };
    for (const alias of ["Borealis", "B o r e a l y s", "Borealiss"]) {
      const refused = await setAliases(platformAdmin, gid("Brand", lacerta.id), ["Lacerta Milano", alias]);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT" } });
      expect(refused.errors?.[0].message).toMatch(/^These aliases would match another brand's listings: /);
      expect(refused.errors?.[0].message).toContain(`"${alias}" reads as Borealis`);
      expect(refused.errors?.[0].message).not.toContain("Lacerta Milano");
    }
    // Its own name, or one of its own spellings, is no clash.
    expect((await setAliases(platformAdmin, gid("Brand", lacerta.id), ["LACERTA", ...before.aliases])).errors).toBeUndefined();
    expect(await aliasesOf(lacerta.id)).toEqual(["LACERTA", ...before.aliases]);
    expect(await auditCount()).toBe(before.audit + 1);
  });

  it("keeps an alias in its compatible form, and refuses one with text-direction or control characters, which would read otherwise than it matches", async () => {
    const noctua = await createCatalogueBrand(api.dataSource, cast.brandA.org, "Noctua", [], { sku: "NO-1", name: "Owl Brooch", logoHash: "f0f0f0f0f0f0f0f0" });
    const id = gid("Brand", noctua.id);
    for (const alias of ["\u202eautcoN", "Noc\u0007tua Roma"]) {
      const refused = await setAliases(platformAdmin, id, [alias]);
      expect(refused.errors?.[0]).toMatchObject({
        message: "An alias of Noctua must not hold control or text-direction characters",
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    expect(await aliasesOf(noctua.id)).toEqual([]);
    expect((await setAliases(platformAdmin, id, ["Ｎｏｃｔｕａ Roma"])).errors).toBeUndefined();
    expect(await aliasesOf(noctua.id)).toEqual(["Noctua Roma"]);
  });

  it("is the platform admins' alone, and tells bad input and a missing brand apart from nothing else", async () => {
    const id = gid("Brand", aurelia.id);
    const before = { aliases: await aliasesOf(aurelia.id), audit: await auditCount() };
    for (const persona of [cast.brandAAdmin, cast.brandBAnalyst, cast.platformAnalyst, cast.investigator]) {
      expect((await setAliases(persona, id, ["Aurelia Roma"])).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const key = await cast.keyFor(cast.brandA.org, []);
    expect((await setAliases(key, id, ["Aurelia Roma"])).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    for (const aliases of [["  "], ["\u200b"], ["x".repeat(201)], Array.from({ length: 21 }, (_, i) => `Aurelia ${i}`)]) {
      expect((await setAliases(platformAdmin, id, aliases)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    const missing = await setAliases(platformAdmin, gid("Brand", "00000000-0000-4000-8000-000000000000"), ["Aurelia Roma"]);
    expect(missing.errors?.[0]).toMatchObject({ message: "Brand not found", extensions: { code: "NOT_FOUND" } });
    const wrongType = await setAliases(platformAdmin, gid("Seller", cast.seller.id), ["Aurelia Roma"]);
    expect(wrongType.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect({ aliases: await aliasesOf(aurelia.id), audit: await auditCount() }).toEqual(before);
  });
});

describe("addMemberBrand", () => {
  it("gives an active member a brand its next ingest matches listings by, and records it", async () => {
    const added = await addBrand(platformAdmin, gid("Organization", cast.brandA.org.id), " Cassiopeia ", ["卡西奥佩娅"]);
    expect(added.errors).toBeUndefined();
    expect(added.data!.addMemberBrand).toMatchObject({ name: "Cassiopeia", aliases: ["卡西奥佩娅"], owner: { name: cast.brandA.org.name } });
    const brand = await api.dataSource.manager.findOneByOrFail(Brand, { id: fromGlobalId(added.data!.addMemberBrand.id, "Brand") });
    // The member keeps its catalogue, as for any of its brands.
    await createProduct(api.dataSource, brand, { name: "Velvet Bag", logoHashes: ["0123456789abcdef"] });
    const fake = listingRecord({ title: "卡西奥佩娅 Velvet Bag replica AAA 1:1", price: { amountMinor: 5_000, currency: "CNY" } });
    expect(await ingest(fake)).toEqual({ inserted: 1, infringementsCreated: 1 });
    const [{ owner_org_id: owner }] = await api.dataSource.query(
      `SELECT i.owner_org_id FROM suspected_infringement i JOIN listing l ON l.id = i.listing_id WHERE l.external_id = $1`,
      [fake.externalId],
    );
    expect(owner).toBe(cast.brandA.org.id);
    const [event] = await api.dataSource.query(`SELECT after FROM audit_event WHERE action = 'brand.create' AND target_id = $1`, [brand.id]);
    expect(event.after).toEqual({ organizationId: cast.brandA.org.id, name: "Cassiopeia", aliases: ["卡西奥佩娅"] });
  });

  it("refuses a name that reads as another brand's, a non-member, a suspended member, bad input and anyone but a platform admin, and adds nothing", async () => {
    const before = await brandCount();
    const orgA = gid("Organization", cast.brandA.org.id);
    const clash = await addBrand(platformAdmin, orgA, "Borealys Paris");
    expect(clash.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT" } });
    expect(clash.errors?.[0].message).toContain("reads as Borealis");
    const agency = (await api.dataSource.query(`SELECT id FROM organization WHERE kind = 'AGENCY' LIMIT 1`))[0].id;
    const suspended = await createOrganization(api.dataSource, OrgKind.BRAND, "Suspended member");
    await api.dataSource.query(`UPDATE organization SET status = $1 WHERE id = $2`, [OrgStatus.SUSPENDED, suspended.id]);
    for (const org of [agency, suspended.id]) {
      expect((await addBrand(platformAdmin, gid("Organization", org), "Draco")).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    for (const [name, aliases] of [["  ", []], ["Draco", ["\u200b"]], ["Draco", Array.from({ length: 21 }, (_, i) => `Draco ${i}`)]] as const) {
      expect((await addBrand(platformAdmin, orgA, name, [...aliases])).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    const missing = await addBrand(platformAdmin, gid("Organization", "00000000-0000-4000-8000-000000000000"), "Draco");
    expect(missing.errors?.[0]).toMatchObject({ message: "Organization not found", extensions: { code: "NOT_FOUND" } });
    for (const persona of [cast.brandAAdmin, cast.platformAnalyst, cast.investigator]) {
      expect((await addBrand(persona, orgA, "Draco")).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await brandCount()).toBe(before);
  });

  // Two connections at once need a server: the embedded database has one.
  (serverUrl ? it : it.skip)("adds nothing to a member suspended while it looked, once the suspension commits", async () => {
    const member = await createOrganization(api.dataSource, OrgKind.BRAND, "Member being suspended");
    const before = await brandCount();
    const suspending = api.dataSource.createQueryRunner();
    await suspending.connect();
    await suspending.startTransaction();
    await suspending.query(`UPDATE organization SET status = $1 WHERE id = $2`, [OrgStatus.SUSPENDED, member.id]);
    const [{ pid }] = await suspending.query(`SELECT pg_backend_pid() AS pid`);
    let settled = false;
    const adding = addBrand(platformAdmin, gid("Organization", member.id), "Norma").finally(() => (settled = true));
    // Until it waits for the suspension, or answers without waiting.
    for (let waiting = 0; waiting < 1 && !settled; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      [{ waiting }] = await api.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND $1 = ANY(pg_blocking_pids(pid))`,
        [pid],
      );
    }
    await suspending.commitTransaction();
    await suspending.release();
    expect((await adding).errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(await brandCount()).toBe(before);
  });

  it("takes a place under the member-brand cap", async () => {
    // An alliance of its own, which it fills: the other tests' alliance keeps its places.
    const full = await startTestApi({ MEMBER_BRAND_CAP: "4" });
    try {
      const { platformAnalyst, brandB } = await createCast(full);
      const admin = await userPersona(full, platformAnalyst.org, UserRole.ADMIN);
      const add = (name: string) => full.gql(ADD, { input: { organizationId: gid("Organization", brandB.org.id), name, aliases: [] } }, admin.as);
      // The cast's two brands and these two take the four places.
      for (const name of ["Eridanus", "Fornax"]) expect((await add(name)).errors).toBeUndefined();
      expect((await add("Gemini")).errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT", memberBrandCap: 4, activeMemberBrands: 4 } });
    } finally {
      await full.close();
    }
  });
});
