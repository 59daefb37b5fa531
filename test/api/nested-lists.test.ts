import type { Organization } from "../../src/entities";
import { InfringementStatus } from "../../src/entities/enums";
import { createBrand, createInfringement, createListing } from "../support/factories";
import { brandMember, contribute } from "../support/intel";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// The lists nested in a record that grow without bound, an indicator's sightings and a case's
// notes: each answers its latest `first` (or `last`) rows, MAX_PAGE_SIZE (100 here) at most and
// 20 by default (a connection's page), counted among the rows the viewer may see, one statement per
// nesting level.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of arbitrary JSON
type Json = any;

let api: TestApi;
let cast: Cast;
// An ALLIANCE indicator of brand A's that brand A sighted 103 times and brand B, later, twice.
let indicatorId: string;
const A_SIGHTINGS = 103;
// Brand A's case with 103 notes, a minute apart; brand B's case on the same listing has one.
const A_NOTES = 103;

// The i-th of `count` rows written a minute apart from `from`, oldest first.
const minutesAfter = (from: string, i: number) => new Date(Date.parse(from) + i * 60_000).toISOString();
const A_SIGHTED_FROM = "2025-01-01T00:00:00.000Z";
const B_SIGHTED_AT = ["2025-06-01T00:00:00.000Z", "2025-06-02T00:00:00.000Z"];
const A_NOTED_FROM = "2025-02-01T00:00:00.000Z";

async function sightMany(org: Organization, indicator: string, count: number, from: string) {
  await api.dataSource.query(
    `INSERT INTO indicator_sighting (owner_org_id, indicator_id, seen_at, source)
     SELECT $1, $2, $3::timestamptz + i * interval '1 minute', 'listing ' || i FROM generate_series(0, $4 - 1) i`,
    [org.id, indicator, from, count],
  );
}

async function noteMany(org: Organization, infringement: string, count: number, from: string) {
  await api.dataSource.query(
    `INSERT INTO infringement_note (owner_org_id, infringement_id, body, created_at)
     SELECT $1, $2, 'note ' || i, $3::timestamptz + i * interval '1 minute' FROM generate_series(0, $4 - 1) i`,
    [org.id, infringement, from, count],
  );
}

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  [indicatorId] = await contribute(api, cast.brandAAnalyst, [{ kind: "DOMAIN", value: "often-sighted.example", distribution: "ALLIANCE" }]);
  await sightMany(cast.brandA.org, indicatorId, A_SIGHTINGS, A_SIGHTED_FROM);
  for (const [i, seenAt] of B_SIGHTED_AT.entries()) {
    const sighted = await api.gql(
      `mutation($input: RecordSightingInput!) { recordSighting(input: $input) { id } }`,
      { input: { indicatorId: gid("Indicator", indicatorId), seenAt, source: `B listing ${i}` } },
      cast.brandBAnalyst.as,
    );
    expect(sighted.errors).toBeUndefined();
  }
  await noteMany(cast.brandA.org, cast.infringementA.id, A_NOTES, A_NOTED_FROM);
  await noteMany(cast.brandB.org, cast.infringementBShared.id, 1, A_NOTED_FROM);
});
afterAll(() => api.close());

const SIGHTINGS = `query($id: ID!, $first: Int) { indicator(id: $id) { sightingCount sightings(first: $first) { seenAt source } } }`;
const sightingsOf = (as: Persona, first?: number) => api.gql<Json>(SIGHTINGS, { id: gid("Indicator", indicatorId), first }, as.as);
// Brand A's own sightings, newest first: the i-th newest is the one written at A_SIGHTINGS - 1 - i.
const newestOfA = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const n = A_SIGHTINGS - 1 - i;
    return { seenAt: minutesAfter(A_SIGHTED_FROM, n), source: `listing ${n}` };
  });

const NOTES = `query($id: ID!, $last: Int) { infringement(id: $id) { noteCount notes(last: $last) { body createdAt } } }`;
const notesOf = (as: Persona, infringement: string, last?: number) => api.gql<Json>(NOTES, { id: gid("Infringement", infringement), last }, as.as);
// Brand A's latest `count` notes, oldest first.
const latestNotesOfA = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const n = A_NOTES - count + i;
    return { body: `note ${n}`, createdAt: minutesAfter(A_NOTED_FROM, n) };
  });

