import { movedCursor } from "../support/cursors";
import { Scope } from "../../src/auth/scopes";
import { UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { brandMember, contribute, CONTRIBUTE, indicatorRowCount, MATCH } from "../support/intel";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// What each distribution shows to each kind of viewer, and every way we could think of to learn
// about an indicator one may not see: by id, filters, ordering, cursors, counts, errors, writes.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of arbitrary JSON
type Json = any;

let api: TestApi;
let cast: Cast;
// Brand A's FACTORY indicators, one per distribution (no other test in this file uses FACTORY).
const fixture = { PRIVATE: "", MATCH_ONLY: "", ALLIANCE_ANONYMOUS: "", ALLIANCE: "" };
const VALUES = {
  PRIVATE: "Dongguan Private Works",
  MATCH_ONLY: "Putian Hidden Shoe Factory",
  ALLIANCE_ANONYMOUS: "Guangzhou Anonymous Leather",
  ALLIANCE: "Yiwu Attributed Plant",
};
const CONFIDENCE = { PRIVATE: 11, MATCH_ONLY: 77, ALLIANCE_ANONYMOUS: 33, ALLIANCE: 44 };
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  for (const distribution of Object.keys(fixture) as (keyof typeof fixture)[]) {
    [fixture[distribution]] = await contribute(api, cast.brandAAnalyst, [
      { kind: "FACTORY", value: VALUES[distribution], distribution, confidence: CONFIDENCE[distribution], note: `note ${distribution}` },
    ]);
  }
});
afterAll(() => api.close());

const LIST = `query($filter: IndicatorFilter, $orderBy: IndicatorOrder, $after: String) {
  indicators(first: 50, filter: $filter, orderBy: $orderBy, after: $after) {
    totalCount
    edges { cursor node { id kind value distribution confidence note contributor { id name } sightingCount } }
  }
}`;

const list = async (persona: Persona, filter: Json = {}, orderBy?: Json, after?: string) =>
  api.gql<Json>(LIST, { filter: { kinds: ["FACTORY"], ...filter }, orderBy, after }, persona.as);

// Database ids, like the fixture's.
const idsOf = (response: Json): string[] => response.data.indicators.edges.map((edge: Json) => fromGlobalId(edge.node.id, "Indicator")).sort();

describe("indicators: what each distribution shows to each viewer", () => {
  it("gives the contributor all four, each with its value, note and itself as contributor", async () => {
    const response = await list(cast.brandAAnalyst);
    expect(response.errors).toBeUndefined();
    expect(response.data.indicators.totalCount).toBe(4);
    expect(idsOf(response)).toEqual(Object.values(fixture).sort());
    for (const edge of response.data.indicators.edges) {
      expect(edge.node.contributor).toEqual({ id: gid("Organization", cast.brandA.org.id), name: cast.brandA.org.name });
      expect(edge.node.note).toBe(`note ${edge.node.distribution}`);
    }
  });

  it("gives another brand the ALLIANCE_ANONYMOUS one without contributor and the ALLIANCE one attributed, nothing else", async () => {
    const response = await list(cast.brandBAnalyst);
    expect(response.errors).toBeUndefined();
    expect(response.data.indicators.totalCount).toBe(2);
    const byDistribution = Object.fromEntries(response.data.indicators.edges.map((edge: Json) => [edge.node.distribution, edge.node]));
    expect(Object.keys(byDistribution).sort()).toEqual(["ALLIANCE", "ALLIANCE_ANONYMOUS"]);
    expect(byDistribution.ALLIANCE_ANONYMOUS).toMatchObject({ value: "guangzhou anonymous leather", note: "note ALLIANCE_ANONYMOUS", contributor: null });
    expect(byDistribution.ALLIANCE.contributor).toEqual({ id: gid("Organization", cast.brandA.org.id), name: cast.brandA.org.name });
    expect(JSON.stringify(response)).not.toMatch(/hidden shoe|private works/i);
  });

  it("gives the platform all four, attributed", async () => {
    const response = await list(cast.platformAnalyst);
    expect(response.data.indicators.totalCount).toBe(4);
    expect(response.data.indicators.edges.every((edge: Json) => edge.node.contributor?.name === cast.brandA.org.name)).toBe(true);
  });

  it("refuses the agency and a key without intel:read before looking at any row", async () => {
    const keyWithoutIntel = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]);
    for (const persona of [cast.investigator, keyWithoutIntel]) {
      const response = await list(persona);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]).toMatchObject({ message: "This needs the intel:read scope", extensions: { code: "FORBIDDEN" } });
      const node = await api.gql<Json>(`query($id: ID!) { node(id: $id) { id } }`, { id: gid("Indicator", fixture.ALLIANCE) }, persona.as);
      expect(node.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("lets a key with intel:read list what its organization may see, and refuses it writes", async () => {
    const key = await cast.keyFor(cast.brandB.org, [Scope.INTEL_READ]);
    expect((await list(key)).data.indicators.totalCount).toBe(2);
    const write = await api.gql<Json>(CONTRIBUTE, { indicators: [{ kind: "KEYWORD", value: "key write" }] }, key.as);
    expect(write.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: "This needs the intel:read and intel:write scopes" });
  });
});

