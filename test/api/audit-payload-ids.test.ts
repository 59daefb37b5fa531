import { randomUUID } from "node:crypto";
import { forgetSignInFailures } from "../../src/auth/sign-in-failures";
import { AUDIT_ACTIONS } from "../../src/domain/audit-actions";
import { loadKeyedHasher } from "../../src/domain/intel/keyed-hash";
import { createPlatformAdmin } from "../../src/domain/platform-admin";
import { UserRole } from "../../src/entities/enums";
import { parseGlobalId } from "../../src/schema/global-id";
import { isNodeTypeName } from "../../src/schema/node-types";
import { DECIDE_TAKEDOWN, REQUEST_TAKEDOWN, dataOf } from "../support/enforcement";
import { createUser } from "../support/factories";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { mutationDocument } from "../support/input-variants";
import { baselineWorld, mutationBaselines, type BaselineWorld } from "../support/mutation-baselines";
import { gid, userPersona, type Persona } from "../support/personas";
import { startTestApi, type Credentials } from "../support/test-api";

// Ids inside audit events' `before` and `after` are answered as global ids, as targetId is
// (src/schema/audit-payload-ids.ts): every audited action is driven (each mutation's baseline, then
// what only a takedown, a scan, the CLI or a read records), and the whole log is read through the
// API. A new id key the map lacks leaves a raw UUID, which fails the first test.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const MAX_FAILURES = 2;

const world = {} as BaselineWorld;
const BASELINES = mutationBaselines(world);
let brandAAdmin: Persona;

type Json = Record<string, unknown>;
interface Event {
  action: string;
  targetType: string;
  before: Json | null;
  after: Json | null;
}
interface Leaf {
  event: Event;
  // e.g. "after.products[].id"
  path: string;
  value: string;
}

const ok = async <T = Json>(query: string, variables: Json, as: Credentials) => dataOf(await world.api.gql<T>(query, variables, as));

async function ingest(listings: Json[]) {
  await ok(`mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { inserted } }`, { listings }, world.cast.platformAnalyst.as);
}

async function caseIdOf(persona: Persona, externalId: unknown): Promise<string> {
  const { infringements } = await ok<{ infringements: { edges: { node: { id: string } }[] } }>(
    `query($ids: [String!]!) { infringements(first: 1, filter: { marketplaces: [TAOBAO], listingExternalIds: $ids }) { edges { node { id } } } }`,
    { ids: [externalId] },
    persona.as,
  );
  return infringements.edges[0].node.id;
}

async function confirmAndRequest(persona: Persona, externalId: unknown): Promise<string> {
  const id = await caseIdOf(persona, externalId);
  for (const status of ["UNDER_REVIEW", "CONFIRMED"]) {
    await ok(`mutation($id: ID!, $status: InfringementStatus!) { reviewInfringement(input: { id: $id, status: $status }) { id } }`, { id, status }, persona.as);
  }
  return (await ok<{ requestTakedown: { id: string } }>(REQUEST_TAKEDOWN, { id }, persona.as)).requestTakedown.id;
}