describe("Indicator.sightings(first:)", () => {
  it("answers the latest 20 by default, latest seenAt first; sightingCount counts them all, everyone's", async () => {
    const response = await sightingsOf(cast.brandAAnalyst);
    expect(response.errors).toBeUndefined();
    expect(response.data.indicator).toEqual({ sightingCount: A_SIGHTINGS + B_SIGHTED_AT.length, sightings: newestOfA(20) });
  });

  it("answers the latest `first`, none for 0, and the latest 100 of a longer list at the maximum", async () => {
    expect((await sightingsOf(cast.brandAAnalyst, 3)).data.indicator.sightings).toEqual(newestOfA(3));
    expect((await sightingsOf(cast.brandAAnalyst, 0)).data.indicator).toEqual({ sightingCount: A_SIGHTINGS + B_SIGHTED_AT.length, sightings: [] });
    expect((await sightingsOf(cast.brandAAnalyst, 100)).data.indicator.sightings).toEqual(newestOfA(100));
  });

  it("refuses a `first` below 0 or above the maximum, in the words of a connection's", async () => {
    for (const first of [-1, 101]) {
      const response = await sightingsOf(cast.brandAAnalyst, first);
      expect(response.errors?.[0]).toMatchObject({ message: "`first` must be between 0 and 100", extensions: { code: "BAD_USER_INPUT" } });
    }
  });

  it("shows brand A none of brand B's later sightings, and lets them take no place among A's latest", async () => {
    const asB = await sightingsOf(cast.brandBAnalyst);
    expect(asB.data.indicator).toEqual({
      sightingCount: A_SIGHTINGS + B_SIGHTED_AT.length,
      sightings: [...B_SIGHTED_AT].reverse().map((seenAt, i) => ({ seenAt, source: `B listing ${B_SIGHTED_AT.length - 1 - i}` })),
    });
    // The platform sees every organization's: B's two newest, then A's.
    const asPlatform = await sightingsOf(cast.platformAnalyst, 4);
    expect(asPlatform.data.indicator.sightings.map((s: { source: string }) => s.source)).toEqual(["B listing 1", "B listing 0", "listing 102", "listing 101"]);
    // A's first page holds A's three newest, not B's.
    expect((await sightingsOf(cast.brandAAnalyst, 3)).data.indicator.sightings.map((s: { source: string }) => s.source)).toEqual([
      "listing 102",
      "listing 101",
      "listing 100",
    ]);
  });
});

