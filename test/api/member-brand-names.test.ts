import { UserRole } from "../../src/entities/enums";
import type { Brand } from "../../src/entities";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";

// The names a brand is matched by decide which listings become its cases. What the platform sets
// (after a member joined, or at its invitation) must not read as another brand's name under a
// trick sellers use, nor be so short that every brand's listings hold it.

let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
let aurelia: Brand;

const ADD = `mutation($input: AddMemberBrandInput!) { addMemberBrand(input: $input) { id } }`;
const SET = `mutation($input: SetBrandAliasesInput!) { setBrandAliases(input: $input) { aliases } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`;
const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted } }`;

beforeAll(async () => {
  api = await startTestApi({ MEMBER_BRAND_CAP: "20" });
  cast = await createCast(api);
  platformAdmin = await cast.userOf((await api.dataSource.query(`SELECT o.* FROM organization o WHERE kind = 'PLATFORM'`))[0], UserRole.ADMIN);
  // Names without digits, as a real member's are (the cast's brands are named with a hex suffix).
  await api.dataSource.query(`UPDATE brand SET name = 'Cast brand ' || CASE WHEN owner_org_id = $1 THEN 'Alpha' ELSE 'Beta' END`, [cast.brandA.org.id]);
  aurelia = await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
  await createCatalogueBrand(api.dataSource, cast.brandB.org, "Borealis", ["Borealys"], { sku: "BO-1", name: "Crystal Ring", logoHash: "ffff0000ffff0000" });
});
afterAll(() => api.close());

const setAliases = (aliases: string[]) => api.gql(SET, { input: { brandId: gid("Brand", aurelia.id), aliases } }, platformAdmin.as);
const addBrand = (name: string, aliases: string[] = []) =>
  api.gql(ADD, { input: { organizationId: gid("Organization", cast.brandA.org.id), name, aliases } }, platformAdmin.as);
let invited = 0;
const invite = (name: string, aliases: string[] = []) => {
  invited++;
  const input = { organizationName: `Invited ${invited}`, adminEmail: `admin${invited}@invited.example`, adminName: "Admin", brands: [{ name, aliases }] };
  return api.gql(INVITE, { input }, platformAdmin.as);
};
const state = async () => ({
  brands: await api.dataSource.query(`SELECT name, aliases FROM brand ORDER BY name`),
  invitations: Number((await api.dataSource.query(`SELECT count(*) AS n FROM invitation`))[0].n),
  audit: Number((await api.dataSource.query(`SELECT count(*) AS n FROM audit_event`))[0].n),
});
const brandsClaiming = async (title: string) => {
  const record = listingRecord({ title, price: { amountMinor: 5_000, currency: "CNY" } });
  expect((await api.gql(INGEST, { listings: [record] }, cast.platformAnalyst.as)).errors).toBeUndefined();
  const rows = await api.dataSource.query(
    `SELECT b.name FROM suspected_infringement i JOIN listing l ON l.id = i.listing_id JOIN brand b ON b.id = i.brand_id WHERE l.external_id = $1 ORDER BY b.name`,
    [record.externalId],
  );
  return rows.map((row: { name: string }) => row.name);
};

describe("a brand's names", () => {
  it("are not a lone letter or a number, which every brand's listings hold, on any of the three paths", async () => {
    // "11" is what "1:1" folds to, and it would be looked for anywhere in a title: the fake of
    // another brand would become this one's case too.
    expect(await brandsClaiming("Borealis Crystal Ring replica AAA 1:1")).toEqual(["Borealis"]);
    const before = await state();
    // "AA" folds to "a", as "AAA" does.
    for (const text of ["X", "AA", "11", "1", "2026", "金"]) {
      for (const refused of [await setAliases(["Aurelia Paris", text]), await addBrand("Cassiopeia", [text]), await addBrand(text), await invite("Draco", [text]), await invite(text)]) {
        expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
        expect(refused.errors?.[0].message).toContain(JSON.stringify(text));
      }
    }
    expect(await state()).toEqual(before);
    // Two letters, or two characters of a script written without spaces, are a name.
    expect((await setAliases(["LV", "3M", "宝丽莱"])).errors).toBeUndefined();
  });
  it("do not read as another brand's when written with look-alike letters of another script", async () => {
    // Greek omicron; Cyrillic capitals В, О, Е, А; Cyrillic small а and о.
    const lookalikes = ["Bοrealis", "ВОREАLIS", "Bоreаlis"];
    // Sellers write another brand's name so to slip past its filters: the alias would make those
    // fakes this brand's cases, and the brand they copy would not see them.
    const before = await state();
    for (const text of lookalikes) {
      for (const refused of [await setAliases([text]), await addBrand("Cassiopeia", [text]), await invite("Draco", [text])]) {
        expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT" } });
        expect(refused.errors?.[0].message).toContain(`"${text}" reads as Borealis`);
      }
    }
    expect(await state()).toEqual(before);
    // A name of its own in another script is no clash.
    expect((await setAliases(["Аурелия", "Ωραία"])).errors).toBeUndefined();
  });

  it("are not a word sellers of fakes use, which every brand's fakes hold", async () => {
    const before = await state();
    for (const text of ["Replica", "REPLIKA", "Fake", "高仿", "Knock-off"]) {
      for (const refused of [await setAliases(["Aurelia Paris", text]), await addBrand("Cassiopeia", [text]), await addBrand(text), await invite("Draco", [text])]) {
        expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
        expect(refused.errors?.[0].message).toContain(`${JSON.stringify(text)} reads in`);
      }
    }
    expect(await state()).toEqual(before);
    // A name that only holds such a word is looked for only with the rest of it.
    expect((await setAliases(["Aurelia Copyright"])).errors).toBeUndefined();
  });
});
