import { movedCursor } from "./../support/cursors";
import { MAX_FIELDS } from "../../src/api/field-count.rule";
import { createProduct } from "../support/factories";
import { footprint } from "../support/footprint";
import { createCast, gid, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi({ MAX_BODY_BYTES: "20000" });
  cast = await createCast(api);
});
afterAll(() => api.close());

async function expectBadInput(query: string, variables: Record<string, unknown> = {}, message?: RegExp) {
  const before = await footprint(api.dataSource);
  const response = await api.gql(query, variables, cast.brandAAdmin.as);
  expect(response.status).toBeLessThan(500);
  expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  if (message) expect(response.errors?.[0].message).toMatch(message);
  expect(await footprint(api.dataSource)).toEqual(before);
  return response;
}

const REVIEW = `mutation($input: ReviewInfringementInput!) { reviewInfringement(input: $input) { status } }`;

describe("bad input gets a coded error and changes nothing", () => {
  it("malformed documents", async () => {
    await expectBadInput(`{ infringements(first: 5) { edges { node { id }`, {}, /Syntax Error/);
    await expectBadInput(`mutation { reviewInfringement(input: }`);
  });

  it("a path that is not the API's: 404 in the API's shape, never Express's HTML page", async () => {
    for (const path of ["/", "/.env", "/healthz/x", "/graphq"]) {
      const response = await fetch(new URL(path, api.url), { method: path === "/" ? "GET" : "POST" });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("NOT_FOUND");
    }
  });

  it("an operation in a GET's query string, which access logs would keep (a blind match's values too): 405, nothing run", async () => {
    const token = (cast.brandAAnalyst.as as { token: string }).token;
    const lookups = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'intel.match'`))[0].n;
    const before = await lookups();
    const match = `query($v: [IndicatorQueryInput!]!) { matchIndicators(queries: $v) { matched } }`;
    for (const search of [
      `?query=${encodeURIComponent("{ __typename }")}`,
      `?query=${encodeURIComponent(match)}&variables=${encodeURIComponent(JSON.stringify({ v: [{ kind: "PHONE", value: "+86 139 0000 0000" }] }))}`,
    ]) {
      const response = await fetch(`${api.url}${search}`, { headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "1" } });
      expect([response.status, response.headers.get("allow")]).toEqual([405, "POST"]);
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]).toMatchObject({ message: expect.stringContaining("POST with a JSON body"), extensions: { code: "BAD_USER_INPUT" } });
    }
    expect(await lookups()).toBe(before);
  });

  it("a document of several operations without operationName, or a name none of them has", async () => {
    // Anyone may send these, signed in or not: a clear 400, never a 500.
    const headers = { authorization: `Bearer ${(cast.brandAAdmin.as as { token: string }).token}` };
    for (const [body, message] of [
      [{ query: "query A { __typename } query B { __typename }" }, /Must provide operation name/],
      [{ query: "mutation A { __typename } query B { __typename }" }, /Must provide operation name/],
      [{ query: "{ __typename }", operationName: "Nope" }, /Unknown operation named "Nope"/],
    ] as const) {
      for (const auth of [headers, {}]) {
        const response = await api.post(JSON.stringify(body), auth);
        expect(response.status).toBe(400);
        const [error] = JSON.parse(response.body).errors;
        expect(error.message).toMatch(message);
        expect(error.extensions.code).toBe("BAD_USER_INPUT");
      }
    }
  });

  it("unknown fields and arguments", async () => {
    await expectBadInput(`{ infringements { edges { node { secretField } } } }`, {}, /Cannot query field "secretField"/);
    await expectBadInput(`{ infringements(owner: "x") { totalCount } }`);
  });

  it("invalid enum values, dates and ids in variables", async () => {
    const id = gid("Infringement", cast.infringementA.id);
    await expectBadInput(REVIEW, { input: { id, status: "DELETED" } });
    await expectBadInput(`query($f: InfringementFilter) { infringements(filter: $f) { totalCount } }`, { f: { detectedFrom: "yesterday" } });
    // ISO 8601 has a year 0000; PostgreSQL does not.
    await expectBadInput(`query($f: InfringementFilter) { infringements(filter: $f) { totalCount } }`, { f: { detectedFrom: "0000-01-01T00:00:00Z" } }, /Dates must be in the years 1 to 9999/);
    await expectBadInput(`{ infringements(filter: { detectedFrom: "0000-06-01T00:00:00Z" }) { totalCount } }`, {}, /Dates must be in the years 1 to 9999/);
    await expectBadInput(REVIEW, { input: { id: "bm90LWFuLWlk", status: "UNDER_REVIEW" } }, /is not a valid ID/);
    await expectBadInput(REVIEW, { input: { id: gid("Listing", cast.sharedListing.id), status: "UNDER_REVIEW" } }, /is not an ID of an Infringement$/);
  });

  it("more than 50 invalid values in the variables, where graphql-js gives up with an error of no code", async () => {
    const query = `query($s: [InfringementStatus!]) { infringements(filter: { statuses: $s }) { totalCount } }`;
    const response = await expectBadInput(query, { s: Array.from({ length: 60 }, () => "DELETED") });
    expect(response.errors).toHaveLength(51);
    expect(response.errors!.every((error) => error.extensions?.code === "BAD_USER_INPUT")).toBe(true);
    expect(response.errors![50].message).toBe("More than 50 variable values are invalid; the first 50 are named above: mend them (and any like them) and send again");
  });

  it("page sizes and cursors out of range", async () => {
    await expectBadInput(`{ infringements(first: -1) { totalCount } }`, {}, /between 0 and 100/);
    await expectBadInput(`{ infringements(first: 1000) { totalCount } }`, {}, /between 0 and 100/);
    await expectBadInput(`{ infringements(first: 5, after: "garbage") { totalCount } }`, {}, /not a cursor/);
    await expectBadInput(`{ infringements(last: -1) { totalCount } }`, {}, /`last` must be between 0 and 100/);
    await expectBadInput(`{ infringements(last: 101) { totalCount } }`, {}, /`last` must be between 0 and 100/);
    await expectBadInput(`{ infringements(last: 5, before: "garbage") { totalCount } }`, {}, /`before` is not a cursor .* startCursor/);
  });

  it("a page size beyond Int, told as no Int rather than as a query over the cost limit", async () => {
    const noInt = "Int cannot represent non 32-bit signed integer value: 99999999999";
    for (const query of [`{ infringements(first: 99999999999) { edges { node { id } } } }`, `{ infringements(last: 99999999999) { totalCount } }`]) {
      const response = await expectBadInput(query, {}, new RegExp(`^${noInt}$`));
      expect(response.errors).toHaveLength(1);
    }
    const variable = await expectBadInput(`query($first: Int) { infringements(first: $first) { edges { node { id } } } }`, { first: 99999999999 });
    expect(variable.errors?.map((error) => error.message)).toEqual([`Variable "$first" got invalid value 99999999999; ${noInt}`]);
    // A valid Int too large for the cost limit is still refused by it.
    await expectBadInput(`{ infringements(first: 100000) { edges { node { id } } } }`, {}, /^The query is over the cost limit of 20000, found \d+: ask for fewer rows/);
  });

  it("a page asked for both forward and backward", async () => {
    await expectBadInput(`{ infringements(first: 5, last: 5) { totalCount } }`, {}, /forward with `first` and `after`, or backward/);
    await expectBadInput(`{ infringements(last: 5, after: "x") { totalCount } }`, {}, /forward with `first` and `after`, or backward/);
    await expectBadInput(`{ infringements(first: 5, before: "x") { totalCount } }`, {}, /forward with `first` and `after`, or backward/);
  });

  it("a detection window that ends before it starts, as the audit log's refuses", async () => {
    await expectBadInput(
      `{ infringements(filter: { detectedFrom: "2026-10-02T00:00:00Z", detectedTo: "2026-10-01T00:00:00Z" }) { totalCount } }`,
      {},
      /^`detectedFrom` must be before `detectedTo` \(a window holds its start, not its end\)$/,
    );
  });

  it("a risk score filter out of range", async () => {
    await expectBadInput(`{ infringements(filter: { minRiskScore: 101 }) { totalCount } }`, {}, /between 0 and 100/);
  });

  it("a cursor from one ordering used with another", async () => {
    const page = await api.gql<{ infringements: { pageInfo: { endCursor: string } } }>(
      `{ infringements(first: 1, orderBy: { field: RISK_SCORE }) { pageInfo { endCursor } } }`,
      {},
      cast.brandAAdmin.as,
    );
    await expectBadInput(
      `query($after: String) { infringements(first: 1, after: $after, orderBy: { field: DETECTED_AT }) { totalCount } }`,
      { after: page.data?.infringements.pageInfo.endCursor },
      /not a cursor of this list with these filters in this order/,
    );
    // The same order the other way round, and another list ordered by the same column.
    await expectBadInput(
      `query($before: String) { infringements(last: 1, before: $before, orderBy: { field: RISK_SCORE, direction: ASC }) { totalCount } }`,
      { before: page.data?.infringements.pageInfo.endCursor },
      /`before` is not a cursor of this list with these filters in this order/,
    );
    // A cursor of infringements (newest detected first) given to referrals (newest created first).
    const newest = await api.gql<{ infringements: { pageInfo: { endCursor: string | null } } }>(
      `{ infringements(first: 1) { pageInfo { endCursor } } }`,
      {},
      cast.brandAAdmin.as,
    );
    expect(newest.data?.infringements.pageInfo.endCursor).toEqual(expect.any(String));
    const REFERRALS = `query($after: String) { referrals(first: 1, after: $after) { totalCount } }`;
    await expectBadInput(REFERRALS, { after: newest.data?.infringements.pageInfo.endCursor }, /not a cursor/);
  });

  it("a cursor from one filter used with another: its rows would silently start part-way", async () => {
    const LIST = `query($after: String, $statuses: [InfringementStatus!]) {
      infringements(first: 1, after: $after, filter: { statuses: $statuses }) { totalCount edges { node { id } } pageInfo { endCursor } } }`;
    type Page = { infringements: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } };
    const first = await api.gql<Page>(LIST, { statuses: ["FLAGGED", "UNDER_REVIEW"] }, cast.brandAAdmin.as);
    const after = first.data!.infringements.pageInfo.endCursor;
    await expectBadInput(LIST, { after, statuses: ["CONFIRMED"] }, /^`after` is not a cursor of this list with these filters in this order/);
    await expectBadInput(LIST, { after }, /not a cursor of this list with these filters/);
    // With the same filter it pages on, whatever was asked for first (the count, say), and a
    // filter's list is a set: its values in another order are the same filter.
    for (const statuses of [["FLAGGED", "UNDER_REVIEW"], ["UNDER_REVIEW", "FLAGGED"]]) {
      const next = await api.gql<Page>(LIST, { after, statuses }, cast.brandAAdmin.as);
      expect(next.errors).toBeUndefined();
      expect(next.data!.infringements.edges.map((e) => e.node.id)).not.toContain(first.data!.infringements.edges[0].node.id);
    }
  });

  it("a cursor made by hand whose value or id is not of its column", async () => {
    const PAGE = `query($after: String) { infringements(first: 1, after: $after, orderBy: { field: RISK_SCORE }) { totalCount pageInfo { endCursor } } }`;
    const real = await api.gql<{ infringements: { pageInfo: { endCursor: string } } }>(PAGE, {}, cast.brandAAdmin.as);
    const cursor = (value: unknown, id = "00000000-0000-4000-8000-000000000000") => movedCursor(real.data!.infringements.pageInfo.endCursor, { v: value, id });
    await expectBadInput(PAGE, { after: cursor("x") }, /not a cursor/);
    await expectBadInput(PAGE, { after: cursor(1.5) }, /not a cursor/);
    await expectBadInput(PAGE, { after: cursor(80, "-".repeat(36)) }, /not a cursor/);
    const byTime = `query($after: String) { infringements(first: 1, after: $after) { totalCount pageInfo { endCursor } } }`;
    const realByTime = await api.gql<{ infringements: { pageInfo: { endCursor: string } } }>(byTime, {}, cast.brandAAdmin.as);
    const timeCursor = movedCursor(realByTime.data!.infringements.pageInfo.endCursor, { v: "not a time", id: "00000000-0000-4000-8000-000000000000" });
    await expectBadInput(byTime, { after: timeCursor }, /not a cursor/);
    // Times JavaScript parses and PostgreSQL does not (the 30th of February, year 0, years BC), and
    // text PostgreSQL cannot hold: refused here, not failed there as an internal error.
    for (const v of ["2026-02-30T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "2026-01-01T00:00:00Z"]) {
      await expectBadInput(byTime, { after: movedCursor(realByTime.data!.infringements.pageInfo.endCursor, { v, id: "00000000-0000-4000-8000-000000000000" }) }, /not a cursor/);
    }
    await createProduct(api.dataSource, cast.brandA.brand);
    const BY_SKU = `query($after: String) { products(first: 1, after: $after) { totalCount pageInfo { endCursor } } }`;
    const bySku = (await api.gql<{ products: { pageInfo: { endCursor: string } } }>(BY_SKU, {}, cast.brandAAdmin.as)).data!.products.pageInfo.endCursor;
    await expectBadInput(BY_SKU, { after: movedCursor(bySku, { v: "a\u0000b", id: "00000000-0000-4000-8000-000000000000" }) }, /not a cursor/);
    // A well-formed one is a position like any other: accepted, past the column's type too.
    const accepted = await api.gql(PAGE, { after: cursor(80) }, cast.brandAAdmin.as);
    expect(accepted.errors).toBeUndefined();
    for (const value of [99_999, -(2 ** 40), Number.MAX_SAFE_INTEGER]) {
      expect((await api.gql(PAGE, { after: cursor(value) }, cast.brandAAdmin.as)).errors).toBeUndefined();
    }
  });

  it("text with a NUL character or an unpaired surrogate, anywhere in the request", async () => {
    const NOTE = `mutation($input: AddInfringementNoteInput!) { addInfringementNote(input: $input) { id } }`;
    const infringementId = gid("Infringement", cast.infringementA.id);
    for (const body of ["before\u0000after", "lone \ud800 half", "lone \udc00 half"]) {
      await expectBadInput(NOTE, { input: { infringementId, body } }, /^input\.body holds a NUL character or an unpaired surrogate/);
    }
    await expectBadInput(`query($ids: [String!]) { infringements(filter: { listingExternalIds: $ids }) { totalCount } }`, { ids: ["ok", "x\u0000"] }, /^ids\[1\] holds/);
    await expectBadInput(`mutation { login(email: "a\u0000b@example.com", password: "whatever12345") { token } }`, {}, /^query holds/);
    // In a key too (a listing's specs is a JSON object), named without the key itself.
    const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted } }`;
    const keyed = await expectBadInput(INGEST, { listings: [{ specs: { "colour\ud800": "red" } }] }, /^a key of listings\[0\]\.specs holds a NUL character or an unpaired surrogate/);
    expect(JSON.stringify(keyed)).not.toContain("colour");
    // Written as an escape in the query, the parser makes the NUL.
    await expectBadInput(String.raw`mutation { login(email: "a\u0000b@example.com", password: "whatever12345") { token } }`, {}, /^A string in the query holds/);
    // However many, one error for them all, not one each past graphql-js's 100.
    const many = Array.from({ length: 150 }, (_, n) => String.raw`"x${n}\u0000"`).join(", ");
    const refused = await expectBadInput(`{ infringements(filter: { listingExternalIds: [${many}] }) { totalCount } }`, {}, /^150 strings in the query hold a NUL/);
    expect(refused.errors).toHaveLength(1);
    expect((refused.errors?.[0] as { locations?: unknown[] }).locations).toHaveLength(150);
    // Text made only of characters that show nothing is empty.
    await expectBadInput(NOTE, { input: { infringementId, body: "\u200b\u200b \ufeff" } }, /must not be empty/);
    // A whole surrogate pair (an emoji) is text like any other.
    const emoji = await api.gql<{ addInfringementNote: { id: string } }>(NOTE, { input: { infringementId, body: "seen again 👀" } }, cast.brandAAdmin.as);
    expect(emoji.errors).toBeUndefined();
  });

  it("a subscription, which the API has none of", async () => {
    const response = await expectBadInput(`subscription { __typename }`, {}, /^This API has no subscriptions: send a query or a mutation$/);
    expect(response.status).toBe(400);
  });

  it("more than one mutation in a request, or more than one blind match", async () => {
    const infringementId = gid("Infringement", cast.infringementA.id);
    await expectBadInput(
      `mutation($id: ID!) { a: addInfringementNote(input: { infringementId: $id, body: "one" }) { id } b: addInfringementNote(input: { infringementId: $id, body: "two" }) { id } }`,
      { id: infringementId },
      /^A request makes one change: send each of these 2 mutations in a request of its own/,
    );
    await expectBadInput(
      `fragment Both on Mutation { b: addInfringementNote(input: { infringementId: $id, body: "two" }) { id } }
       mutation($id: ID!) { a: addInfringementNote(input: { infringementId: $id, body: "one" }) { id } ...Both }`,
      { id: infringementId },
      /2 mutations/,
    );
    const q = [{ kind: "KEYWORD", value: "replica" }];
    await expectBadInput(
      `query($q: [IndicatorQueryInput!]!) { a: matchIndicators(queries: $q) { matched } b: matchIndicators(queries: $q) { matched } }`,
      { q },
      /^Ask matchIndicators once a request, with every value in its queries list \(this request asks 2 times\)/,
    );
  });

  it("oversized bodies, bodies that are not JSON, and batches", async () => {
    const before = await footprint(api.dataSource);
    const big = await api.post(JSON.stringify({ query: `{ viewer { name } }`, padding: "x".repeat(30_000) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).errors[0]).toEqual({
      message: "The request body is too large: at most 20000 bytes (MAX_BODY_BYTES); split the work into smaller requests",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const notJson = await api.post("{ this is not json");
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    // JSON, but not an object: the message says what a body must be.
    for (const body of ['"hello"', "5", "null"]) {
      const response = await api.post(body);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).errors[0]).toEqual({
        message: 'The request body must be a JSON object such as {"query": "...", "variables": {...}}; this one is not valid JSON, or not an object',
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    // Bytes that are not UTF-8 would be stored with U+FFFD in their place, not as sent.
    const note = Buffer.from(
      JSON.stringify({
        query: `mutation($b: String!) { addInfringementNote(input: { infringementId: "${gid("Infringement", cast.infringementA.id)}", body: $b }) { id } }`,
        variables: { b: "NOTE-?" },
      }),
    );
    const at = note.indexOf("NOTE-?") + 5;
    const invalid = Buffer.concat([note.subarray(0, at), Buffer.from([0xff, 0xfe]), note.subarray(at + 1)]);
    const token = (cast.brandAAdmin.as as { token: string }).token;
    const notUtf8 = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: invalid });
    expect(notUtf8.status).toBe(400);
    expect(((await notUtf8.json()) as { errors: unknown[] }).errors[0]).toEqual({
      message: "The request body's charset is not supported, or its bytes are not valid UTF-8: send JSON in UTF-8",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const batch = await api.post(JSON.stringify([{ query: "{ viewer { name } }" }, { query: "{ viewer { name } }" }]));
    expect(batch.status).toBe(400);
    expect(JSON.parse(batch.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(await footprint(api.dataSource)).toEqual(before);
  });
});

describe("query limits", () => {
  let limited: TestApi;
  let token: { token: string };
  beforeAll(async () => {
    limited = await startTestApi({ MAX_QUERY_DEPTH: "5", MAX_QUERY_ALIASES: "3", MAX_QUERY_COST: "50", MAX_QUERY_TOKENS: "200" });
    const limitedCast = await createCast(limited);
    token = limitedCast.brandAAnalyst.as as { token: string };
  });
  afterAll(() => limited.close());

  const refused = async (query: string, message: RegExp, variables: Record<string, unknown> = {}) => {
    const response = await limited.gql(query, variables, token);
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(message);
  };

  it("refuses a query deeper than the limit, and serves one at the limit", async () => {
    expect((await limited.gql(`{ infringements(first: 1) { edges { node { listing { title } } } } }`, {}, token)).errors).toBeUndefined();
    const tooDeep = `{ infringements(first: 1) { edges { node { listing { seller { name } } } } } }`;
    await refused(tooDeep, /^The query is over the depth limit of 5, found 6: nest fewer levels/);
    expect((await limited.gql(tooDeep, {}, token)).errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", limit: "depth", max: 5 });
  });

  it("refuses alias floods", async () => {
    await refused(`{ a: viewer { name } b: viewer { name } c: viewer { name } d: viewer { name } }`, /^The query is over the aliases limit of 3, found 4: send fewer aliased fields/);
  });

  it("refuses documents with more tokens than the limit, naming it in its extensions as the other limits do", async () => {
    const query = `{ viewer { ${"name ".repeat(200)} } }`;
    await refused(query, /^The query is over the tokens limit of 200 \(MAX_QUERY_TOKENS\): send a shorter document, or split it into several requests$/);
    expect((await limited.gql(query, {}, token)).errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", limit: "tokens", max: 200 });
  });

  it("refuses queries that cost more than the limit", async () => {
    expect((await limited.gql(`{ infringements(first: 1) { edges { node { id } } } }`, {}, token)).errors).toBeUndefined();
    await refused(
      `{ infringements(first: 1) { edges { node { brand { id name aliases } listing { id title status riskScore modelVersion } riskSignals { kind contribution reason } notes { id body } } } } }`,
      /^The query is over the cost limit of 50, found \d+: ask for fewer rows/,
    );
  });

  it("counts a page size given by a variable, or left to the default of 20 rows, as those rows", async () => {
    const BY_VARIABLE = `query($n: Int) { infringements(first: $n) { edges { node { id } } } }`;
    expect((await limited.gql(BY_VARIABLE, { n: 1 }, token)).errors).toBeUndefined();
    // 12.875 a row: 4 rows are over 50, as `first: 4` written out is.
    await refused(BY_VARIABLE, /^The query is over the cost limit of 50, found 52: ask for fewer rows/, { n: 4 });
    await refused(`{ infringements(first: 4) { edges { node { id } } } }`, /^The query is over the cost limit of 50, found 52: ask for fewer rows/);
    // No page size, or an unset variable: the default page.
    await refused(`{ infringements { edges { node { id } } } }`, /^The query is over the cost limit of 50, found 258: ask for fewer rows/);
    await refused(BY_VARIABLE, /^The query is over the cost limit of 50, found 258: ask for fewer rows/);
    // Backward pages too.
    await refused(`query($n: Int) { infringements(last: $n) { edges { node { id } } } }`, /found 52/, { n: 4 });
  });
});

describe("the field limit", () => {
  const typenames = (n: number) => "__typename ".repeat(n);

  it("serves 500 fields, even all of one name", async () => {
    const response = await api.gql(`{ ${typenames(MAX_FIELDS)} }`, {}, cast.brandAAnalyst.as);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __typename: "Query" });
  });

  it("refuses more, with one error naming the limit, where graphql-js would give up with a bare \"Validation aborted.\"", async () => {
    for (const query of [
      `{ ${typenames(1100)} }`,
      `{ ${typenames(MAX_FIELDS + 1)} }`,
      // A fragment counts each time it is spread: 2 x 251.
      `{ ...F ...F } fragment F on Query { ${typenames(250)} ...G } fragment G on Query { __typename }`,
    ]) {
      const response = await expectBadInput(query, {}, /^The request selects more than 500 fields .*; split it into smaller requests$/);
      expect(response.status).toBe(400);
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", maxFields: MAX_FIELDS });
    }
  });
});

describe("internal errors", () => {
  it("answer INTERNAL_SERVER_ERROR without SQL, stack or identifiers, and the next request works", async () => {
    await api.dataSource.query(`ALTER TABLE brand RENAME TO brand_moved_away`);
    let response;
    try {
      response = await api.post(JSON.stringify({ query: `{ brands { name } }` }), { authorization: `Bearer ${(cast.platformAnalyst.as as { token: string }).token}` });
    } finally {
      await api.dataSource.query(`ALTER TABLE brand_moved_away RENAME TO brand`);
    }
    const body = JSON.parse(response.body);
    expect(body.errors).toEqual([
      { message: "Internal server error; the x-request-id response header identifies it in the logs", extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
    expect(response.body).not.toMatch(/brand_moved_away|relation|SELECT|at \//);
    const after = await api.gql(`{ brands { name } }`, {}, cast.platformAnalyst.as);
    expect(after.errors).toBeUndefined();
  });
});

describe("a persisted-query extension", () => {
  it("is refused as the client's to mend, never as an internal error: documents are sent whole", async () => {
    const token = (cast.brandAAnalyst.as as { token: string }).token;
    for (const persistedQuery of [{ version: 1, sha256Hash: "0".repeat(64) }, { version: 2, sha256Hash: "x" }, { version: 1 }]) {
      const { status, body } = await api.post(JSON.stringify({ query: "{ viewer { email } }", extensions: { persistedQuery } }), { authorization: `Bearer ${token}` });
      expect(status).toBeLessThan(500);
      expect(JSON.parse(body).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("a filter", () => {
  it("holds at most 1000 values: a longer one is refused before it reaches the database", async () => {
    const LIST = `query($ids: [String!]) { infringements(first: 5, filter: { listingExternalIds: $ids }) { totalCount } }`;
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `item-${i}`);
    expect((await api.gql(LIST, { ids: ids(1000) }, cast.brandAAnalyst.as)).errors).toBeUndefined();
    const long = await api.gql(LIST, { ids: ids(1001) }, cast.brandAAnalyst.as);
    expect(long.errors?.[0]).toMatchObject({
      message: "`filter.listingExternalIds` may hold at most 1000 values; it holds 1001",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  // An empty list matches nothing: its empty page would read as "none of these" to a client that
  // sent no status ticked, meaning no condition.
  it.each([
    ["infringements", "statuses"],
    ["sellers", "statuses"],
    ["takedownRequests", "brandIds"],
    ["testBuys", "outcomes"],
    ["legalActions", "sellerIds"],
    ["referrals", "statuses"],
    ["referrals", "brandIds"],
    ["auditEvents", "actions"],
    ["policyFeedback", "kinds"],
    ["progressReports", "statuses"],
    ["products", "brandIds"],
    ["indicators", "kinds"],
    ["apiKeys", "organizationIds"],
  ])("may not be empty: %s(filter: { %s: [] })", async (list, field) => {
    await expectBadInput(`{ ${list}(first: 5, filter: { ${field}: [] }) { totalCount } }`, {}, new RegExp(`^\`filter.${field}\` is empty, which nothing matches; leave it out`));
  });

  // An empty text or id was taken for no condition: the whole list, for a SKU or an actor left blank.
  it.each([
    ["auditEvents", "actorId", /is not a valid ID/],
    ["auditEvents", "organizationId", /is not a valid ID/],
    ["indicators", "contributorId", /is not a valid ID/],
    ["policyFeedback", "ruleCode", /^A rule code is/],
    ["products", "category", /^`category` must not be empty/],
    ["products", "sku", /^`sku` must not be empty/],
  ])("holds no empty value: %s(filter: { %s: \"\" })", async (list, field, message) => {
    await expectBadInput(`{ ${list}(first: 5, filter: { ${field}: "" }) { totalCount } }`, {}, message);
  });

  it.each([
    ["infringements", "listingExternalIds"],
    ["sellers", "externalIds"],
    ["auditEvents", "actions"],
    ["auditEvents", "targetTypes"],
  ])("holds no blank text in a list: %s(filter: { %s: [\"item-1\", \" \"] })", async (list, field) => {
    await expectBadInput(`{ ${list}(first: 5, filter: { ${field}: ["item-1", " "] }) { totalCount } }`, {}, new RegExp(`^\`filter.${field}\` holds an empty value`));
  });

  it("may not be empty in takedownStats either, which counts what the list holds", async () => {
    await expectBadInput(`{ takedownStats(filter: { statuses: [] }) { requested } }`, {}, /^`filter.statuses` is empty/);
  });
});
