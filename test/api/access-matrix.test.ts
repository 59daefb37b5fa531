import { ORG_KIND_SCOPES, Scope } from "../../src/auth/scopes";
import { OrgKind } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { CREATE_REFERRAL, RECORD_TEST_BUY, REQUEST_TAKEDOWN, dataOf } from "../support/enforcement";
import { createProduct } from "../support/factories";
import { contribute } from "../support/intel";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Every query and mutation, asked by every persona, for a record owned by brand A. "ok" means the
// record comes back; NOT_FOUND must then be answered exactly as for a missing id (checked below).
// BAD_USER_INPUT: the rules let the call through to the record, whose state then refuses it.
type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "null" | "BAD_USER_INPUT";

const PERSONAS = [
  "anonymous",
  "platform analyst",
  "brand A analyst (owner)",
  "brand A viewer",
  "brand B analyst",
  "agency investigator",
  "A key: catalogue:read",
  "A key: infringements:read",
  "A key: infringements:write",
  "A key: intel:read",
] as const;
type PersonaName = (typeof PERSONAS)[number];

// Another brand's API key holding every scope a brand can have: answered exactly as that brand's
// analyst is, so a key never reaches further into another tenant than its organization's users.
const FOREIGN_KEY = "B key: every brand scope";
const expectedOf = (operation: Operation, persona: string): Outcome =>
  operation.expected[persona === FOREIGN_KEY ? "brand B analyst" : (persona as PersonaName)];

interface Operation {
  name: string;
  query: string;
  variables: (cast: Cast, id: string) => Record<string, unknown>;
  // The id of brand A's record this operation targets, and the type of its global id.
  target: (cast: Cast) => { typeName: string; id: string };
  expected: Record<PersonaName, Outcome>;
  // What the operation would change; a refused operation must leave it as it was.
  footprint?: (api: TestApi) => Promise<unknown>;
}

const MISSING = "00000000-0000-4000-8000-000000000000";

const readInfringements: Record<PersonaName, Outcome> = {
  anonymous: "UNAUTHENTICATED",
  "platform analyst": "ok",
  "brand A analyst (owner)": "ok",
  "brand A viewer": "ok",
  "brand B analyst": "NOT_FOUND",
  // An agency reads cases with referrals:read, but only those referred to it: none here.
  "agency investigator": "NOT_FOUND",
  "A key: catalogue:read": "FORBIDDEN",
  "A key: infringements:read": "ok",
  "A key: infringements:write": "FORBIDDEN",
  "A key: intel:read": "FORBIDDEN",
};

// Brand A's MATCH_ONLY indicator: brand B may learn of it only through a blind match.
const readIntel: Record<PersonaName, Outcome> = {
  anonymous: "UNAUTHENTICATED",
  "platform analyst": "ok",
  "brand A analyst (owner)": "ok",
  "brand A viewer": "ok",
  "brand B analyst": "NOT_FOUND",
  "agency investigator": "FORBIDDEN",
  "A key: catalogue:read": "FORBIDDEN",
  "A key: infringements:read": "FORBIDDEN",
  "A key: infringements:write": "FORBIDDEN",
  "A key: intel:read": "ok",
};

const writeIntel: Record<PersonaName, Outcome> = {
  ...readIntel,
  "brand A viewer": "FORBIDDEN",
  "A key: intel:read": "FORBIDDEN",
};

