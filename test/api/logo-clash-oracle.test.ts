import type { Brand } from "../../src/entities";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { createBrand, createOrganization, createProduct } from "../support/factories";
import { createCatalogueBrand } from "../support/listing-records";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// The oracle audit's attack on catalogue logos, from the attacker's side: a member sends logo hashes
// near another member's registered logo and reads what the refusals tell it. Another member's logo
// is its catalogue, which no other member sees (DESIGN.md §2).
let api: TestApi;
let cast: Cast;
let aurelia: Brand;
const AURELIA_LOGO = "804a95d23ac181dc";
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  aurelia = await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: AURELIA_LOGO });
});
afterAll(() => api.close());

// A member of its own for each test, so that no test spends another's refusals.
async function attacker(): Promise<{ brand: Brand; brandId: string; analyst: Persona; admin: Persona }> {
  const org = await createOrganization(api.dataSource, OrgKind.BRAND);
  const brand = await createBrand(api.dataSource, org);
  return { brand, brandId: gid("Brand", brand.id), analyst: await userPersona(api, org, UserRole.ANALYST), admin: await userPersona(api, org, UserRole.ADMIN) };
}

const flip = (hash: string, ...bits: number[]) =>
  bits.reduce((value, bit) => value ^ (1n << BigInt(bit)), BigInt(`0x${hash}`)).toString(16).padStart(16, "0");
const UPSERT = `mutation($input: UpsertProductsInput!) { upsertProducts(input: $input) { created } }`;
const upsert = (persona: Persona, brandId: string, logoHashes: string[][]) =>
  api.gql<{ upsertProducts: { created: number } }>(
    UPSERT,
    {
      input: {
        brandId,
        products: logoHashes.map((hashes, index) => ({ sku: `P${index}`, name: "probe", category: "x", msrp: { amountMinor: 100, currency: "CNY" }, logoHashes: hashes })),
      },
    },
    persona.as,
  );
const productsOf = async (brand: Brand) => Number((await api.dataSource.query(`SELECT count(*) AS n FROM product WHERE brand_id = $1`, [brand.id]))[0].n);