// What no mutation's baseline records: a takedown approved over another brand's pending request, a
// store's strikes and closure, a relisting, a logo clash, reads of sensitive fields and blind
// matches, a sign-in lockout, and the CLI's own commands.
async function driveTheRest() {
  const { api, cast } = world;
  await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
  await createCatalogueBrand(api.dataSource, cast.brandB.org, "Borealis", ["Borealys"], { sku: "BO-1", name: "Crystal Ring", logoHash: "ffff0000ffff0000" });
  const seller = { externalId: "audit-ids-store", name: "A store", openedAt: "2024-01-01T00:00:00.000Z", brandCount: 4 };
  const record = listingRecord({
    title: "Aurelia x Borealys Silk Scarf Crystal Ring replica AAA",
    price: { amountMinor: 5_000, currency: "CNY" },
    seenAt: new Date(Date.now() - 3_600_000).toISOString(),
    seller,
  });
  await ingest([record]);
  const requestA = await confirmAndRequest(cast.brandAAnalyst, record.externalId);
  await confirmAndRequest(cast.brandBAnalyst, record.externalId);
  // Approved: the listing goes, brand B's request is superseded, the store gets a strike.
  await ok(DECIDE_TAKEDOWN, { id: requestA, decision: "APPROVE" }, cast.platformAnalyst.as);
  // Seen again: relisted, brand A's case reopened. Then the scan reports strikes that penalize,
  // then close the store, which takes its listings down.
  await ingest([{ ...record, seenAt: new Date().toISOString() }]);
  await ingest([{ ...record, seenAt: new Date().toISOString(), seller: { ...seller, strikeCount: api.config.enforcement.penaltyStrikes } }]);
  await ingest([{ ...record, seenAt: new Date().toISOString(), seller: { ...seller, strikeCount: api.config.enforcement.closureStrikes } }]);

  // Brand B claims brand A's logo.
  const clash = await api.gql(mutationDocument("upsertProducts"), {
    input: { brandId: gid("Brand", cast.brandB.brand.id), products: [{ sku: "BO-2", name: "Ring", category: "rings", msrp: { amountMinor: 1_000, currency: "CNY" }, logoHashes: ["804a95d23ac181dc"] }] },
  }, cast.brandBAnalyst.as);
  expect(clash.errors?.[0].extensions?.code).toBe("CONFLICT");

  await ok(`query($id: ID!) { seller(id: $id) { registeredName } }`, { id: gid("Seller", cast.seller.id) }, cast.platformAnalyst.as);
  await ok(`query { matchIndicators(queries: [{ kind: KEYWORD, value: "audit ids" }]) { matched } }`, {}, cast.brandAAnalyst.as);

  const locked = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
  for (let i = 0; i < MAX_FAILURES; i++) await api.gql(mutationDocument("login"), { email: locked.email, password: "not the password 42" });
  const hasher = loadKeyedHasher(api.config);
  expect(await api.dataSource.transaction((manager) => forgetSignInFailures(manager, hasher, locked.email))).toBe(MAX_FAILURES);
  await createPlatformAdmin(api.dataSource, { email: `audit-ids-admin@${cast.platformAnalyst.org.slug}.test`, name: "Pat Admin", password: "a long enough passphrase 42", organizationName: "Platform" });
}

beforeAll(async () => {
  const api = await startTestApi({ LOGIN_MAX_FAILURES: String(MAX_FAILURES) });
  Object.assign(world, await baselineWorld(api, "AUDIT-PAYLOAD-IDS"));
  brandAAdmin = world.cast.brandAAdmin;
  for (const [name, setup] of Object.entries(BASELINES)) {
    const { as, variables } = await setup();
    dataOf(await api.gql(mutationDocument(name), variables, as));
  }
  await driveTheRest();
}, 180_000);
afterAll(() => world.api.close());

const EVENTS = `query($after: String) { auditEvents(first: 100, after: $after, direction: ASC) {
  edges { node { action targetType before after } } pageInfo { hasNextPage endCursor } } }`;

async function wholeLog(as: Credentials): Promise<Event[]> {
  const events: Event[] = [];
  for (let after: string | null = null; ; ) {
    type Page = { auditEvents: { edges: { node: Event }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const { auditEvents }: Page = await ok<Page>(EVENTS, { after }, as);
    events.push(...auditEvents.edges.map((edge) => edge.node));
    if (!auditEvents.pageInfo.hasNextPage) return events;
    after = auditEvents.pageInfo.endCursor;
  }
}

function leavesOf(event: Event): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") leaves.push({ event, path, value });
    else if (Array.isArray(value)) value.forEach((item) => walk(item, `${path}[]`));
    else if (value && typeof value === "object") for (const [key, field] of Object.entries(value)) walk(field, `${path}.${key}`);
  };
  walk(event.before, "before");
  walk(event.after, "after");
  return leaves;
}

const typeOf = (value: string): string | null => {
  try {
    return parseGlobalId(value).typeName;
  } catch {
    return null;
  }
};
const keyOf = (path: string) => path.replace(/^(before|after)\./, "");
const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

