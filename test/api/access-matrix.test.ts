import { Scope } from "../../src/auth/scopes";
import { createProduct } from "../support/factories";
import { contribute } from "../support/intel";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Every query and mutation, asked by every persona, for a record owned by brand A. "ok" means the
// record comes back; NOT_FOUND must then be answered exactly as for a missing id (checked below).
type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "null";

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
  "agency investigator": "FORBIDDEN",
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
    expected: { ...readInfringements, "brand B analyst": "null" },
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
    name: "addInfringementNote",
    query: `mutation($id: ID!) { addInfringementNote(input: { infringementId: $id, body: "matrix" }) { id } }`,
    variables: (_cast, id) => ({ id }),
    target: (cast) => ({ typeName: "Infringement", id: cast.infringementA.id }),
    expected: {
      anonymous: "UNAUTHENTICATED",
      "platform analyst": "ok",
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
    name: "widenIndicatorDistribution on a MATCH_ONLY indicator (to where it is: no change)",
    query: `mutation($id: ID!) { widenIndicatorDistribution(input: { id: $id, distribution: MATCH_ONLY }) { id } }`,
    variables: (_cast, id) => ({ id }),
    target: () => ({ typeName: "Indicator", id: indicatorId }),
    // Only the contributor changes how its indicator is shared; to the platform it is not its own.
    expected: { ...writeIntel, "platform analyst": "NOT_FOUND" },
    footprint: (api) => api.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'intel.widen'`),
  },
];

let api: TestApi;
let cast: Cast;
let productId: string;
let indicatorId: string;
const personas = new Map<PersonaName, Persona | null>();

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  productId = (await createProduct(api.dataSource, cast.brandA.brand)).id;
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
});
afterAll(() => api.close());

function outcomeOf(response: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] }): Outcome {
  if (response.errors?.length) return response.errors[0].extensions?.code as Outcome;
  const value = response.data && Object.values(response.data)[0];
  return value === null ? "null" : "ok";
}

describe.each(OPERATIONS)("$name", (operation) => {
  it.each(PERSONAS)("as %s", async (personaName) => {
    const persona = personas.get(personaName) ?? undefined;
    const { typeName, id } = operation.target(cast);
    const before = await operation.footprint?.(api);
    const response = await api.gql(operation.query, operation.variables(cast, gid(typeName, id)), persona?.as);
    expect(outcomeOf(response)).toBe(operation.expected[personaName]);
    if (operation.expected[personaName] === "NOT_FOUND" || operation.expected[personaName] === "null") {
      const missing = await api.gql(operation.query, operation.variables(cast, gid(typeName, MISSING)), persona?.as);
      expect(response).toEqual(missing);
    }
    if (operation.expected[personaName] !== "ok") {
      expect(JSON.stringify(response)).not.toContain(id);
      expect(await operation.footprint?.(api)).toEqual(before);
    }
  });
});
