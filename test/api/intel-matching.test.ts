import { Scope } from "../../src/auth/scopes";
import { loadKeyedHasher } from "../../src/domain/intel/keyed-hash";
import { IndicatorKind } from "../../src/entities/enums";
import { brandMember, contribute, MATCH } from "../support/intel";
import { createCast, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";
import { inOneUtcWindow } from "../support/utc-window";

// Blind matching: at least k other members, any distribution but PRIVATE (MATCH_ONLY ones only
// when k of them hold the value), unexpired; below k the answer is the one for no match. Lookups are normalized, quota-limited and audited by keyed hash.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of arbitrary JSON
type Json = any;

let api: TestApi;
let cast: Cast;
let seq = 0;

beforeAll(async () => {
  api = await startTestApi({ INTEL_LOOKUPS_PER_HOUR: "30", INTEL_LOOKUPS_PER_DAY: "40", INTEL_MAX_QUERIES_PER_MATCH: "25" });
  cast = await createCast(api);
});
afterAll(() => api.close());

// Fresh members for each test, so that contributions and quotas never mix between tests.
const members = (...names: string[]) => Promise.all(names.map((name) => brandMember(api, `${name} ${(seq += 1)}`)));

const match = (persona: Persona, queries: { kind: string; value: string }[]) =>
  api.gql<Json>(MATCH, { queries }, persona.as);

// What an organization's lookups have counted in its quota windows, and how many were audited.
const usageOf = (persona: Persona) =>
  api.dataSource.query(`SELECT window_kind, lookups FROM intel_lookup_usage WHERE org_id = $1 ORDER BY window_kind`, [persona.org.id]);
const auditedLookups = async (persona: Persona) =>
  (await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'intel.match' AND owner_org_id = $1`, [persona.org.id]))[0].n;

const NO_MATCH = { matched: false, memberCount: null, highestConfidence: null, firstSeenAt: null, lastSeenAt: null };

describe("matchIndicators: k members or it did not happen", () => {
  it("answers a value only one other member contributed (MATCH_ONLY) exactly as one nobody contributed", async () => {
    const [asker, b, c] = await members("Asker", "B", "C");
    await contribute(api, b, [{ kind: "KEYWORD", value: "lonely secret", distribution: "MATCH_ONLY", confidence: 90 }]);
    const response = await match(asker, [
      { kind: "KEYWORD", value: "Lonely  SECRET" },
      { kind: "KEYWORD", value: "never contributed" },
    ]);
    expect(response.errors).toBeUndefined();
    expect(response.data.matchIndicators).toEqual([
      { kind: "KEYWORD", value: "lonely secret", ...NO_MATCH },
      { kind: "KEYWORD", value: "never contributed", ...NO_MATCH },
    ]);
    // A second MATCH_ONLY member makes it k = 2: now it matches, with the highest confidence and the
    // days it was seen. Not the times: C's attributed row of the same call has the exact time of its
    // MATCH_ONLY one, and would name C as the last holder.
    await contribute(api, c, [
      { kind: "KEYWORD", value: "lonely secret", distribution: "MATCH_ONLY", confidence: 60 },
      { kind: "KEYWORD", value: "c says so openly", distribution: "ALLIANCE", confidence: 60 },
    ]);
    const [second] = (await match(asker, [{ kind: "KEYWORD", value: "lonely secret" }])).data.matchIndicators;
    expect(second).toMatchObject({ matched: true, memberCount: 2, highestConfidence: 90 });
    const [stored] = await api.dataSource.query(`SELECT max(last_seen_at) AS at FROM indicator WHERE owner_org_id = $1`, [c.org.id]);
    const day = (at: Date) => `${at.toISOString().slice(0, 10)}T00:00:00.000Z`;
    expect(second.lastSeenAt).toBe(day(stored.at));
    expect(second.firstSeenAt).toMatch(/T00:00:00\.000Z$/);
    expect(Date.parse(second.firstSeenAt)).toBeLessThanOrEqual(Date.parse(second.lastSeenAt));
  });

  it("does not count a single MATCH_ONLY member beside rows the asker can read, which would tell it apart", async () => {
    const [asker, visible, hidden, hidden2] = await members("Asker", "Visible", "Hidden", "Hidden 2");
    await contribute(api, visible, [{ kind: "PHONE", value: "+86 138 0000 0404", distribution: "ALLIANCE", confidence: 50 }]);
    await contribute(api, hidden, [{ kind: "PHONE", value: "+86 138 0000 0404", distribution: "MATCH_ONLY", confidence: 95 }]);
    // The asker reads the ALLIANCE row (confidence 50, its dates): memberCount 2 and confidence 95
    // would be the hidden member's own. Its answer is the one for a single readable member: none.
    const readable = await api.gql<Json>(`{ indicators(filter: { value: { kind: PHONE, value: "+8613800000404" } }) { totalCount } }`, {}, asker.as);
    expect(readable.data.indicators.totalCount).toBe(1);
    expect((await match(asker, [{ kind: "PHONE", value: "+8613800000404" }])).data.matchIndicators[0]).toMatchObject(NO_MATCH);
    // A second readable member: matched, with the readable rows' figures only.
    const [second] = await members("Visible 2");
    await contribute(api, second, [{ kind: "PHONE", value: "+8613800000404", distribution: "ALLIANCE_ANONYMOUS", confidence: 40 }]);
    expect((await match(asker, [{ kind: "PHONE", value: "+8613800000404" }])).data.matchIndicators[0]).toMatchObject({
      matched: true,
      memberCount: 2,
      highestConfidence: 50,
    });
    // A second MATCH_ONLY member: the hidden ones are k of their own, and count.
    await contribute(api, hidden2, [{ kind: "PHONE", value: "+8613800000404", distribution: "MATCH_ONLY", confidence: 70 }]);
    expect((await match(asker, [{ kind: "PHONE", value: "+8613800000404" }])).data.matchIndicators[0]).toMatchObject({
      matched: true,
      memberCount: 4,
      highestConfidence: 95,
    });
  });

  it("never counts PRIVATE indicators, nor the asker's own", async () => {
    const [asker, b, c, outsider] = await members("Asker", "B", "C", "Outsider");
    await contribute(api, b, [{ kind: "KEYWORD", value: "private pair", distribution: "PRIVATE" }]);
    await contribute(api, c, [{ kind: "KEYWORD", value: "private pair", distribution: "ALLIANCE" }]);
    expect((await match(asker, [{ kind: "KEYWORD", value: "private pair" }])).data.matchIndicators[0]).toMatchObject(NO_MATCH);
    // The asker's own contribution plus one other member is still only one *other* member.
    await contribute(api, asker, [{ kind: "KEYWORD", value: "private pair", distribution: "ALLIANCE" }]);
    expect((await match(asker, [{ kind: "KEYWORD", value: "private pair" }])).data.matchIndicators[0]).toMatchObject(NO_MATCH);
    // Someone else sees two other members: the asker's and C's.
    expect((await match(outsider, [{ kind: "KEYWORD", value: "private pair" }])).data.matchIndicators[0]).toMatchObject({ matched: true, memberCount: 2 });
  });

  it("matches the same phone written three ways", async () => {
    const [asker, b, c] = await members("Asker", "B", "C");
    await contribute(api, b, [{ kind: "PHONE", value: "+86 139 1234 5678", distribution: "MATCH_ONLY" }]);
    await contribute(api, c, [{ kind: "PHONE", value: "0086-139-1234-5678", distribution: "MATCH_ONLY" }]);
    const response = await match(asker, [{ kind: "PHONE", value: "(+86) 13912345678" }]);
    expect(response.data.matchIndicators[0]).toMatchObject({ kind: "PHONE", value: "+8613912345678", matched: true, memberCount: 2 });
  });

  it("stops matching once indicators expire", async () => {
    const [asker, b, c] = await members("Asker", "B", "C");
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const ids = [
      ...(await contribute(api, b, [{ kind: "SELLER", value: "taobao:exp-store-1", distribution: "MATCH_ONLY", expiresAt: soon }])),
      ...(await contribute(api, c, [{ kind: "SELLER", value: "TAOBAO / exp-store-1", distribution: "MATCH_ONLY" }])),
    ];
    expect((await match(asker, [{ kind: "SELLER", value: "TAOBAO:exp-store-1" }])).data.matchIndicators[0].matched).toBe(true);
    // An hour passes for B's indicator.
    await api.dataSource.query(`UPDATE indicator SET expires_at = now() - interval '1 second' WHERE id = $1`, [ids[0]]);
    expect((await match(asker, [{ kind: "SELLER", value: "TAOBAO:exp-store-1" }])).data.matchIndicators[0]).toMatchObject(NO_MATCH);
  });

  it("refuses values invalid for their kind by index, looking nothing up and using no quota", async () => {
    const [asker] = await members("Asker");
    const response = await match(asker, [
      { kind: "IMAGE_HASH", value: "0xA1B2C3D4E5F60718" },
      { kind: "IMAGE_HASH", value: "a1b2" },
    ]);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", itemErrors: [{ index: 1, reason: "IMAGE_HASH value must be a 64-bit perceptual hash written as 16 hex digits" }] },
    });
    expect(await api.dataSource.query(`SELECT * FROM intel_lookup_usage WHERE org_id = $1`, [asker.org.id])).toEqual([]);
    const tooMany = await match(asker, Array.from({ length: 26 }, (_, i) => ({ kind: "KEYWORD", value: `k${i}` })));
    expect(tooMany.errors?.[0]).toMatchObject({ message: "Ask about 1 to 25 values at a time", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("refuses the agency and a key without intel:read", async () => {
    const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]);
    for (const persona of [cast.investigator, key]) {
      const response = await match(persona, [{ kind: "KEYWORD", value: "x" }]);
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
  });
});

describe("audit and quota", () => {
  it("audits every lookup with its keyed hash only, never the value", async () => {
    const [asker] = await members("Audited");
    await match(asker, [{ kind: "PHONE", value: "+86 138 0013 8000" }]);
    const events = await api.dataSource.query(`SELECT after FROM audit_event WHERE action = 'intel.match' AND owner_org_id = $1`, [asker.org.id]);
    const hash = loadKeyedHasher(api.config).hashHex(IndicatorKind.PHONE, "+8613800138000");
    expect(events).toEqual([{ after: { lookups: [{ kind: "PHONE", hash }], matched: 0 } }]);
    // Outside the hash, whose random hex digits may spell "138" by chance (about once in 60 runs).
    expect(JSON.stringify(events).replace(hash, "<hash>")).not.toMatch(/138|0013|8000/);
  });

  it("refuses lookups past the hourly quota with RATE_LIMITED and the retry time, counting nothing for the refused request", async () => {
    // Every request here must count in one hour's window: one that began in the next would be let through.
    await inOneUtcWindow("hour");
    const [asker, other] = await members("Quota", "Other");
    const values = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ kind: "KEYWORD", value: `${prefix}${i}` }));
    expect((await match(asker, values(25, "a"))).errors).toBeUndefined();
    const refused = await match(asker, values(6, "b"));
    expect(refused.data).toBeNull();
    const error = refused.errors?.[0];
    expect(error?.extensions?.code).toBe("RATE_LIMITED");
    const retry = error?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    expect(error?.message).toBe(
      `Blind-match quota of your organization used up (30 an hour, 5 left; this request asked for 6); send at most 5 values now, or retry in ${retry} seconds`,
    );
    expect(error?.extensions?.lookupsLeft).toBe(5);
    expect(await usageOf(asker)).toEqual([
      { window_kind: "DAY", lookups: 25 },
      { window_kind: "HOUR", lookups: 25 },
    ]);
    // Nor is it audited: the lookup and its audit event are the statement the quota refused.
    expect(await auditedLookups(asker)).toBe(1);
    // What is left of the hour still works, and the quota is per organization.
    expect((await match(asker, values(5, "c"))).errors).toBeUndefined();
    expect((await match(other, values(6, "d"))).errors).toBeUndefined();
  });

  it("refuses lookups past the daily quota, with the time until the day's window ends", async () => {
    // The day's window written here must still be the request's.
    await inOneUtcWindow("day");
    const [asker] = await members("Daily");
    await api.dataSource.query(
      `INSERT INTO intel_lookup_usage (org_id, window_kind, window_start, lookups, lookup_limit)
       VALUES ($1, 'DAY', date_trunc('day', now(), 'UTC'), 40, 40)`,
      [asker.org.id],
    );
    const refused = await match(asker, [{ kind: "KEYWORD", value: "one more" }]);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "RATE_LIMITED" } });
    expect(refused.errors?.[0].message).toMatch(/\(40 a day, 0 left; this request asked for 1\); retry in \d+ seconds$/);
    const retry = refused.errors?.[0].extensions?.retryAfterSeconds as number;
    const secondsToMidnightUtc = Math.ceil((new Date().setUTCHours(24, 0, 0, 0) - Date.now()) / 1000);
    expect(Math.abs(retry - secondsToMidnightUtc)).toBeLessThanOrEqual(2);
  });

  it("never counts past the quota when lookups race: the requests that fit get answers, the rest RATE_LIMITED", async () => {
    // As above: the ten requests count in one hour's window.
    await inOneUtcWindow("hour");
    const [asker] = await members("Racing");
    const asks = Array.from({ length: 10 }, (_, i) => match(asker, Array.from({ length: 7 }, (_, j) => ({ kind: "KEYWORD", value: `race ${i} ${j}` }))));
    const responses = await Promise.all(asks);
    const answered = responses.filter((response) => !response.errors);
    const refused = responses.filter((response) => response.errors);
    // 30 an hour fits four requests of 7 (28); a fifth would make 35.
    expect(answered).toHaveLength(4);
    expect(refused.map((response) => response.errors?.[0].extensions?.code)).toEqual(Array(6).fill("RATE_LIMITED"));
    expect(await usageOf(asker)).toEqual([
      { window_kind: "DAY", lookups: 28 },
      { window_kind: "HOUR", lookups: 28 },
    ]);
    expect(await auditedLookups(asker)).toBe(4);
  });
});

describe("a quota smaller than a match may ask", () => {
  let small: TestApi;
  beforeAll(async () => {
    small = await startTestApi({ INTEL_LOOKUPS_PER_HOUR: "5", INTEL_LOOKUPS_PER_DAY: "8" });
  });
  afterAll(() => small.close());

  it("refuses more values than a whole window holds as bad input, which no wait would let through", async () => {
    const asker = await brandMember(small, "Small quota");
    const ask = (n: number) => small.gql<Json>(MATCH, { queries: Array.from({ length: n }, (_, i) => ({ kind: "KEYWORD", value: `value ${i}` })) }, asker.as);
    expect((await ask(6)).errors?.[0]).toMatchObject({ message: "Ask about 1 to 5 values at a time", extensions: { code: "BAD_USER_INPUT" } });
    expect(await small.dataSource.query(`SELECT * FROM intel_lookup_usage WHERE org_id = $1`, [asker.org.id])).toEqual([]);
    expect((await ask(5)).errors).toBeUndefined();
  });
});