it("answers every id inside every audit event's before and after as a global id of its key's type", async () => {
  const events = await wholeLog(world.platformAdmin.as);
  expect([...new Set(events.map((event) => event.action))].sort()).toEqual([...AUDIT_ACTIONS].sort());

  const leaves = events.flatMap(leavesOf);
  expect(leaves.filter((leaf) => UUID.test(leaf.value)).map((leaf) => `${leaf.event.action} ${leaf.path}: ${leaf.value}`)).toEqual([]);

  // Each key names one type (a sensitive read's ids, its target's).
  const ids = leaves.filter((leaf) => typeOf(leaf.value) !== null);
  const typesByKey = new Map<string, Set<string>>();
  for (const leaf of ids) {
    const key = keyOf(leaf.path) === "ids[]" ? `ids[] of ${leaf.event.targetType}` : keyOf(leaf.path);
    typesByKey.set(key, (typesByKey.get(key) ?? new Set()).add(typeOf(leaf.value)!));
  }
  expect(Object.fromEntries([...typesByKey].map(([key, types]) => [key, [...types]]))).toEqual({
    agencyOrgId: ["Organization"],
    contributorOrgId: ["Organization"],
    organizationId: ["Organization"],
    userId: ["User"],
    sellerId: ["Seller"],
    "listingIds[]": ["Listing"],
    infringementId: ["Infringement"],
    "infringementIds[]": ["Infringement"],
    "reopenedInfringementIds[]": ["Infringement"],
    noteId: ["InfringementNote"],
    takedownRequestId: ["TakedownRequest"],
    "supersededTakedownRequestIds[]": ["TakedownRequest"],
    sightingId: ["IndicatorSighting"],
    "ids[] of Seller": ["Seller"],
    "products[].id": ["Product"],
    "clashes[].brandId": ["Brand"],
    "clashes[].organizationId": ["Organization"],
  });

  // And it is that type's row: node(id:) finds it, for the platform, which reads every row. A
  // sighting is no node: its row is looked up.
  for (const value of new Set(ids.map((leaf) => leaf.value))) {
    const { typeName, id } = parseGlobalId(value);
    if (isNodeTypeName(typeName)) expect([value, (await world.api.gql(NODE, { id: value }, world.platformAdmin.as)).data]).toEqual([value, { node: { __typename: typeName, id: value } }]);
    else expect([value, await world.api.dataSource.query(`SELECT count(*)::int AS n FROM indicator_sighting WHERE id = $1`, [id])]).toEqual([value, [{ n: 1 }]]);
  }
}, 120_000);

// A member's own rows its events name, which another member may not read.
const OWN_TYPES = new Set(["Infringement", "InfringementNote", "Product"]);

it("answers a member admin's own log with global ids, which node(id:) resolves for it and for no other member", async () => {
  const events = await wholeLog(brandAAdmin.as);
  const leaves = events.flatMap(leavesOf);
  expect(leaves.filter((leaf) => UUID.test(leaf.value)).map((leaf) => `${leaf.event.action} ${leaf.path}: ${leaf.value}`)).toEqual([]);
  const own = [...new Set(leaves.map((leaf) => leaf.value).filter((value) => OWN_TYPES.has(typeOf(value) ?? "")))];
  // Not vacuous: the brand's cases, notes and removed products are there.
  expect(new Set(own.map((value) => typeOf(value)))).toEqual(new Set(["Infringement", "InfringementNote", "Product"]));

  const brandBAdmin = await userPersona(world.api, world.cast.brandB.org, UserRole.ADMIN);
  for (const value of own) {
    const typeName = typeOf(value)!;
    expect([value, (await world.api.gql(NODE, { id: value }, brandAAdmin.as)).data]).toEqual([value, { node: { __typename: typeName, id: value } }]);
    // For brand B, exactly what an id of no row answers.
    const missing = await world.api.gql(NODE, { id: gid(typeName, randomUUID()) }, brandBAdmin.as);
    expect([value, await world.api.gql(NODE, { id: value }, brandBAdmin.as)]).toEqual([value, missing]);
  }
}, 120_000);