describe("Infringement.notes(last:) and noteCount", () => {
  it("answers the latest 20 by default, oldest first, and counts them all", async () => {
    const response = await notesOf(cast.brandAAnalyst, cast.infringementA.id);
    expect(response.errors).toBeUndefined();
    expect(response.data.infringement).toEqual({ noteCount: A_NOTES, notes: latestNotesOfA(20) });
  });

  it("answers the latest `last`, oldest first, none for 0, and the latest 100 of a longer history at the maximum", async () => {
    expect((await notesOf(cast.brandAAnalyst, cast.infringementA.id, 2)).data.infringement).toEqual({ noteCount: A_NOTES, notes: latestNotesOfA(2) });
    expect((await notesOf(cast.brandAAnalyst, cast.infringementA.id, 0)).data.infringement).toEqual({ noteCount: A_NOTES, notes: [] });
    expect((await notesOf(cast.brandAAnalyst, cast.infringementA.id, 100)).data.infringement.notes).toEqual(latestNotesOfA(100));
  });

  it("refuses a `last` below 0 or above the maximum, in the words of a connection's", async () => {
    for (const last of [-1, 101]) {
      const response = await notesOf(cast.brandAAnalyst, cast.infringementA.id, last);
      expect(response.errors?.[0]).toMatchObject({ message: "`last` must be between 0 and 100", extensions: { code: "BAD_USER_INPUT" } });
    }
  });

  it("counts, for each case in a list, the notes its viewer may read: a brand its own, the platform every brand's", async () => {
    const LIST = `{ infringements(first: 10) { edges { node { id noteCount notes(last: 1) { body } } } } }`;
    const countsOf = async (as: Persona) => {
      const response = await api.gql<Json>(LIST, {}, as.as);
      expect(response.errors).toBeUndefined();
      return Object.fromEntries(response.data.infringements.edges.map(({ node }: Json) => [node.id, { noteCount: node.noteCount, notes: node.notes }]));
    };
    const [caseA, caseAShared, caseBShared] = [cast.infringementA, cast.infringementAShared, cast.infringementBShared].map((c) => gid("Infringement", c.id));
    const latestOfA = { noteCount: A_NOTES, notes: [{ body: `note ${A_NOTES - 1}` }] };
    const none = { noteCount: 0, notes: [] };
    const ofB = { noteCount: 1, notes: [{ body: "note 0" }] };
    expect(await countsOf(cast.brandAAnalyst)).toEqual({ [caseA]: latestOfA, [caseAShared]: none });
    expect(await countsOf(cast.brandBAnalyst)).toEqual({ [caseBShared]: ofB });
    expect(await countsOf(cast.platformAnalyst)).toEqual({ [caseA]: latestOfA, [caseAShared]: none, [caseBShared]: ofB });
  });

  it("answers another brand's case, its notes and their count, exactly as a missing one", async () => {
    const other = await notesOf(cast.brandAAnalyst, cast.infringementBShared.id);
    const missing = await notesOf(cast.brandAAnalyst, "00000000-0000-4000-8000-000000000000");
    expect(other.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(other).toEqual(missing);
  });
});

describe("statements", () => {
  // A member with `records` indicators and as many cases, each with `rowsEach` sightings or notes.
  async function memberWith(records: number, rowsEach: number) {
    const member = await brandMember(api, `Nested Lists Brand ${records}`);
    const ids = await contribute(
      api,
      member,
      Array.from({ length: records }, (_, i) => ({ kind: "DOMAIN", value: `nested-${records}-${i}.example`, distribution: "PRIVATE" })),
    );
    for (const id of ids) await sightMany(member.org, id, rowsEach, A_SIGHTED_FROM);
    const brand = await createBrand(api.dataSource, member.org);
    for (let i = 0; i < records; i += 1) {
      const infringement = await createInfringement(api.dataSource, brand, await createListing(api.dataSource, cast.seller), {
        status: InfringementStatus.UNDER_REVIEW,
      });
      await noteMany(member.org, infringement.id, rowsEach, A_NOTED_FROM);
    }
    return member;
  }

  const QUERY = `{
    indicators(first: 100, filter: { contributedByMe: true }) { edges { node { id sightings(first: 5) { seenAt } } } }
    infringements(first: 100) { edges { node { id noteCount notes(last: 5) { body } } } }
  }`;
  async function statementsFor(member: Persona, records: number) {
    api.statements.reset();
    const response = await api.gql<Json>(QUERY, {}, member.as);
    expect(response.errors).toBeUndefined();
    expect(response.data.indicators.edges).toHaveLength(records);
    expect(response.data.indicators.edges.every(({ node }: Json) => node.sightings.length === 5)).toBe(true);
    expect(response.data.infringements.edges.every(({ node }: Json) => node.notes.length === 5 && node.noteCount === 12)).toBe(true);
    return [...api.statements.statements];
  }

  it("are one per nested list, whatever the number of records, each keeping its rows per record in the database", async () => {
    const few = await statementsFor(await memberWith(2, 12), 2);
    const many = await statementsFor(await memberWith(7, 12), 7);
    expect(many.length).toBe(few.length);
    // The sightings, the notes (each numbered per record), and the notes' count: one each.
    expect(many.filter((sql) => /FROM "indicator_sighting"/.test(sql))).toHaveLength(1);
    expect(many.filter((sql) => /FROM "infringement_note"/.test(sql))).toHaveLength(2);
    expect(many.filter((sql) => /row_number\(\) OVER \(PARTITION BY/.test(sql))).toHaveLength(2);
  });
});

describe("the query cost", () => {
  const OVER_COST = /^The query is over the cost limit of 20000, found \d+: ask for fewer rows/;
  const refused = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await api.gql(query, variables, cast.brandAAnalyst.as);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({ message: expect.stringMatching(OVER_COST), extensions: { code: "BAD_USER_INPUT" } });
  };
  const served = async (query: string, variables: Record<string, unknown> = {}) =>
    expect((await api.gql(query, variables, cast.brandAAnalyst.as)).errors).toBeUndefined();

  it("counts a nested list by its `first` or `last`, written or a variable's, and by the default page of 20 rows without one", async () => {
    // 30 indicators with 100 sightings each are over the limit, with 20 (the default) within it.
    await refused(`{ indicators(first: 30) { edges { node { sightings(first: 100) { seenAt source } } } } }`);
    await served(`{ indicators(first: 30) { edges { node { sightings { seenAt source } } } } }`);
    const SIGHTINGS_BY_VARIABLE = `query($n: Int) { indicators(first: 30) { edges { node { sightings(first: $n) { seenAt source } } } } }`;
    await refused(SIGHTINGS_BY_VARIABLE, { n: 100 });
    await served(SIGHTINGS_BY_VARIABLE);
    await served(SIGHTINGS_BY_VARIABLE, { n: 10 });

    await refused(`{ infringements(first: 30) { edges { node { notes(last: 100) { body createdAt } } } } }`);
    await served(`{ infringements(first: 30) { edges { node { notes { body createdAt } } } } }`);
    const NOTES_BY_VARIABLE = `query($n: Int) { infringements(first: 30) { edges { node { notes(last: $n) { body createdAt } } } } }`;
    await refused(NOTES_BY_VARIABLE, { n: 100 });
    await served(NOTES_BY_VARIABLE);
    await served(NOTES_BY_VARIABLE, { n: 3 });
  });
});