describe("a MATCH_ONLY or PRIVATE indicator cannot be found by another member through any read", () => {
  const ONE = `query($id: ID!) { indicator(id: $id) { id value } }`;
  const NODE = `query($id: ID!) { node(id: $id) { id ... on Indicator { value } } }`;

  it("answers indicator(id) and node(id) exactly as for an id that does not exist", async () => {
    for (const hidden of [fixture.MATCH_ONLY, fixture.PRIVATE]) {
      const one = await api.gql(ONE, { id: gid("Indicator", hidden) }, cast.brandBAnalyst.as);
      const missing = await api.gql(ONE, { id: gid("Indicator", MISSING_ID) }, cast.brandBAnalyst.as);
      expect(one.errors?.[0]).toMatchObject({ message: "Indicator not found", extensions: { code: "NOT_FOUND" } });
      expect(one).toEqual(missing);
      const node = await api.gql(NODE, { id: gid("Indicator", hidden) }, cast.brandBAnalyst.as);
      expect(node).toEqual({ status: 200, data: { node: null } });
    }
  });

  it("a value filter on the hidden value finds nothing, exactly as for a value nobody contributed", async () => {
    const hidden = await list(cast.brandBAnalyst, { value: { kind: "FACTORY", value: "  PUTIAN hidden   shoe factory " } });
    const never = await list(cast.brandBAnalyst, { value: { kind: "FACTORY", value: "No Such Factory Anywhere" } });
    expect(hidden).toEqual(never);
    expect(hidden.data.indicators.totalCount).toBe(0);
    // The same filter finds it for the contributor: the filter works, the scope hides.
    const own = await list(cast.brandAAnalyst, { value: { kind: "FACTORY", value: "putian hidden shoe factory" } });
    expect(idsOf(own)).toEqual([fixture.MATCH_ONLY]);
  });

  it("a distribution filter asking for MATCH_ONLY or PRIVATE rows finds none of another member's", async () => {
    const response = await list(cast.brandBAnalyst, { distributions: ["MATCH_ONLY", "PRIVATE"] });
    expect(response.data.indicators).toEqual({ totalCount: 0, edges: [] });
  });

  it("a contributor filter never de-anonymizes: it selects only rows whose contributor is shown", async () => {
    const byA = await list(cast.brandBAnalyst, { contributorId: gid("Organization", cast.brandA.org.id) });
    expect(idsOf(byA)).toEqual([fixture.ALLIANCE]);
    expect(byA.data.indicators.totalCount).toBe(1);
    // Excluding A by "not mine" is no oracle either: it is the same as listing everything B sees.
    const notMine = await list(cast.brandBAnalyst, { contributedByMe: false });
    expect(idsOf(notMine)).toEqual([fixture.ALLIANCE, fixture.ALLIANCE_ANONYMOUS].sort());
  });

  it("a brand filter selects among the viewer's own brands only, as an indicator's brand shows to its owner alone", async () => {
    const brandId = gid("Brand", cast.brandA.brand.id);
    // Other tests of this file contribute keywords too, before or after this one.
    const before = {
      everything: idsOf(await list(cast.brandBAnalyst, { kinds: ["KEYWORD"] })),
      own: idsOf(await list(cast.brandAAnalyst, { kinds: ["KEYWORD"], brandIds: [brandId] })),
    };
    const [anonymous, attributed] = await contribute(api, cast.brandAAnalyst, [
      { kind: "KEYWORD", value: "brand filter anonymous", distribution: "ALLIANCE_ANONYMOUS", brandId },
      { kind: "KEYWORD", value: "brand filter attributed", distribution: "ALLIANCE", brandId },
    ]);
    const everything = await list(cast.brandBAnalyst, { kinds: ["KEYWORD"] });
    expect(idsOf(everything)).toEqual([...before.everything, anonymous, attributed].sort());
    // Another member's brand answers as a brand that does not exist, its attributed rows too.
    const byBrand = await list(cast.brandBAnalyst, { kinds: ["KEYWORD"], brandIds: [brandId] });
    const byMissing = await list(cast.brandBAnalyst, { kinds: ["KEYWORD"], brandIds: [gid("Brand", "00000000-0000-4000-8000-000000000000")] });
    expect(byBrand.data.indicators).toEqual({ totalCount: 0, edges: [] });
    expect(byMissing.data.indicators).toEqual(byBrand.data.indicators);
    const attributedRow = await api.gql<Json>(`query($id: ID!) { node(id: $id) { ... on Indicator { brand { id } } } }`, { id: gid("Indicator", attributed) }, cast.brandBAnalyst.as);
    expect(attributedRow.data?.node).toEqual({ brand: null });
    const own = await list(cast.brandAAnalyst, { kinds: ["KEYWORD"], brandIds: [brandId] });
    expect(idsOf(own)).toEqual([...before.own, anonymous, attributed].sort());
  });

  it("ordering and forged cursors range over visible rows only", async () => {
    const byConfidence = await list(cast.brandBAnalyst, {}, { field: "CONFIDENCE", direction: "DESC" });
    expect(byConfidence.data.indicators.edges.map((edge: Json) => edge.node.confidence)).toEqual([44, 33]);
    // A cursor placed right at the hidden row's (confidence, id), and one at a missing id: same page.
    const ownCursor = byConfidence.data.indicators.edges[0].cursor;
    const cursorAt = (id: string) => movedCursor(ownCursor, { v: CONFIDENCE.MATCH_ONLY, id });
    const atHidden = await list(cast.brandBAnalyst, {}, { field: "CONFIDENCE", direction: "DESC" }, cursorAt(fixture.MATCH_ONLY));
    const atMissing = await list(cast.brandBAnalyst, {}, { field: "CONFIDENCE", direction: "DESC" }, cursorAt(MISSING_ID));
    expect(atHidden.errors).toBeUndefined();
    expect(atHidden).toEqual(atMissing);
    expect(idsOf(atHidden)).toEqual([fixture.ALLIANCE, fixture.ALLIANCE_ANONYMOUS].sort());
  });

  it("a bad value in a filter is refused with a message about the viewer's own input only", async () => {
    const response = await list(cast.brandBAnalyst, { value: { kind: "PHONE", value: "not a phone" } });
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toBe(
      "filter.value: PHONE value is not a valid phone number; write it with its country code, e.g. +86 138 0013 8000",
    );
  });
});