const OPERATIONS: Operation[] = [
  {
    name: "infringement(id)",
    query: `query($id: ID!) { infringement(id: $id) { id riskScore } }`,
    variables: (_cast, id) => ({ id }),
    target: (cast) => ({ typeName: "Infringement", id: cast.infringementA.id }),
    expected: readInfringements,
  },
  {
    name: "listing(id)",
    query: `query($id: ID!) { listing(id: $id) { id title } }`,
    variables: (_cast, id) => ({ id }),
    target: (cast) => ({ typeName: "Listing", id: cast.listingOnlyA.id }),
    expected: readInfringements,
  },
  {
    name: "infringement(id) { listing { seller } } (nested)",
    query: `query($id: ID!) { infringement(id: $id) { listing { seller { id name } } } }`,
    variables: (_cast, id) => ({ id }),
    target: (cast) => ({ typeName: "Infringement", id: cast.infringementA.id }),
    expected: readInfringements,
  },
  {
    name: "node(id) on an infringement",
    query: `query($id: ID!) { node(id: $id) { id ... on Infringement { riskScore listing { title } } } }`,
    variables: (_cast, id) => ({ id }),
    target: (cast) => ({ typeName: "Infringement", id: cast.infringementA.id }),
    expected: { ...readInfringements, "brand B analyst": "null", "agency investigator": "null" },
  },
  {
    name: "node(id) on a product",
    query: `query($id: ID!) { node(id: $id) { id ... on Product { sku } } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "Product", id: productId }),
    expected: {
      anonymous: "UNAUTHENTICATED",
      "platform analyst": "ok",
      "brand A analyst (owner)": "ok",
      "brand A viewer": "ok",
      "brand B analyst": "null",
      "agency investigator": "FORBIDDEN",
      "A key: catalogue:read": "ok",
      "A key: infringements:read": "FORBIDDEN",
      "A key: infringements:write": "FORBIDDEN",
      "A key: intel:read": "FORBIDDEN",
    },
  },
  {
    name: "node(id) on a test buy",
    query: `query($id: ID!) { node(id: $id) { id ... on TestBuy { orderReference cost { amountMinor } } } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "TestBuy", id: enforcement.testBuyId }),
    // Of an unreferred case: the agency does not see it.
    expected: { ...readInfringements, "brand B analyst": "null", "agency investigator": "null" },
  },
  {
    name: "node(id) on a takedown request",
    query: `query($id: ID!) { node(id: $id) { id ... on TakedownRequest { status reason } } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "TakedownRequest", id: enforcement.takedownId }),
    expected: { ...readInfringements, "brand B analyst": "null", "agency investigator": "FORBIDDEN" },
  },
  {
    name: "node(id) on a referral holding a case of brand A (sent to the agency)",
    query: `query($id: ID!) { node(id: $id) { id ... on Referral { status arrests infringements { id } } } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "Referral", id: enforcement.referralId }),
    expected: { ...readInfringements, "brand B analyst": "null", "agency investigator": "ok" },
  },
  {
    name: "seller(id) { registeredName } (identity, of a referred seller)",
    query: `query($id: ID!) { seller(id: $id) { registeredName } }`,
    variables: (_cast, id) => ({ id }),
    target: (cast) => ({ typeName: "Seller", id: cast.seller.id }),
    expected: {
      ...readInfringements,
      // A brand never reads a seller's identity, even of its own cases' seller.
      "brand A analyst (owner)": "FORBIDDEN",
      "brand A viewer": "FORBIDDEN",
      "brand B analyst": "FORBIDDEN",
      "A key: infringements:read": "FORBIDDEN",
      "agency investigator": "ok",
    },
  },
  {
    name: "addInfringementNote",
    query: `mutation($id: ID!) { addInfringementNote(input: { infringementId: $id, body: "matrix" }) { id } }`,
    variables: (_cast, id) => ({ id }),
    target: (cast) => ({ typeName: "Infringement", id: cast.infringementA.id }),
    expected: {
      anonymous: "UNAUTHENTICATED",
      // Reads the case, but works none: its note would pass for the brand's.
      "platform analyst": "FORBIDDEN",
      "brand A analyst (owner)": "ok",
      "brand A viewer": "FORBIDDEN",
      "brand B analyst": "NOT_FOUND",
      "agency investigator": "FORBIDDEN",
      "A key: catalogue:read": "FORBIDDEN",
      "A key: infringements:read": "FORBIDDEN",
      // Refused before writing: it could not read back what it wrote.
      "A key: infringements:write": "FORBIDDEN",
      "A key: intel:read": "FORBIDDEN",
    },
    footprint: (api) => api.dataSource.query(`SELECT count(*)::int AS n FROM infringement_note`),
  },
  {
    name: "indicator(id) on a MATCH_ONLY indicator",
    query: `query($id: ID!) { indicator(id: $id) { id value note } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "Indicator", id: indicatorId }),
    expected: readIntel,
  },
  {
    name: "node(id) on a MATCH_ONLY indicator",
    query: `query($id: ID!) { node(id: $id) { id ... on Indicator { value } } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "Indicator", id: indicatorId }),
    expected: { ...readIntel, "brand B analyst": "null" },
  },
  {
    name: "recordSighting on a MATCH_ONLY indicator",
    query: `mutation($id: ID!) { recordSighting(input: { indicatorId: $id, seenAt: "2026-01-01T00:00:00Z", source: "matrix" }) { id } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "Indicator", id: indicatorId }),
    expected: writeIntel,
    footprint: (api) => api.dataSource.query(`SELECT count(*)::int AS n FROM indicator_sighting`),
  },
  {
    name: "widenIndicatorDistribution on a MATCH_ONLY indicator (to where it is: refused, no change)",
    query: `mutation($id: ID!) { widenIndicatorDistribution(input: { id: $id, distribution: MATCH_ONLY }) { id } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "Indicator", id: indicatorId }),
    // Only the contributor changes how its indicator is shared; to the platform it is not its own.
    expected: {
      ...(Object.fromEntries(Object.entries(writeIntel).map(([persona, outcome]) => [persona, outcome === "ok" ? "BAD_USER_INPUT" : outcome])) as Record<PersonaName, Outcome>),
      "platform analyst": "NOT_FOUND",
    },
    footprint: (api) => api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'intel.widen'`),
  },
];

let api: TestApi;
let cast: Cast;
let productId: string;
const enforcement = { testBuyId: "", takedownId: "", referralId: "" };
let indicatorId: string;
const personas = new Map<string, Persona | null>();

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  productId = (await createProduct(api.dataSource, cast.brandA.brand)).id;
  // A test buy on brand A's unreferred case; a takedown request and a referral on its shared case.
  await api.dataSource.query(`UPDATE suspected_infringement SET status = 'CONFIRMED' WHERE id = $1`, [cast.infringementAShared.id]);
  const shared = gid("Infringement", cast.infringementAShared.id);
  const testBuyInput = { infringementId: gid("Infringement", cast.infringementA.id), orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: 100, currency: "CNY" }, orderReference: "M-1" };
  const testBuy = dataOf(await api.gql<{ recordTestBuy: { id: string } }>(RECORD_TEST_BUY, { input: testBuyInput }, cast.brandAAnalyst.as));
  const agencyId = gid("Organization", cast.investigator.org.id);
  const referral = dataOf(await api.gql<{ createReferral: { id: string } }>(CREATE_REFERRAL, { agencyId, ids: [shared] }, cast.platformAnalyst.as));
  const takedown = dataOf(await api.gql<{ requestTakedown: { id: string } }>(REQUEST_TAKEDOWN, { id: shared }, cast.brandAAnalyst.as));
  enforcement.testBuyId = fromGlobalId(testBuy.recordTestBuy.id, "TestBuy");
  enforcement.referralId = fromGlobalId(referral.createReferral.id, "Referral");
  enforcement.takedownId = fromGlobalId(takedown.requestTakedown.id, "TakedownRequest");
  [indicatorId] = await contribute(api, cast.brandAAnalyst, [{ kind: "KEYWORD", value: "matrix secret", distribution: "MATCH_ONLY" }]);
  personas.set("anonymous", null);
  personas.set("platform analyst", cast.platformAnalyst);
  personas.set("brand A analyst (owner)", cast.brandAAnalyst);
  personas.set("brand A viewer", cast.brandAViewer);
  personas.set("brand B analyst", cast.brandBAnalyst);
  personas.set("agency investigator", cast.investigator);
  personas.set("A key: catalogue:read", await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]));
  personas.set("A key: infringements:read", await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]));
  personas.set("A key: infringements:write", await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_WRITE]));
  personas.set("A key: intel:read", await cast.keyFor(cast.brandA.org, [Scope.INTEL_READ]));
  personas.set(FOREIGN_KEY, await cast.keyFor(cast.brandB.org, [...ORG_KIND_SCOPES[OrgKind.BRAND]]));
});
afterAll(() => api.close());

function outcomeOf(response: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }): Outcome {
  if (response.errors?.length) return response.errors[0].extensions?.code as Outcome;
  const value = response.data && Object.values(response.data)[0];
  return value === null ? "null" : "ok";
}

describe.each(OPERATIONS)("$name", (operation) => {
  it.each([...PERSONAS, FOREIGN_KEY])("as %s", async (personaName) => {
    const persona = personas.get(personaName) ?? undefined;
    const { typeName, id } = operation.target(cast);
    const expected = expectedOf(operation, personaName);
    const before = await operation.footprint?.(api);
    const response = await api.gql(operation.query, operation.variables(cast, gid(typeName, id)), persona?.as);
    expect(outcomeOf(response)).toBe(expected);
    if (expected === "NOT_FOUND" || expected === "null") {
      const missing = await api.gql(operation.query, operation.variables(cast, gid(typeName, MISSING)), persona?.as);
      expect(response).toEqual(missing);
    }
    if (expected !== "ok") {
      // Neither the record's database id nor its global id (the form the API speaks) comes back.
      for (const leaked of [id, gid(typeName, id)]) expect(JSON.stringify(response)).not.toContain(leaked);
      expect(await operation.footprint?.(api)).toEqual(before);
    }
  });
});