describe("a logo clash", () => {
  it("answers the audit's one-call probe (a hash near another member's logo and its 64 one-bit flips) with one CONFLICT that says nothing of which, how near or whose", async () => {
    const { brand, brandId, analyst } = await attacker();
    // 6 bits from Aurelia's logo, as the audit's starting hash, read from a co-branded listing, was from SUPOR's.
    const start = flip(AURELIA_LOGO, 1, 9, 17, 30, 41, 58);
    const probes = [start, ...Array.from({ length: 64 }, (_, bit) => flip(start, bit))];
    const probed = await upsert(analyst, brandId, probes.map((hash) => [hash]));
    expect(probed.data).toBeNull();
    expect(probed.errors).toHaveLength(1);
    const [refusal] = probed.errors!;
    expect(refusal.extensions).toEqual({ code: "CONFLICT" });
    for (const hash of [...probes, AURELIA_LOGO]) expect(refusal.message).not.toContain(hash);
    expect(refusal.message).not.toMatch(/\[\d+\]|Aurelia|Brand Org A|AU-1/);
    // Word for word the answer to one hash 17 bits away, and to the logo itself among hashes that are free.
    const far = await upsert(analyst, brandId, [[flip(AURELIA_LOGO, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32)]]);
    const exact = await upsert(analyst, brandId, [["1234567890abcdef"], ["0f0f0f0f12345678", AURELIA_LOGO]]);
    expect(far).toEqual(probed);
    expect(exact).toEqual(probed);
    expect(await productsOf(brand)).toBe(0);
  });

  it("is recorded each time: in the member's own log without which hash clashed or whose logo, in the platform's with both, in the other member's not at all", async () => {
    const { brand, brandId, analyst, admin } = await attacker();
    const near = flip(AURELIA_LOGO, 3, 7, 11, 19, 23, 29, 31, 37, 43, 47, 53);
    const refused = await upsert(analyst, brandId, [["1234567890abcdef"], [near]]);
    expect(refused.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(await productsOf(brand)).toBe(0);

    type Events = { auditEvents: { edges: { node: { id: string; action: string; targetType: string; targetId: string | null; after: Record<string, unknown> } }[] } };
    const EVENTS = `query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) {
      edges { node { id action targetType targetId actorId organization { id name } before after } } } }`;
    const ownLog = await api.gql<Events>(EVENTS, {}, admin.as);
    expect(ownLog.errors).toBeUndefined();
    const refusals = ownLog.data!.auditEvents.edges.map((edge) => edge.node).filter((event) => event.action.startsWith("catalogue."));
    expect(refusals).toEqual([
      { id: expect.any(String), action: "catalogue.logoClash", targetType: "Brand", targetId: brandId, actorId: expect.any(String), organization: expect.anything(), before: null, after: { products: 2, logoHashes: 2 } },
    ]);
    // Nothing the member reads names the other organization, its brand or logo, or which of its own hashes clashed.
    const read = JSON.stringify(ownLog.data);
    for (const secret of [cast.brandA.org.id, gid("Organization", cast.brandA.org.id), aurelia.id, gid("Brand", aurelia.id), AURELIA_LOGO, near]) {
      expect(read).not.toContain(secret);
    }

    const platformLog = await api.gql<Events>(EVENTS, { filter: { actions: ["catalogue.logoClashDetail"] } }, cast.platformAnalyst.as);
    const detail = platformLog.data!.auditEvents.edges.map((edge) => edge.node).find((event) => event.targetId === refusals[0].id);
    expect(detail).toMatchObject({
      targetType: "AuditEvent",
      after: { clashes: [{ sku: "P1", logoHash: near, brandId: gid("Brand", aurelia.id), organizationId: gid("Organization", cast.brandA.org.id), distance: 11 }] },
    });
    // The event of the refusal is in the member's log, the one that names the other member in no organization's.
    const [owners] = await api.dataSource.query(`SELECT owner_org_id FROM audit_event WHERE id = $1`, [fromGlobalId(detail!.id, "AuditEvent")]);
    expect(owners).toEqual({ owner_org_id: null });

    const victimLog = await api.gql<Events>(EVENTS, { filter: { actions: ["catalogue.logoClash", "catalogue.logoClashDetail"] } }, cast.brandAAdmin.as);
    expect(victimLog.data).toEqual({ auditEvents: { edges: [] } });
  });

  const refusalsOf = async (brand: Brand) =>
    (await api.dataSource.query(`SELECT id FROM audit_event WHERE action = 'catalogue.logoClash' AND target_id = $1 ORDER BY created_at`, [brand.id])) as { id: string }[];

  it("may be had 5 times in 24 hours: then any call carrying a logo hash is RATE_LIMITED before it is checked, until the oldest is a day old", async () => {
    const { brand, brandId, analyst } = await attacker();
    const near = flip(AURELIA_LOGO, 5, 15, 25, 35, 45);
    const free = "1234567890abcdef";
    for (let refusal = 1; refusal <= 5; refusal++) expect((await upsert(analyst, brandId, [[near]])).errors?.[0].extensions?.code).toBe("CONFLICT");

    // A clash and a hash near no one's answer alike: the limit says nothing of the hashes either.
    for (const hashes of [[near], [free]]) {
      const limited = await upsert(analyst, brandId, [hashes]);
      expect(limited.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^Your organization has had 5 calls refused for a logo clash in the last 24 hours, and may have 5: .* retry in \d+ seconds/),
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) },
      });
      expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(86_000);
      expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(86_400);
    }
    expect(await productsOf(brand)).toBe(0);
    expect(await refusalsOf(brand)).toHaveLength(5);
    // Products without logo hashes are not held up.
    expect((await upsert(analyst, brandId, [[]])).data).toEqual({ upsertProducts: { created: 1 } });

    // The oldest refusal 23 hours ago: free again in an hour. A day ago: the next clash is refused as a clash.
    const [oldest] = await refusalsOf(brand);
    await api.dataSource.query(`UPDATE audit_event SET created_at = now() - interval '23 hours' WHERE id = $1`, [oldest.id]);
    const retryAfter = (await upsert(analyst, brandId, [[free]])).errors?.[0].extensions?.retryAfterSeconds as number;
    expect(Math.abs(retryAfter - 3600)).toBeLessThanOrEqual(5);
    await api.dataSource.query(`UPDATE audit_event SET created_at = now() - interval '1 day 1 second' WHERE id = $1`, [oldest.id]);
    expect((await upsert(analyst, brandId, [[near]])).errors?.[0].extensions?.code).toBe("CONFLICT");
    expect((await upsert(analyst, brandId, [[free]])).errors?.[0].extensions?.code).toBe("RATE_LIMITED");
    expect(await refusalsOf(brand)).toHaveLength(6);
  });

  it("cannot be had more than 5 times in 24 hours by calls sent at once", async () => {
    const { brand, brandId, analyst } = await attacker();
    const near = flip(AURELIA_LOGO, 2, 12, 22, 32, 42, 52, 62);
    const answers = await Promise.all(Array.from({ length: 9 }, () => upsert(analyst, brandId, [[near]])));
    const codes = answers.map((answer) => answer.errors?.[0].extensions?.code).sort();
    expect(codes).toEqual([...Array(5).fill("CONFLICT"), ...Array(4).fill("RATE_LIMITED")]);
    expect(await refusalsOf(brand)).toHaveLength(5);
  });

  // Logos registered before the clash distance was doubled may be 11 to 20 bits from another
  // organization's, as the demo alliance's Swarovski and Chow Tai Fook logos are (19 bits).
  it("is not found in a logo the organization has registered already, which comes again with each change of its product, and spends no refusal", async () => {
    const { brand, brandId, analyst } = await attacker();
    const registered = flip(AURELIA_LOGO, 0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56);
    await createProduct(api.dataSource, brand, { sku: "OLD-1", logoHashes: [registered] });
    const newNear = flip(AURELIA_LOGO, 1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45, 49, 53, 57);
    for (let refusal = 1; refusal <= 5; refusal++) expect((await upsert(analyst, brandId, [[newNear]])).errors?.[0].extensions?.code).toBe("CONFLICT");
    expect((await upsert(analyst, brandId, [[registered, newNear]])).errors?.[0].extensions?.code).toBe("RATE_LIMITED");

    // P0 is a new SKU bearing the registered logo; sent again, OLD-1 keeps it.
    const again = await api.gql(
      `mutation($input: UpsertProductsInput!) { upsertProducts(input: $input) { created updated } }`,
      {
        input: {
          brandId,
          products: ["OLD-1", "P0"].map((sku) => ({ sku, name: "Old logo", category: "x", msrp: { amountMinor: 100, currency: "CNY" }, logoHashes: [registered] })),
        },
      },
      analyst.as,
    );
    expect(again).toMatchObject({ data: { upsertProducts: { created: 1, updated: 1 } } });
    expect(await refusalsOf(brand)).toHaveLength(5);
  });
});