describe("expiry", () => {
  it("leaves expired indicators out of the list unless asked for, and then only within the scope", async () => {
    const member = await brandMember(api, "Expiring Brand");
    const [id] = await contribute(api, member, [
      { kind: "ADDRESS", value: "1 Expiry Lane", distribution: "ALLIANCE", expiresAt: new Date(Date.now() + 60_000).toISOString() },
    ]);
    const LIST_ADDRESSES = `query($includeExpired: Boolean) { indicators(first: 10, filter: { kinds: [ADDRESS], includeExpired: $includeExpired }) { totalCount } }`;
    const count = async (persona: Persona, includeExpired: boolean) =>
      (await api.gql<Json>(LIST_ADDRESSES, { includeExpired }, persona.as)).data.indicators.totalCount;
    expect(await count(cast.brandBAnalyst, false)).toBe(1);
    await api.dataSource.query(`UPDATE indicator SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await count(cast.brandBAnalyst, false)).toBe(0);
    expect(await count(cast.brandBAnalyst, true)).toBe(1);
    await api.dataSource.query(`UPDATE indicator SET distribution = 'MATCH_ONLY' WHERE id = $1`, [id]);
    expect(await count(cast.brandBAnalyst, true)).toBe(0);
  });
});

describe("contributeIndicators", () => {
  it("fixes the distribution in the INSERT that creates the row: no later UPDATE widens or narrows it", async () => {
    api.statements.reset();
    const [id] = await contribute(api, cast.brandAAnalyst, [{ kind: "DOMAIN", value: "https://www.Fake-Shop.example/path", distribution: "MATCH_ONLY" }]);
    const inserts = api.statements.statements.filter((sql) => /INSERT INTO indicator\b/.test(sql));
    expect(inserts).toHaveLength(1);
    expect(inserts[0]).toMatch(/distribution/);
    expect(api.statements.statements.some((sql) => /UPDATE\s+"?indicator"?\s/i.test(sql))).toBe(false);
    const [row] = await api.dataSource.query(`SELECT value, distribution FROM indicator WHERE id = $1`, [id]);
    expect(row).toEqual({ value: "fake-shop.example", distribution: "MATCH_ONLY" });
  });

  it("is all or nothing, naming each bad item by its index and reason", async () => {
    const member = await brandMember(api, "Bulk Brand");
    const before = await indicatorRowCount(api);
    const auditsBefore = (await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n;
    const response = await api.gql<Json>(
      CONTRIBUTE,
      {
        indicators: [
          { kind: "PHONE", value: "+86 138 0013 8000", distribution: "ALLIANCE" },
          { kind: "PHONE", value: "12" },
          { kind: "PHONE", value: "0086-138-0013-8000" },
          { kind: "IMAGE_HASH", value: "xyz" },
          { kind: "KEYWORD", value: "fine", confidence: 101 },
          { kind: "KEYWORD", value: "brand", brandId: gid("Brand", cast.brandA.brand.id) },
          { kind: "KEYWORD", value: "late", expiresAt: "2020-01-01T00:00:00Z" },
          { kind: "KEYWORD", value: "forever", distribution: "ALLIANCE_ANONYMOUS", expiresAt: "9999-12-31T12:00:00Z" },
        ],
      },
      member.as,
    );
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions).toEqual({
      code: "BAD_USER_INPUT",
      itemErrors: [
        { index: 1, reason: "PHONE value is not a valid phone number; write it with its country code, e.g. +86 138 0013 8000" },
        { index: 2, reason: "the same PHONE as item 0" },
        { index: 3, reason: "IMAGE_HASH value must be a 64-bit perceptual hash written as 16 hex digits" },
        { index: 4, reason: "confidence must be a whole number from 0 to 100" },
        { index: 5, reason: "brandId is not a brand of yours" },
        { index: 6, reason: "expiresAt must be in the future" },
        { index: 7, reason: "expiresAt must be at most 10 years ahead; leave it out for an indicator that does not expire" },
      ],
    });
    expect(response.errors?.[0].message).toMatch(/^7 of 8 indicators are invalid; nothing was saved: \[1\] PHONE value/);
    expect(await indicatorRowCount(api)).toBe(before);
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n).toBe(auditsBefore);
  });

  it("refuses an empty batch and one over INTEL_MAX_CONTRIBUTE_BATCH, pointing to the CLI import", async () => {
    const member = await brandMember(api, "Batch Size Brand");
    const before = await indicatorRowCount(api);
    for (const count of [0, 1001]) {
      const indicators = Array.from({ length: count }, (_, i) => ({ kind: "KEYWORD", value: `batch size ${i}` }));
      expect((await api.gql(CONTRIBUTE, { indicators }, member.as)).errors?.[0]).toMatchObject({
        message: "Contribute 1 to 1000 indicators at a time; use the CLI import for more",
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    expect(await indicatorRowCount(api)).toBe(before);
  });

  it("names a malformed brandId as its item's error, and another member's brand id as a missing one", async () => {
    const member = await brandMember(api, "Brand Id Brand");
    const before = await indicatorRowCount(api);
    const auditsBefore = (await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n;
    const withBrand = (brandId: string, value = "brand id") => ({ kind: "KEYWORD", value, brandId });
    const response = await api.gql<Json>(
      CONTRIBUTE,
      {
        indicators: [
          { kind: "KEYWORD", value: "no brand" },
          withBrand("not an id", "malformed"),
          withBrand(gid("Organization", cast.brandA.org.id), "another type"),
          withBrand("", "empty"),
          withBrand(gid("Brand", cast.brandA.brand.id), "another member's"),
          withBrand(gid("Brand", MISSING_ID), "missing"),
        ],
      },
      member.as,
    );
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].extensions).toEqual({
      code: "BAD_USER_INPUT",
      itemErrors: [
        { index: 1, reason: "brandId is not a valid Brand ID" },
        { index: 2, reason: "brandId is not a valid Brand ID" },
        { index: 3, reason: "brandId is not a valid Brand ID" },
        { index: 4, reason: "brandId is not a brand of yours" },
        { index: 5, reason: "brandId is not a brand of yours" },
      ],
    });
    expect(await indicatorRowCount(api)).toBe(before);
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`))[0].n).toBe(auditsBefore);

    // Alone in a batch too, another member's brand answers exactly as an id no brand has.
    const alone = async (brandId: string) => api.gql<Json>(CONTRIBUTE, { indicators: [withBrand(brandId)] }, member.as);
    const othersBrand = await alone(gid("Brand", cast.brandA.brand.id));
    expect(othersBrand.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(othersBrand).toEqual(await alone(gid("Brand", MISSING_ID)));
    expect(await indicatorRowCount(api)).toBe(before);
  });

  it("refuses a value the organization already contributed, but not one another member contributed at any level", async () => {
    const member = await brandMember(api, "Repeat Brand");
    await contribute(api, member, [{ kind: "KEYWORD", value: "Repeat Value" }]);
    const again = await api.gql<Json>(CONTRIBUTE, { indicators: [{ kind: "KEYWORD", value: "repeat   VALUE" }] }, member.as);
    expect(again.errors?.[0].extensions?.itemErrors).toEqual([{ index: 0, reason: "your organization already contributed this KEYWORD" }]);
    // Brand A's MATCH_ONLY value: contributing it answers like any new value, so it confirms nothing.
    const other = await api.gql<Json>(CONTRIBUTE, { indicators: [{ kind: "FACTORY", value: VALUES.MATCH_ONLY, distribution: "PRIVATE" }] }, member.as);
    expect(other.errors).toBeUndefined();
    expect(other.data.contributeIndicators[0]).toMatchObject({ value: "putian hidden shoe factory", distribution: "PRIVATE" });
    await api.dataSource.query(`DELETE FROM indicator WHERE owner_org_id = $1 AND kind = 'FACTORY'`, [member.org.id]);
  });

  it("refuses a value that keeps a control or text-direction character once normalized, naming the item; spacing and what a kind drops are no matter", async () => {
    const member = await brandMember(api, "Control Character Brand");
    const before = await indicatorRowCount(api);
    const refused = await api.gql<Json>(
      CONTRIBUTE,
      {
        indicators: [
          { kind: "KEYWORD", value: "replica\u0007" },
          { kind: "ADDRESS", value: "1 Fake Road\u001b" },
          { kind: "FACTORY", value: "Putian \u202Eworks" },
          { kind: "SELLER", value: "TAOBAO:store-1\u0085" },
          { kind: "PAYMENT_ACCOUNT", value: "6222\u001f1234" },
          { kind: "KEYWORD", value: "fine" },
        ],
      },
      member.as,
    );
    const reason = (kind: string) => `${kind} value must not hold control or text-direction characters`;
    expect(refused.errors?.[0].extensions).toEqual({
      code: "BAD_USER_INPUT",
      itemErrors: ["KEYWORD", "ADDRESS", "FACTORY", "SELLER", "PAYMENT_ACCOUNT"].map((kind, index) => ({ index, reason: reason(kind) })),
    });
    expect(await indicatorRowCount(api)).toBe(before);
    // A tab or a line break is spacing, folded as such; a phone is kept in E.164, and so keeps none.
    const accepted = await api.gql<Json>(
      CONTRIBUTE,
      { indicators: [{ kind: "KEYWORD", value: "1:1\treplica\n" }, { kind: "PHONE", value: "+86 138 0013 8000\u0007" }] },
      member.as,
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.contributeIndicators.map((indicator: Json) => indicator.value)).toEqual(["1:1 replica", "+8613800138000"]);
  });

  it("refuses a brand viewer, who may read intel but not contribute", async () => {
    const viewer = await brandMember(api, "Viewer Brand", UserRole.VIEWER);
    const response = await api.gql<Json>(CONTRIBUTE, { indicators: [{ kind: "KEYWORD", value: "x" }] }, viewer.as);
    expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("widenIndicatorDistribution", () => {
  const WIDEN = `mutation($input: WidenIndicatorDistributionInput!) { widenIndicatorDistribution(input: $input) { id distribution contributor { name } } }`;
  const distributionOf = async (id: string) => (await api.dataSource.query(`SELECT distribution FROM indicator WHERE id = $1`, [id]))[0].distribution;

  it("widens MATCH_ONLY to ALLIANCE_ANONYMOUS: other members then see the value, still not the contributor", async () => {
    const member = await brandMember(api, "Widening Brand");
    const [id] = await contribute(api, member, [{ kind: "KEYWORD", value: "widen me", distribution: "MATCH_ONLY" }]);
    const response = await api.gql<Json>(WIDEN, { input: { id: gid("Indicator", id), distribution: "ALLIANCE_ANONYMOUS" } }, member.as);
    expect(response.data.widenIndicatorDistribution).toMatchObject({ distribution: "ALLIANCE_ANONYMOUS", contributor: { name: "Widening Brand" } });
    const seen = await api.gql<Json>(`query($id: ID!) { indicator(id: $id) { value contributor { name } } }`, { id: gid("Indicator", id) }, cast.brandBAnalyst.as);
    expect(seen.data.indicator).toEqual({ value: "widen me", contributor: null });
    const audit = await api.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'intel.widen' AND target_id = $1`, [id]);
    expect(audit).toEqual([{ before: { distribution: "MATCH_ONLY" }, after: { distribution: "ALLIANCE_ANONYMOUS" } }]);
  });

  it("refuses to \"widen\" to the level it has, as to narrow: with the allowed wider levels, and changes nothing", async () => {
    const audit = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`);
    const response = await api.gql<Json>(WIDEN, { input: { id: gid("Indicator", fixture.MATCH_ONLY), distribution: "MATCH_ONLY" } }, cast.brandAAnalyst.as);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining("this one is MATCH_ONLY, and others may already have seen or matched it. Allowed: ALLIANCE_ANONYMOUS, ALLIANCE"),
      extensions: { code: "BAD_USER_INPUT", allowedDistributions: ["ALLIANCE_ANONYMOUS", "ALLIANCE"] },
    });
    expect(await distributionOf(fixture.MATCH_ONLY)).toBe("MATCH_ONLY");
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(audit);
  });

  it("refuses to narrow, with the allowed wider levels, and changes nothing", async () => {
    const response = await api.gql<Json>(WIDEN, { input: { id: gid("Indicator", fixture.ALLIANCE_ANONYMOUS), distribution: "MATCH_ONLY" } }, cast.brandAAnalyst.as);
    expect(response.errors?.[0]).toMatchObject({
      message:
        "An indicator's distribution can only be widened (PRIVATE < MATCH_ONLY < ALLIANCE_ANONYMOUS < ALLIANCE): this one is ALLIANCE_ANONYMOUS, " +
        "and others may already have seen or matched it. Allowed: ALLIANCE",
      extensions: { code: "BAD_USER_INPUT", allowedDistributions: ["ALLIANCE"] },
    });
    expect(await distributionOf(fixture.ALLIANCE_ANONYMOUS)).toBe("ALLIANCE_ANONYMOUS");
  });

  it("answers another member's indicator, visible or not, exactly as a missing one, and leaves it alone", async () => {
    const missing = await api.gql(WIDEN, { input: { id: gid("Indicator", MISSING_ID), distribution: "ALLIANCE" } }, cast.brandBAnalyst.as);
    expect(missing.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    for (const id of [fixture.MATCH_ONLY, fixture.ALLIANCE_ANONYMOUS]) {
      const response = await api.gql(WIDEN, { input: { id: gid("Indicator", id), distribution: "ALLIANCE" } }, cast.brandBAnalyst.as);
      expect(response).toEqual(missing);
    }
    expect(await distributionOf(fixture.MATCH_ONLY)).toBe("MATCH_ONLY");
  });
});

describe("sightings: counts for whoever sees the indicator, who only for the platform and the sighting member", () => {
  const SIGHT = `mutation($input: RecordSightingInput!) { recordSighting(input: $input) { id sightingCount lastSeenAt } }`;
  const READ = `query($id: ID!) { indicator(id: $id) { sightingCount lastSeenAt sightings { source seenAt organization { name } } } }`;
  const sightingRows = async () => Number((await api.dataSource.query(`SELECT count(*) AS n FROM indicator_sighting`))[0].n);

  it("lets another member sight a shared indicator; the contributor sees the count but not who", async () => {
    const seenAt = "2026-10-01T08:00:00.000Z";
    const response = await api.gql<Json>(
      SIGHT,
      { input: { indicatorId: gid("Indicator", fixture.ALLIANCE_ANONYMOUS), seenAt, source: "TAOBAO listing 5531" } },
      cast.brandBAnalyst.as,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.recordSighting.sightingCount).toBe(1);
    const id = gid("Indicator", fixture.ALLIANCE_ANONYMOUS);
    const asContributor = await api.gql<Json>(READ, { id }, cast.brandAAnalyst.as);
    expect(asContributor.data.indicator).toMatchObject({ sightingCount: 1, sightings: [] });
    const asSighter = await api.gql<Json>(READ, { id }, cast.brandBAnalyst.as);
    expect(asSighter.data.indicator.sightings).toEqual([{ source: "TAOBAO listing 5531", seenAt, organization: { name: cast.brandB.org.name } }]);
    const asPlatform = await api.gql<Json>(READ, { id }, cast.platformAnalyst.as);
    expect(asPlatform.data.indicator.sightings).toEqual([{ source: "TAOBAO listing 5531", seenAt, organization: { name: cast.brandB.org.name } }]);
  });

  it("answers a sighting of a hidden indicator exactly as of a missing one, and records nothing", async () => {
    const before = await sightingRows();
    const input = (id: string) => ({ input: { indicatorId: gid("Indicator", id), seenAt: "2026-10-01T00:00:00Z", source: "probe" } });
    const hidden = await api.gql(SIGHT, input(fixture.MATCH_ONLY), cast.brandBAnalyst.as);
    const missing = await api.gql(SIGHT, input(MISSING_ID), cast.brandBAnalyst.as);
    expect(hidden.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(hidden).toEqual(missing);
    expect(await sightingRows()).toBe(before);
  });

  it("counts a sighting sent again (a retry) once, and moves the first-seen date back for an earlier one", async () => {
    const member = await brandMember(api, `Sighting Retry Brand ${Date.now()}`);
    const [id] = await contribute(api, member, [{ kind: "DOMAIN", value: `retried-${Date.now()}.example`, distribution: "ALLIANCE" }]);
    const input = { indicatorId: gid("Indicator", id), seenAt: "2025-03-01T10:00:00.000Z", source: "TAOBAO listing 77" };
    const sight = () => api.gql<Json>(SIGHT, { input }, cast.brandBAnalyst.as);
    const [first, second] = await Promise.all([sight(), sight()]);
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    expect((await sight()).data.recordSighting.sightingCount).toBe(1);
    const read = await api.gql<Json>(`query($id: ID!) { indicator(id: $id) { sightingCount firstSeenAt } }`, { id: input.indicatorId }, member.as);
    expect(read.data.indicator).toEqual({ sightingCount: 1, firstSeenAt: input.seenAt });
  });

  it("refuses a sighting in the future, before 1990 or without a source", async () => {
    const id = gid("Indicator", fixture.ALLIANCE);
    const before = await sightingRows();
    const future = await api.gql<Json>(SIGHT, { input: { indicatorId: id, seenAt: "2999-01-01T00:00:00Z", source: "x" } }, cast.brandBAnalyst.as);
    expect(future.errors?.[0]).toMatchObject({ message: "`seenAt` must not be in the future", extensions: { code: "BAD_USER_INPUT" } });
    const ancient = await api.gql<Json>(SIGHT, { input: { indicatorId: id, seenAt: "1900-11-20T09:00:00Z", source: "x" } }, cast.brandBAnalyst.as);
    expect(ancient.errors?.[0]).toMatchObject({ message: "`seenAt` must not be before 1990-01-01", extensions: { code: "BAD_USER_INPUT" } });
    expect(await sightingRows()).toBe(before);
    const blank = await api.gql<Json>(SIGHT, { input: { indicatorId: id, seenAt: "2026-01-01T00:00:00Z", source: "  " } }, cast.brandBAnalyst.as);
    expect(blank.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("an ALLIANCE_ANONYMOUS indicator is dated by the day, so that its time cannot name its contributor", () => {
  const DATES = `query($id: ID!) { indicator(id: $id) { distribution contributor { name } createdAt updatedAt firstSeenAt lastSeenAt expiresAt } }`;
  // One expiry for the batch, exact to the millisecond; the anonymous row expires at the next midnight.
  const EXPIRES = "2031-06-03T23:19:33.139Z";
  const MIDNIGHT = /T00:00:00\.000Z$/;
  const datesAs = async (persona: Persona, id: string) => (await api.gql<Json>(DATES, { id: gid("Indicator", id) }, persona.as)).data.indicator;

  it("in a batch with attributed rows, shares none of their exact time, in what members read or in what lists sort by", async () => {
    const member = await brandMember(api, "Mixed Batch Brand");
    const [attributed, anonymous] = await contribute(api, member, [
      { kind: "DOMAIN", value: "attributed-shop.example", distribution: "ALLIANCE", expiresAt: EXPIRES },
      { kind: "DOMAIN", value: "anonymous-shop.example", distribution: "ALLIANCE_ANONYMOUS", expiresAt: EXPIRES },
    ]);
    const seenAttributed = await datesAs(cast.brandBAnalyst, attributed);
    const seenAnonymous = await datesAs(cast.brandBAnalyst, anonymous);
    expect(seenAttributed.contributor).toEqual({ name: "Mixed Batch Brand" });
    expect(seenAnonymous.contributor).toBeNull();
    for (const field of ["createdAt", "updatedAt", "firstSeenAt", "lastSeenAt"]) {
      expect(seenAnonymous[field]).toMatch(MIDNIGHT);
      expect(seenAnonymous[field]).toBe(seenAttributed.createdAt.slice(0, 10) + "T00:00:00.000Z");
    }
    expect(seenAttributed.createdAt).not.toMatch(MIDNIGHT);
    expect(seenAttributed.expiresAt).toBe(EXPIRES);
    expect(seenAnonymous.expiresAt).toBe("2031-06-04T00:00:00.000Z");
    // Sorting and cursors use the stored times, which are the dates shown; expiry too.
    const [stored] = await api.dataSource.query(`SELECT created_at, first_seen_at, last_seen_at, updated_at, expires_at FROM indicator WHERE id = $1`, [anonymous]);
    for (const at of Object.values(stored) as Date[]) expect(at.toISOString()).toMatch(MIDNIGHT);
  });

  it("when widened to ALLIANCE_ANONYMOUS, and when a sighting moves it", async () => {
    const member = await brandMember(api, "Widening Later Brand");
    const [id] = await contribute(api, member, [{ kind: "DOMAIN", value: "widened-later.example", distribution: "MATCH_ONLY", expiresAt: EXPIRES }]);
    expect(await datesAs(member, id)).toMatchObject({ createdAt: expect.not.stringMatching(MIDNIGHT), expiresAt: EXPIRES });
    const widened = await api.gql<Json>(
      `mutation($input: WidenIndicatorDistributionInput!) { widenIndicatorDistribution(input: $input) { createdAt updatedAt firstSeenAt lastSeenAt expiresAt } }`,
      { input: { id: gid("Indicator", id), distribution: "ALLIANCE_ANONYMOUS" } },
      member.as,
    );
    expect(Object.values(widened.data.widenIndicatorDistribution)).toEqual([
      expect.stringMatching(MIDNIGHT), expect.stringMatching(MIDNIGHT), expect.stringMatching(MIDNIGHT), expect.stringMatching(MIDNIGHT), "2031-06-04T00:00:00.000Z",
    ]);
    // Last seen a week ago; a sighting now moves it to today, not to the sighting's time.
    await api.dataSource.query(`UPDATE indicator SET last_seen_at = date_trunc('day', now(), 'UTC') - interval '7 days' WHERE id = $1`, [id]);
    const seenAt = new Date(Date.now() - 1000).toISOString();
    const sighted = await api.gql<Json>(
      `mutation($input: RecordSightingInput!) { recordSighting(input: $input) { lastSeenAt } }`,
      { input: { indicatorId: gid("Indicator", id), seenAt, source: "a storefront" } },
      cast.brandBAnalyst.as,
    );
    expect(sighted.data.recordSighting.lastSeenAt).toBe(seenAt.slice(0, 10) + "T00:00:00.000Z");
  });
});

describe("an indicator its contributor got wrong", () => {
  const EXPIRE = `mutation($id: ID!) { expireIndicator(id: $id) { id expiresAt } }`;
  it("is taken back by its contributor: it expires now and counts in no match; anyone else's answers as missing", async () => {
    const [asker, first, second] = await Promise.all(["Asker", "First", "Second"].map((name) => brandMember(api, `Expiring ${name} ${Date.now()}`)));
    const value = `wrongly-flagged-${Date.now()}.example`;
    const [wrong] = await contribute(api, first, [{ kind: "DOMAIN", value, distribution: "ALLIANCE" }]);
    await contribute(api, second, [{ kind: "DOMAIN", value, distribution: "ALLIANCE" }]);
    const matched = async () => (await api.gql<Json>(MATCH, { queries: [{ kind: "DOMAIN", value }] }, asker.as)).data.matchIndicators[0].matched;
    expect(await matched()).toBe(true);

    const id = gid("Indicator", wrong);
    const missing = await api.gql(EXPIRE, { id: gid("Indicator", MISSING_ID) }, asker.as);
    expect(missing.errors?.[0]).toMatchObject({ message: "Indicator not found", extensions: { code: "NOT_FOUND" } });
    expect(await api.gql(EXPIRE, { id }, second.as)).toEqual(await api.gql(EXPIRE, { id: gid("Indicator", MISSING_ID) }, second.as));
    const expired = await api.gql<Json>(EXPIRE, { id }, first.as);
    expect(expired.errors).toBeUndefined();
    expect(Date.parse(expired.data.expireIndicator.expiresAt)).toBeLessThanOrEqual(Date.now());
    // One member is left: below k, as if no one had it.
    expect(await matched()).toBe(false);
    // Asked again, answered as it is.
    expect((await api.gql<Json>(EXPIRE, { id }, first.as)).data.expireIndicator).toEqual(expired.data.expireIndicator);
    const [{ updated_at: updatedAt }] = await api.dataSource.query(`SELECT updated_at FROM indicator WHERE id = $1`, [wrong]);
    expect(Date.now() - updatedAt.getTime()).toBeLessThan(60_000);
    // An anonymous one expires at the end of the day; taken back again that day, it stays so, once audited.
    const [anonymous] = await contribute(api, first, [{ kind: "DOMAIN", value: `anon-${value}`, distribution: "ALLIANCE_ANONYMOUS" }]);
    const first1 = await api.gql<Json>(EXPIRE, { id: gid("Indicator", anonymous) }, first.as);
    expect(first1.data.expireIndicator.expiresAt).toMatch(/T00:00:00\.000Z$/);
    expect((await api.gql<Json>(EXPIRE, { id: gid("Indicator", anonymous) }, first.as)).data).toEqual(first1.data);
    const audited = await api.dataSource.query(`SELECT target_id FROM audit_event WHERE action = 'intel.expire' AND target_id = ANY($1)`, [[wrong, anonymous]]);
    expect(audited.map((row: { target_id: string }) => row.target_id).sort()).toEqual([wrong, anonymous].sort());
  });
});
