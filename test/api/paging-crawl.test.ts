import {
  getNamedType,
  getNullableType,
  isEnumType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
} from "graphql";
import { Scope } from "../../src/auth/scopes";
import type { Organization } from "../../src/entities";
import { InfringementStatus, Marketplace, OrgKind, SellerStatus, UserRole } from "../../src/entities/enums";
import { DEFAULT_PAGE_SIZE } from "../../src/data/keyset-pagination";
import { fromGlobalId } from "../../src/schema/global-id";
import { CREATE_REFERRAL, DECIDE_TAKEDOWN, RECORD_OUTCOME, RECORD_TEST_BUY, REQUEST_TAKEDOWN, UPDATE_REFERRAL, dataOf } from "../support/enforcement";
import { createApiKeyRow, createBrand, createInfringement, createListing, createOrganization, createProduct, createSeller } from "../support/factories";
import { inTurn } from "../support/in-turn";
import { contribute } from "../support/intel";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import { crawlSchema } from "../support/schema-crawl";
import { startTestApi, type GraphQLResponse, type TestApi } from "../support/test-api";

// Brand security teams page through every list with filters and sorting together, forward and
// backward. This crawler asks what the schema has: every connection of Query, as each persona
// entitled to it, in every order its arguments offer and both directions, paged by 3 forward and
// backward, and filtered by each field of its filter input. Paging must visit the rows of one big
// page exactly once, in the order the arguments' descriptions state (ties broken by id), with
// totalCount and pageInfo right on every page; a cursor is a position in one list, and another
// order's or filter's list refuses it; a filter keeps exactly the rows that satisfy it. A
// connection, order value or filter field the crawl does not reach fails the coverage test until
// it is reached or listed, with a reason, below.

type PersonaName = "brand A analyst" | "brand A admin" | "platform admin" | "agency investigator";

// Who reads each list (DESIGN.md section 2). For its first persona, each filter field must have a
// value that selects some rows but not all: the platform's where another reads one organization's
// rows only (its keys, its events) or one status (published reports).
const LIST_READERS: Record<string, PersonaName[]> = {
  apiKeys: ["platform admin", "brand A admin"],
  auditEvents: ["platform admin", "brand A admin", "agency investigator"],
  indicators: ["brand A analyst", "platform admin"],
  infringements: ["brand A analyst", "platform admin", "agency investigator"],
  legalActions: ["brand A analyst", "platform admin"],
  policyFeedback: ["brand A analyst", "platform admin"],
  products: ["brand A analyst", "platform admin"],
  progressReports: ["platform admin", "brand A analyst", "agency investigator"],
  referrals: ["brand A analyst", "platform admin", "agency investigator"],
  sellers: ["brand A analyst", "platform admin", "agency investigator"],
  takedownRequests: ["brand A analyst", "platform admin"],
  testBuys: ["brand A analyst", "platform admin", "agency investigator"],
};

// The sort key of a list whose arguments name it in words the crawler cannot read as a field
// (an orderBy value names its field, CREATED_AT createdAt; a `direction` argument "By createdAt"),
// with the direction of a list that has no argument for it.
const DESCRIBED_ORDERS: Record<string, { key: string; direction?: Direction; description: string }> = {
  apiKeys: { key: "createdAt", description: "By creation time" },
  products: { key: "sku", direction: "ASC", description: "by SKU" },
  progressReports: { key: "periodStart", direction: "DESC", description: "newest period first" },
};

// How a filter field selects, and where a row shows what it is selected by: a dotted path of node
// fields, any of whose values may match (a referral holds several cases).
type Match =
  | { by: "in" | "equals" | "from" | "to" | "atLeast"; path: string }
  // Also rows the list leaves out by default: the extra rows have a value at `path`.
  | { by: "widens"; path: string }
  // A value known from the setup, and the rows it keeps.
  | { by: "known"; paths: string[]; value: (persona: PersonaName) => unknown; keeps: (row: Row, persona: PersonaName) => boolean };

const FILTERS: Record<string, Match> = {
  "apiKeys.createdByUserIds": { by: "in", path: "createdBy.id" },
  "apiKeys.includeRevoked": { by: "widens", path: "revokedAt" },
  "apiKeys.organizationIds": { by: "in", path: "organization.id" },
  "auditEvents.actions": { by: "in", path: "action" },
  "auditEvents.actorId": { by: "equals", path: "actorId" },
  "auditEvents.from": { by: "from", path: "createdAt" },
  "auditEvents.organizationId": { by: "equals", path: "organization.id" },
  "auditEvents.targetTypes": { by: "in", path: "targetType" },
  "auditEvents.to": { by: "to", path: "createdAt" },
  "indicators.brandIds": { by: "in", path: "brand.id" },
  "indicators.contributedByMe": {
    by: "known",
    paths: ["contributor.id"],
    value: () => true,
    keeps: (row, persona) => valuesAt(row, "contributor.id")[0] === gid("Organization", personaOrg(persona).id),
  },
  "indicators.contributorId": { by: "equals", path: "contributor.id" },
  "indicators.distributions": { by: "in", path: "distribution" },
  "indicators.includeExpired": { by: "widens", path: "expiresAt" },
  "indicators.kinds": { by: "in", path: "kind" },
  "indicators.value": {
    by: "known",
    paths: ["kind", "value"],
    value: () => ({ kind: "KEYWORD", value: "PAGING-KW-2" }),
    keeps: (row) => row.kind === "KEYWORD" && row.value === "paging-kw-2",
  },
  "infringements.brandIds": { by: "in", path: "brand.id" },
  "infringements.detectedFrom": { by: "from", path: "detectedAt" },
  "infringements.detectedTo": { by: "to", path: "detectedAt" },
  "infringements.listingExternalIds": { by: "in", path: "listing.externalId" },
  "infringements.marketplaces": { by: "in", path: "marketplace" },
  "infringements.minRiskScore": { by: "atLeast", path: "riskScore" },
  "infringements.sellerIds": { by: "in", path: "seller.id" },
  "infringements.statuses": { by: "in", path: "status" },
  "infringements.updatedFrom": { by: "from", path: "updatedAt" },
  "infringements.updatedTo": { by: "to", path: "updatedAt" },
  "legalActions.filedFrom": { by: "from", path: "filedOn" },
  "legalActions.filedTo": { by: "to", path: "filedOn" },
  "legalActions.sellerIds": { by: "in", path: "seller.id" },
  "legalActions.statuses": { by: "in", path: "status" },
  "policyFeedback.createdFrom": { by: "from", path: "createdAt" },
  "policyFeedback.createdTo": { by: "to", path: "createdAt" },
  "policyFeedback.kinds": { by: "in", path: "kind" },
  "policyFeedback.ownOnly": { by: "known", paths: ["isOwn"], value: () => true, keeps: (row) => row.isOwn === true },
  "policyFeedback.ruleCode": { by: "equals", path: "rule.code" },
  "policyFeedback.statuses": { by: "in", path: "status" },
  "policyFeedback.visibility": { by: "equals", path: "visibility" },
  "products.brandIds": { by: "in", path: "brand.id" },
  "products.category": { by: "equals", path: "category" },
  "products.includeRemoved": { by: "widens", path: "removedAt" },
  "products.sku": { by: "equals", path: "sku" },
  "progressReports.periodKind": { by: "equals", path: "periodKind" },
  "progressReports.statuses": { by: "in", path: "status" },
  "referrals.agencyIds": { by: "in", path: "agency.id" },
  "referrals.brandIds": { by: "in", path: "infringements.brand.id" },
  "referrals.createdFrom": { by: "from", path: "createdAt" },
  "referrals.createdTo": { by: "to", path: "createdAt" },
  "referrals.sellerIds": { by: "in", path: "infringements.seller.id" },
  "referrals.statuses": { by: "in", path: "status" },
  "sellers.externalIds": { by: "in", path: "externalId" },
  "sellers.marketplaces": { by: "in", path: "marketplace" },
  "sellers.minRiskScore": { by: "atLeast", path: "riskScore" },
  "sellers.nameContains": {
    by: "known",
    paths: ["name"],
    value: () => "lUCKY",
    keeps: (row) => String(row.name).toLowerCase().includes("lucky"),
  },
  "sellers.statuses": { by: "in", path: "status" },
  "takedownRequests.brandIds": { by: "in", path: "brand.id" },
  "takedownRequests.marketplaces": { by: "in", path: "marketplace" },
  "takedownRequests.requestedFrom": { by: "from", path: "requestedAt" },
  "takedownRequests.requestedTo": { by: "to", path: "requestedAt" },
  // The store selling it when requested; no setup's listing changes stores, so it is the case's.
  "takedownRequests.sellerIds": { by: "in", path: "infringement.seller.id" },
  "takedownRequests.statuses": { by: "in", path: "status" },
  "testBuys.brandIds": { by: "in", path: "infringement.brand.id" },
  "testBuys.marketplaces": { by: "in", path: "infringement.marketplace" },
  "testBuys.orderedFrom": { by: "from", path: "orderedAt" },
  "testBuys.orderedTo": { by: "to", path: "orderedAt" },
  "testBuys.outcomes": { by: "in", path: "outcome" },
  "testBuys.sellerIds": { by: "in", path: "infringement.seller.id" },
};

// Filter fields the crawl does not try, and why.
const FILTERS_NOT_CRAWLED: Record<string, string> = {};

type Direction = "ASC" | "DESC";
type Row = Record<string, unknown> & { id: string };
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: Row }[];
}

const PAGE = 3;
// A list of many rows (the platform's audit log) is paged in at most this many pages, of more rows.
const MOST_PAGES = 12;
const MAX_PAGE_SIZE = 250;
// Enough rows to make several pages of PAGE, for each persona of each list.
const ENOUGH_ROWS = 7;
const REQUESTS_AT_ONCE = 3;

// ---- The lists, from the schema ----

const argumentOf = (field: GraphQLField<unknown, unknown>, name: string) => field.args.find((arg) => arg.name === name);

const queryType = crawlSchema.getQueryType() as GraphQLObjectType;

interface Order {
  // The orderBy value, or null for a list ordered by its `direction` alone, or by its description.
  field: string | null;
  direction: Direction;
  key: string;
}

interface List {
  name: string;
  field: GraphQLField<unknown, unknown>;
  nodeType: GraphQLObjectType;
  filterType: GraphQLInputObjectType | null;
  orderType: GraphQLInputObjectType | null;
  orders: Order[];
  // The arguments of the order the list takes when none is given.
  defaultOrder: Order;
}

// The field a `direction` argument's description names: "By createdAt: DESC newest first".
function keyNamedBy(field: GraphQLField<unknown, unknown>, nodeType: GraphQLObjectType): string | undefined {
  const named = /^By (\w+)/.exec(argumentOf(field, "direction")?.description ?? "")?.[1];
  return named && nodeType.getFields()[named] ? named : undefined;
}

const camel = (value: string) => value.toLowerCase().replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());

function listOf(field: GraphQLField<unknown, unknown>): List {
  const connection = getNamedType(field.type) as GraphQLObjectType;
  const edge = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
  const nodeType = getNamedType(edge.getFields().node.type) as GraphQLObjectType;
  const filter = argumentOf(field, "filter");
  const filterType = filter ? (getNullableType(filter.type) as GraphQLInputObjectType) : null;
  const orderBy = argumentOf(field, "orderBy");
  const orderType = orderBy ? (getNullableType(orderBy.type) as GraphQLInputObjectType) : null;
  const both: Direction[] = ["ASC", "DESC"];
  let orders: Order[];
  let defaultOrder: Order;
  if (orderType) {
    const keys = getNullableType(orderType.getFields().field.type);
    if (!isEnumType(keys)) throw new Error(`${field.name}: orderBy.field is no enum`);
    orders = keys.getValues().flatMap((value) => both.map((direction) => ({ field: value.name, direction, key: camel(value.name) })));
    const fieldDefault = String(orderType.getFields().field.defaultValue);
    defaultOrder = { field: fieldDefault, direction: orderType.getFields().direction.defaultValue as Direction, key: camel(fieldDefault) };
  } else {
    const direction = argumentOf(field, "direction");
    const described = DESCRIBED_ORDERS[field.name];
    const key = keyNamedBy(field, nodeType) ?? described?.key;
    if (!key) throw new Error(`${field.name}: no sort key in its arguments' descriptions, and none in DESCRIBED_ORDERS`);
    orders = direction ? both.map((d) => ({ field: null, direction: d, key })) : [{ field: null, direction: described?.direction ?? "ASC", key }];
    defaultOrder = { field: null, direction: direction ? (direction.defaultValue as Direction) : orders[0].direction, key };
  }
  return { name: field.name, field, nodeType, filterType, orderType, orders, defaultOrder };
}

const LISTS: List[] = Object.values(queryType.getFields())
  .filter((field) => getNamedType(field.type).name.endsWith("Connection"))
  .map(listOf);

// ---- Documents ----

// Path "a.b.c" of every path, as a selection: "a { b { c } }".
function selectionOf(paths: string[]): string {
  const tree: Record<string, unknown> = {};
  for (const path of paths) {
    let at = tree;
    for (const part of path.split(".")) at = (at[part] ??= {}) as Record<string, unknown>;
  }
  const print = (node: Record<string, unknown>): string =>
    Object.entries(node)
      .map(([name, children]) => (Object.keys(children as object).length ? `${name} { ${print(children as Record<string, unknown>)} }` : name))
      .join(" ");
  return print(tree);
}

const filterPaths = (list: List) =>
  Object.entries(FILTERS)
    .filter(([name]) => name.startsWith(`${list.name}.`))
    .flatMap(([, match]) => (match.by === "known" ? match.paths : [match.path]));

function documentOf(list: List): string {
  const has = (name: string) => Boolean(argumentOf(list.field, name));
  const variables = [
    "$first: Int, $after: String, $last: Int, $before: String",
    has("filter") ? `$filter: ${list.filterType!.name}` : "",
    has("orderBy") ? `$orderBy: ${list.orderType!.name}` : "",
    has("direction") ? "$direction: SortDirection" : "",
  ].filter(Boolean);
  const args = ["first: $first, after: $after, last: $last, before: $before", has("filter") ? "filter: $filter" : "", has("orderBy") ? "orderBy: $orderBy" : "", has("direction") ? "direction: $direction" : ""]
    .filter(Boolean)
    .join(", ");
  const node = selectionOf(["id", ...list.orders.map((order) => order.key), ...filterPaths(list)]);
  return `query(${variables.join(", ")}) { list: ${list.name}(${args}) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${node} } }
  } }`;
}

// The variables that ask for an order; none for the default order.
function orderArguments(list: List, order: Order | null): Record<string, unknown> {
  if (!order) return {};
  if (list.orderType) return { orderBy: { field: order.field, direction: order.direction } };
  return argumentOf(list.field, "direction") ? { direction: order.direction } : {};
}

// ---- Setup ----

let api: TestApi;
let cast: Cast;
const personas = new Map<PersonaName, Persona>();
const personaOrg = (name: PersonaName): Organization => personas.get(name)!.org;
// Rows each persona must never read, by global id.
const foreign = new Map<PersonaName, Set<string>>();

const day = (n: number) => new Date(Date.UTC(2026, 5, 1 + n));

// Rows with a timestamp set to one of three days, chosen by a byte of their id: every list has
// ties on its time keys, which only the id breaks. Rows dated by the day when shown without their
// author keep the times their writes stored, which tie by the day on their own.
async function tieTimes(table: string, columns: string[], where = "true"): Promise<void> {
  const set = columns.map((column, i) => `${column} = timestamptz '2026-06-01' + ((get_byte(uuid_send(id), 15) % 3) + ${i}) * interval '1 day'`).join(", ");
  await api.dataSource.query(`UPDATE ${table} SET ${set} WHERE ${where}`);
}

async function seed(): Promise<void> {
  const db = api.dataSource;
  const { brandA, brandB } = cast;
  const platformAdmin = await cast.userOf(cast.platformAnalyst.org, UserRole.ADMIN);
  const brandBAdmin = await cast.userOf(brandB.org, UserRole.ADMIN);
  personas.set("brand A analyst", cast.brandAAnalyst);
  personas.set("brand A admin", cast.brandAAdmin);
  personas.set("platform admin", platformAdmin);
  personas.set("agency investigator", cast.investigator);
  const analyst = cast.brandAAnalyst;
  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Persona) => dataOf(await api.gql<T>(query, variables, as.as));
  const brandOnly: string[] = [];
  const unreferred: string[] = [];

  // Catalogue: the same SKUs in two brands of brand A's organization and in brand B's.
  const secondBrand = await createBrand(db, brandA.org);
  for (let i = 0; i < 4; i += 1) {
    for (const brand of [brandA.brand, secondBrand]) await createProduct(db, brand, { sku: `PG-${i}`, category: i % 2 ? "bags" : "shoes" });
  }
  for (const sku of ["PG-8", "PG-9"]) await createProduct(db, brandA.brand, { sku, removedAt: day(0) });
  for (let i = 0; i < 3; i += 1) brandOnly.push(gid("Product", (await createProduct(db, brandB.brand, { sku: `PG-${i}` })).id));

  // Twelve cases of brand A, each on a store of its own, with tied scores, strikes and times.
  const cases: string[] = [];
  const stores: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    const strikeCount = [0, 1, 1, 3][i % 4];
    const brandFreeRiskScore = [40, 60, 60, 80][i % 4];
    const seller = await createSeller(db, {
      publicName: `${i % 3 === 0 ? "Lucky " : ""}Paging Store ${i}`,
      marketplace: i % 2 ? Marketplace.TMALL : Marketplace.TAOBAO,
      strikeCount,
      status: strikeCount >= 3 ? SellerStatus.PENALIZED : SellerStatus.ACTIVE,
      brandFreeRiskScore,
      riskScore: brandFreeRiskScore + (i % 3 === 0 ? 7 : 0),
    });
    const listing = await createListing(db, seller);
    const row = await createInfringement(db, i % 3 === 2 ? secondBrand : brandA.brand, listing, {
      status: InfringementStatus.CONFIRMED,
      riskScore: [70, 85, 85, 99][i % 4],
      detectedAt: day(i % 4),
    });
    cases.push(gid("Infringement", row.id));
    stores.push(gid("Seller", seller.id));
    if (i >= 7) unreferred.push(gid("Infringement", row.id), gid("Seller", seller.id));
  }
  const casesOfB: string[] = [];
  const storesOfB: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const seller = await createSeller(db, { publicName: `Lucky B Store ${i}` });
    const row = await createInfringement(db, brandB.brand, await createListing(db, seller), { status: InfringementStatus.CONFIRMED, detectedAt: day(1) });
    casesOfB.push(gid("Infringement", row.id));
    storesOfB.push(gid("Seller", seller.id));
  }
  const brandBAnalyst = cast.brandBAnalyst;

  // Test buys of cases 0 to 8, two with an outcome.
  for (let i = 0; i < 9; i += 1) {
    const { recordTestBuy } = await ok<{ recordTestBuy: { id: string } }>(
      RECORD_TEST_BUY,
      { input: { infringementId: cases[i], orderedAt: day(i % 3).toISOString(), cost: { amountMinor: 1000, currency: "CNY" }, orderReference: `PG-ORDER-${i}` } },
      analyst,
    );
    if (i < 2) await ok(RECORD_OUTCOME, { input: { id: recordTestBuy.id, outcome: "INCONCLUSIVE" } }, analyst);
    if (i >= 7) unreferred.push(recordTestBuy.id);
  }
  const testBuyOfB = await ok<{ recordTestBuy: { id: string } }>(
    RECORD_TEST_BUY,
    { input: { infringementId: casesOfB[0], orderedAt: day(1).toISOString(), cost: { amountMinor: 1000, currency: "CNY" }, orderReference: "PG-ORDER-B" } },
    brandBAnalyst,
  );
  brandOnly.push(testBuyOfB.recordTestBuy.id);

  // Takedowns of cases 4 to 10: the first approved, the second rejected.
  for (let i = 4; i <= 10; i += 1) {
    const { requestTakedown } = await ok<{ requestTakedown: { id: string } }>(REQUEST_TAKEDOWN, { id: cases[i] }, analyst);
    if (i === 4) await ok(DECIDE_TAKEDOWN, { id: requestTakedown.id, decision: "APPROVE" }, platformAdmin);
    if (i === 5) await ok(DECIDE_TAKEDOWN, { id: requestTakedown.id, decision: "REJECT", note: "not enough evidence" }, platformAdmin);
  }
  brandOnly.push((await ok<{ requestTakedown: { id: string } }>(REQUEST_TAKEDOWN, { id: casesOfB[1] }, brandBAnalyst)).requestTakedown.id);

  // Referrals of cases 0 to 6 to the agency, one each, and one of brand B's; the agency takes up
  // five and records figures on three of them.
  const agencyId = gid("Organization", cast.investigator.org.id);
  for (let i = 0; i <= 6; i += 1) {
    const { createReferral } = await ok<{ createReferral: { id: string } }>(CREATE_REFERRAL, { agencyId, ids: [cases[i]] }, platformAdmin);
    if (i < 5) await ok(UPDATE_REFERRAL, { input: { id: createReferral.id, status: "INVESTIGATING" } }, cast.investigator);
    if (i < 3) await ok(UPDATE_REFERRAL, { input: { id: createReferral.id, arrests: i + 1 } }, cast.investigator);
  }
  // Case 11 goes to a second agency with one of brand B's: referrals to two agencies, and one
  // whose cases brand A sees only in part (its filters look at those alone).
  const otherAgency = await createOrganization(db, OrgKind.AGENCY, "Paging agency Y");
  await ok(CREATE_REFERRAL, { agencyId: gid("Organization", otherAgency.id), ids: [cases[11], casesOfB[0]] }, platformAdmin);
  const referralOfB = await ok<{ createReferral: { id: string } }>(CREATE_REFERRAL, { agencyId, ids: [casesOfB[2]] }, platformAdmin);
  await ok(UPDATE_REFERRAL, { input: { id: referralOfB.createReferral.id, status: "INVESTIGATING" } }, cast.investigator);
  brandOnly.push(referralOfB.createReferral.id, ...casesOfB, ...storesOfB);

  // Lawsuits against stores 0 to 7, two of them under way, and two of brand B's.
  const fileLawsuit = `mutation($input: FileLegalActionInput!) { fileLegalAction(input: $input) { id } }`;
  for (let i = 0; i < 8; i += 1) {
    const { fileLegalAction } = await ok<{ fileLegalAction: { id: string } }>(
      fileLawsuit,
      { input: { sellerId: stores[i], court: "Paging court", claim: { amountMinor: 100_000, currency: "CNY" }, filedOn: `2026-05-0${1 + (i % 3)}` } },
      analyst,
    );
    if (i < 2) await ok(`mutation($id: ID!) { updateLegalAction(input: { id: $id, status: IN_PROGRESS }) { id } }`, { id: fileLegalAction.id }, analyst);
  }
  for (let i = 0; i < 2; i += 1) {
    const { fileLegalAction } = await ok<{ fileLegalAction: { id: string } }>(
      fileLawsuit,
      { input: { sellerId: storesOfB[i], court: "Paging court", claim: { amountMinor: 100_000, currency: "CNY" }, filedOn: "2026-05-02" } },
      brandBAnalyst,
    );
    brandOnly.push(fileLegalAction.id);
  }

  // Indicators of every distribution, with tied confidences; two of brand A's expire. Brand B's
  // PRIVATE ones are its own.
  const distributions = ["PRIVATE", "ALLIANCE", "ALLIANCE_ANONYMOUS", "MATCH_ONLY"];
  const ownIndicators = await contribute(
    api,
    analyst,
    Array.from({ length: 10 }, (_, i) => ({
      kind: i % 2 ? "DOMAIN" : "KEYWORD",
      value: i % 2 ? `paging${i}.example.com` : `paging-kw-${i}`,
      distribution: distributions[i % 4],
      confidence: [50, 70, 70, 90][i % 4],
      ...(i % 2 ? {} : { brandId: gid("Brand", brandA.brand.id) }),
    })),
  );
  const indicatorsOfB = await contribute(
    api,
    brandBAnalyst,
    distributions.map((distribution, i) => ({ kind: "KEYWORD", value: `paging-b-${i}`, distribution, confidence: 70 })),
  );
  brandOnly.push(...[indicatorsOfB[0], indicatorsOfB[3]].map((id) => gid("Indicator", id)));
  await tieTimes("indicator", ["created_at", "first_seen_at", "last_seen_at", "updated_at"], "distribution <> 'ALLIANCE_ANONYMOUS'");
  // Sightings at times of one day, of anonymous indicators too: the latest is the last seen.
  const sighting = `mutation($input: RecordSightingInput!) { recordSighting(input: $input) { id } }`;
  const sighted = [...ownIndicators.slice(0, 7).map((id) => ({ id, by: analyst })), ...indicatorsOfB.slice(1, 3).map((id) => ({ id, by: brandBAnalyst }))];
  for (const [i, { id, by }] of sighted.entries()) {
    const seenAt = new Date(Date.UTC(2026, 5, 3, 9 + i, 7 * i, 0, 111 * i)).toISOString();
    await ok(sighting, { input: { indicatorId: gid("Indicator", id), seenAt, source: `paging sighting ${i}` } }, by);
  }
  await db.query(`UPDATE indicator SET expires_at = now() - interval '1 day' WHERE id = ANY($1)`, [ownIndicators.slice(8)]);

  // Feedback on three rules, of both visibilities, two of them answered; brand B's PRIVATE ones.
  // An organization sends one feedback of a kind on a rule.
  const rules = ["PAGING-ONE", "PAGING-TWO", "PAGING-THREE"];
  for (const code of rules) {
    await ok(`mutation($code: String!) { publishGovernanceRule(input: { code: $code, title: "Paging rule", body: "A rule" }) { id } }`, { code }, platformAdmin);
  }
  const feedback = `mutation($input: SubmitPolicyFeedbackInput!) { submitPolicyFeedback(input: $input) { id } }`;
  const kinds = ["SUGGESTION", "COMPLAINT", "AMENDMENT_PROPOSAL"];
  for (let i = 0; i < 8; i += 1) {
    const { submitPolicyFeedback } = await ok<{ submitPolicyFeedback: { id: string } }>(
      feedback,
      { input: { ruleCode: rules[i % 3], kind: kinds[Math.floor(i / 3)], body: `Paging feedback ${i}`, visibility: i % 2 ? "ALLIANCE" : "PRIVATE" } },
      analyst,
    );
    if (i < 2) {
      await ok(
        `mutation($input: RespondToPolicyFeedbackInput!) { respondToPolicyFeedback(input: $input) { id } }`,
        { input: { id: submitPolicyFeedback.id, status: "UNDER_REVIEW", response: "Noted" } },
        platformAdmin,
      );
    }
  }
  for (const [i, visibility] of ["PRIVATE", "PRIVATE", "ALLIANCE"].entries()) {
    const { submitPolicyFeedback } = await ok<{ submitPolicyFeedback: { id: string } }>(
      feedback,
      { input: { ruleCode: "PAGING-ONE", kind: kinds[i], body: "Brand B's feedback", visibility } },
      brandBAnalyst,
    );
    if (visibility === "PRIVATE") brandOnly.push(submitPolicyFeedback.id);
  }

  // Keys: four made by brand A's admin, four by no one, two revoked; three of brand B's.
  for (let i = 0; i < 4; i += 1) {
    await ok(`mutation($name: String!) { createApiKey(input: { name: $name, scopes: [CATALOGUE_READ] }) { secret } }`, { name: `paging key ${i}` }, cast.brandAAdmin);
  }
  for (let i = 0; i < 6; i += 1) await createApiKeyRow(db, brandA.org, [Scope.CATALOGUE_READ], i < 2 ? { revokedAt: day(0) } : {});
  for (let i = 0; i < 3; i += 1) brandOnly.push(gid("ApiKey", (await createApiKeyRow(db, brandB.org, [Scope.CATALOGUE_READ])).apiKey.id));
  await ok(`mutation { createApiKey(input: { name: "brand B key", scopes: [CATALOGUE_READ] }) { secret } }`, {}, brandBAdmin);

  // Reports: the months of two quarters and the quarters, published (a quarter starts with its
  // first month: a tie), and two months' drafts.
  const report = async (period: string, publish: boolean) => {
    const { generateProgressReport } = await ok<{ generateProgressReport: { id: string } }>(
      `mutation($period: String!) { generateProgressReport(period: $period) { id } }`,
      { period },
      platformAdmin,
    );
    if (!publish) return;
    await ok(`mutation($id: ID!) { reviewProgressReport(input: { id: $id, note: "checked" }) { id } }`, { id: generateProgressReport.id }, platformAdmin);
    await ok(`mutation($id: ID!) { publishProgressReport(id: $id) { id } }`, { id: generateProgressReport.id }, platformAdmin);
  };
  for (const quarter of [1, 2]) {
    for (let month = quarter * 3 - 2; month <= quarter * 3; month += 1) await report(`2025-0${month}`, true);
    await report(`2025-Q${quarter}`, true);
  }
  for (const month of ["2025-07", "2025-08"]) await report(month, false);

  await tieTimes("api_key", ["created_at"]);
  await tieTimes("referral", ["created_at"]);
  await tieTimes("takedown_request", ["requested_at"]);
  await tieTimes("policy_feedback", ["created_at"], "visibility <> 'ALLIANCE'");
  await tieTimes("suspected_infringement", ["updated_at"]);
  // Every event so far; the crawl reads no field whose read is audited.
  await tieTimes("audit_event", ["created_at"]);
  const eventsOfB = (await db.query(`SELECT id FROM audit_event WHERE owner_org_id = $1`, [brandB.org.id])) as { id: string }[];
  brandOnly.push(...eventsOfB.map((row) => gid("AuditEvent", row.id)));

  foreign.set("brand A analyst", new Set(brandOnly));
  foreign.set("brand A admin", new Set(brandOnly));
  foreign.set("agency investigator", new Set(unreferred));
  foreign.set("platform admin", new Set());
}

beforeAll(async () => {
  api = await startTestApi({ MAX_PAGE_SIZE: String(MAX_PAGE_SIZE) });
  cast = await createCast(api);
  await seed();
}, 120_000);
afterAll(() => api?.close());

// ---- Reading ----

async function read(list: List, persona: PersonaName, variables: Record<string, unknown>): Promise<GraphQLResponse<{ list: Page }>> {
  return api.gql<{ list: Page }>(documentOf(list), variables, personas.get(persona)!.as);
}

// Values at a dotted path of a row, lists flattened, nulls left out.
function valuesAt(value: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split(".");
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (value === null || value === undefined || typeof value !== "object") return [];
  const next = (value as Record<string, unknown>)[head];
  if (!rest.length) return Array.isArray(next) ? next.filter((v) => v != null) : next == null ? [] : [next];
  return valuesAt(next, rest.join("."));
}

// Keys compare as numbers, instants by time, dates and text as PostgreSQL's C-like order of the
// crawl's plain ASCII values.
function compareKeys(a: unknown, b: unknown): number {
  const comparable = (v: unknown) => (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v) ? Date.parse(v) : v);
  const [x, y] = [comparable(a), comparable(b)] as [number | string, number | string];
  return x < y ? -1 : x > y ? 1 : 0;
}

const rawId = (list: List, row: Row) => fromGlobalId(row.id, list.nodeType.name);
const label = (list: List, persona: PersonaName, order: Order | null, extra = "") =>
  `${list.name} as ${persona}${order ? ` by ${order.field ?? order.key} ${order.direction}` : ""}${extra}`;

// One big page, its rows' order as stated, and its rows all the persona's.
async function bigPage(list: List, persona: PersonaName, variables: Record<string, unknown>, problems: string[], where: string): Promise<Page | null> {
  const response = await read(list, persona, { ...variables, first: MAX_PAGE_SIZE });
  if (response.errors || !response.data) {
    problems.push(`${where}: ${JSON.stringify(response.errors)}`);
    return null;
  }
  const page = response.data.list;
  if (page.pageInfo.hasNextPage) problems.push(`${where}: more rows than one big page of ${MAX_PAGE_SIZE}`);
  if (page.totalCount !== page.edges.length) problems.push(`${where}: totalCount ${page.totalCount} on a page of all ${page.edges.length} rows`);
  const foreignRows = page.edges.filter((edge) => foreign.get(persona)!.has(edge.node.id));
  if (foreignRows.length) problems.push(`${where}: rows it may not read: ${foreignRows.map((edge) => edge.node.id).join(", ")}`);
  return page;
}

// Whether rows are in the order stated: the key in the order's direction, ties by id in the same
// direction.
function orderProblems(list: List, order: Order, rows: Row[], where: string): string[] {
  const sign = order.direction === "ASC" ? 1 : -1;
  const problems: string[] = [];
  for (let i = 1; i < rows.length; i += 1) {
    const [a, b] = [rows[i - 1], rows[i]];
    const byKey = sign * compareKeys(a[order.key], b[order.key]);
    const byId = sign * compareKeys(rawId(list, a), rawId(list, b));
    if (byKey > 0 || (byKey === 0 && byId >= 0)) {
      problems.push(`${where}: row ${i - 1} (${order.key} ${String(a[order.key])}, ${a.id}) before row ${i} (${String(b[order.key])}, ${b.id})`);
    }
  }
  return problems;
}

const hasTie = (order: Order, rows: Row[]) => rows.some((row, i) => i > 0 && compareKeys(rows[i - 1][order.key], row[order.key]) === 0);

// Paging by PAGE (or more, up to MOST_PAGES pages) forward from the start and backward from the end: the big page's rows, each
// page's flags, counts and cursors right.
// `turnRound`: also back and forth from every page, and pages of none (in one order of a list).
async function walk(
  list: List,
  persona: PersonaName,
  variables: Record<string, unknown>,
  big: Page,
  problems: string[],
  where: string,
  turnRound = false,
): Promise<void> {
  const expected = big.edges.map((edge) => edge.node.id);
  const size = Math.max(PAGE, Math.ceil(expected.length / MOST_PAGES));
  const check = (pages: Page[], way: "forward" | "backward") => {
    const seen = pages.flatMap((page) => page.edges.map((edge) => edge.node.id));
    if (JSON.stringify(seen) !== JSON.stringify(expected)) problems.push(`${where}, ${way}: ${JSON.stringify(seen)} where one big page has ${JSON.stringify(expected)}`);
    pages.forEach((page, i) => {
      const at = `${where}, ${way} page ${i + 1} of ${pages.length}`;
      const edgeEnd = way === "forward" ? i === pages.length - 1 : i === 0;
      if (page.totalCount !== expected.length) problems.push(`${at}: totalCount ${page.totalCount}, not ${expected.length}`);
      if (!edgeEnd && page.edges.length !== size) problems.push(`${at}: ${page.edges.length} rows`);
      const { hasNextPage, hasPreviousPage, startCursor, endCursor } = page.pageInfo;
      const [next, previous] = way === "forward" ? [!edgeEnd, false] : [false, !edgeEnd];
      if (hasNextPage !== next || hasPreviousPage !== previous) {
        problems.push(`${at}: hasNextPage ${hasNextPage}, hasPreviousPage ${hasPreviousPage}; expected ${next}, ${previous}`);
      }
      if (startCursor !== (page.edges[0]?.cursor ?? null) || endCursor !== (page.edges.at(-1)?.cursor ?? null)) problems.push(`${at}: start or end cursor not its edges'`);
    });
  };
  const pageOn = async (way: "forward" | "backward"): Promise<Page[]> => {
    const pages: Page[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard <= expected.length; guard += 1) {
      const paging: Record<string, unknown> = way === "forward" ? { first: size, after: cursor } : { last: size, before: cursor };
      const response: GraphQLResponse<{ list: Page }> = await read(list, persona, { ...variables, ...paging });
      if (response.errors || !response.data) {
        problems.push(`${where}, ${way}: ${JSON.stringify(response.errors)}`);
        return pages;
      }
      const page: Page = response.data.list;
      if (way === "forward") pages.push(page);
      else pages.unshift(page);
      const more = way === "forward" ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
      if (!more) return pages;
      cursor = way === "forward" ? page.pageInfo.endCursor : page.pageInfo.startCursor;
    }
    problems.push(`${where}, ${way}: more pages than rows`);
    return pages;
  };
  const forward = await pageOn("forward");
  check(forward, "forward");
  const backward = await pageOn("backward");
  check(backward, "backward");
  if (!turnRound) return;
  // Turning round: back from a page reached forward is the page before it, and on from a page
  // reached backward the page after it.
  const turned = async (pages: Page[], i: number, way: "forward" | "backward") => {
    const paging = way === "backward" ? { last: size, before: pages[i].pageInfo.startCursor } : { first: size, after: pages[i].pageInfo.endCursor };
    const response = await read(list, persona, { ...variables, ...paging });
    const want = pages[way === "backward" ? i - 1 : i + 1];
    const at = `${where}, ${way} from page ${i + 1} of ${pages.length}`;
    const page = response.data?.list;
    if (!page) return problems.push(`${at}: ${JSON.stringify(response.errors)}`);
    const ids = (p: Page) => JSON.stringify(p.edges.map((edge) => edge.node.id));
    if (ids(page) !== ids(want)) problems.push(`${at}: ${ids(page)}, not ${ids(want)}`);
    const [next, previous] = way === "backward" ? [false, i - 1 > 0] : [i + 1 < pages.length - 1, false];
    if (page.pageInfo.hasNextPage !== next || page.pageInfo.hasPreviousPage !== previous) {
      problems.push(`${at}: hasNextPage ${page.pageInfo.hasNextPage}, hasPreviousPage ${page.pageInfo.hasPreviousPage}; expected ${next}, ${previous}`);
    }
  };
  for (let i = 1; i < forward.length; i += 1) await turned(forward, i, "backward");
  for (let i = 0; i < backward.length - 1; i += 1) await turned(backward, i, "forward");
  // A page of none: the totalCount, and whether there are any rows, alone.
  for (const [size, flag] of [["first", "hasNextPage"], ["last", "hasPreviousPage"]] as const) {
    const page = (await read(list, persona, { ...variables, [size]: 0 })).data?.list;
    const want = { totalCount: expected.length, edges: 0, [flag]: expected.length > 0 };
    const got = page && { totalCount: page.totalCount, edges: page.edges.length, [flag]: page.pageInfo[flag] };
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${where}, ${size}: 0: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
  }
}

// A cursor used with another order or filter than its list's is refused.
async function refused(list: List, persona: PersonaName, variables: Record<string, unknown>, problems: string[], where: string): Promise<void> {
  const response = await read(list, persona, variables);
  const codes = (response.errors ?? []).map((error) => error.extensions?.code);
  if (codes.length !== 1 || codes[0] !== "BAD_USER_INPUT") problems.push(`${where}: answered ${JSON.stringify(response.errors ?? response.data)}`);
}

// ---- Filters ----

interface FilterCase {
  name: string;
  field: string;
  // Where rows show what it selects by: two filters on one path (from and to) go together only
  // in an order of their own.
  paths: string[];
  value: unknown;
  keeps: (row: Row) => boolean;
  widens: boolean;
}

// The value of a filter field that selects some of the rows but not all, from the rows
// themselves where they show it; null where none does.
function filterCase(list: List, field: string, persona: PersonaName, rows: Row[]): FilterCase | null {
  const match = FILTERS[`${list.name}.${field}`];
  const name = `${list.name}.${field}`;
  if (match.by === "known") return { name, field, paths: match.paths, value: match.value(persona), keeps: (row) => match.keeps(row, persona), widens: false };
  const paths = [match.path];
  if (match.by === "widens") return { name, field, paths, value: true, keeps: (row) => valuesAt(row, match.path).length > 0, widens: true };
  const values = [...new Map(rows.flatMap((row) => valuesAt(row, match.path)).map((v) => [JSON.stringify(v), v])).values()];
  if (match.by === "in" || match.by === "equals") {
    const holders = (v: unknown) => rows.filter((row) => valuesAt(row, match.path).some((w) => JSON.stringify(w) === JSON.stringify(v))).length;
    const [value] = values.filter((v) => holders(v) < rows.length).sort((a, b) => holders(a) - holders(b));
    if (value === undefined) return null;
    const isValue = (w: unknown) => JSON.stringify(w) === JSON.stringify(value);
    return { name, field, paths, value: match.by === "in" ? [value] : value, keeps: (row) => valuesAt(row, match.path).some(isValue), widens: false };
  }
  const sorted = values.sort(compareKeys);
  if (sorted.length < 2) return null;
  const value = sorted[Math.floor(sorted.length / 2)];
  const keeps = (row: Row) => {
    const [v] = valuesAt(row, match.path);
    return match.by === "to" ? compareKeys(v, value) < 0 : compareKeys(v, value) >= 0;
  };
  return { name, field, paths, value, keeps, widens: false };
}

// The rows a filter answers with, against those the unfiltered list's rows say it keeps.
function filterProblems(filter: FilterCase, all: Row[], got: Page, where: string): string[] {
  const ids = got.edges.map((edge) => edge.node.id);
  if (filter.widens) {
    const shown = new Set(all.map((row) => row.id));
    const base = ids.filter((id) => shown.has(id));
    const extra = got.edges.filter((edge) => !shown.has(edge.node.id));
    const problems = JSON.stringify(base) === JSON.stringify(all.map((row) => row.id)) ? [] : [`${where}: the rows listed by default are not all there, in order`];
    const wrong = extra.filter((edge) => !filter.keeps(edge.node));
    return wrong.length ? [...problems, `${where}: extra rows that are not ${filter.field}: ${wrong.map((edge) => edge.node.id).join(", ")}`] : problems;
  }
  const expected = all.filter(filter.keeps).map((row) => row.id);
  return JSON.stringify(ids) === JSON.stringify(expected) ? [] : [`${where}: ${JSON.stringify(ids)} where the unfiltered rows give ${JSON.stringify(expected)}`];
}

// ---- The crawl ----

interface Crawl {
  list: List;
  persona: PersonaName;
}
const crawls: Crawl[] = LISTS.flatMap((list) => (LIST_READERS[list.name] ?? []).map((persona) => ({ list, persona })));

describe("paging through every connection", () => {
  it.each(crawls.map((crawl) => [crawl.list.name, crawl.persona, crawl] as const))(
    "%s as %s: every order and direction pages forward and backward over the same rows, in the stated order",
    async (_name, _persona, { list, persona }) => {
      const problems: string[] = [];
      const firstCursors: { order: Order; cursor: string }[] = [];
      for (const order of list.orders) {
        const where = label(list, persona, order);
        const variables = orderArguments(list, order);
        const big = await bigPage(list, persona, variables, problems, where);
        if (!big) continue;
        const rows = big.edges.map((edge) => edge.node);
        if (rows.length < ENOUGH_ROWS) problems.push(`${where}: ${rows.length} rows, fewer than the setup's ${ENOUGH_ROWS}`);
        if (!hasTie(order, rows)) problems.push(`${where}: no tie on ${order.key} for the id to break`);
        problems.push(...orderProblems(list, order, rows, where));
        await walk(list, persona, variables, big, problems, where, order === list.orders[0]);
        if (big.pageInfo.endCursor && big.edges.length > 1) firstCursors.push({ order, cursor: big.edges[0].cursor });
      }
      // Left out, the order is the default one its arguments describe.
      const byDefault = await bigPage(list, persona, {}, problems, label(list, persona, null, " by default"));
      const defaultOrder = await bigPage(list, persona, orderArguments(list, list.defaultOrder), problems, label(list, persona, list.defaultOrder));
      if (byDefault && defaultOrder && JSON.stringify(byDefault.edges.map((e) => e.node.id)) !== JSON.stringify(defaultOrder.edges.map((e) => e.node.id))) {
        problems.push(`${label(list, persona, null)}: the default order is not ${list.defaultOrder.field ?? list.defaultOrder.key} ${list.defaultOrder.direction}`);
      }
      // Neither first nor last: the first DEFAULT_PAGE_SIZE rows.
      if (byDefault) {
        const page = (await read(list, persona, {})).data?.list;
        const want = { ids: byDefault.edges.slice(0, DEFAULT_PAGE_SIZE).map((e) => e.node.id), hasNextPage: byDefault.edges.length > DEFAULT_PAGE_SIZE };
        const got = page && { ids: page.edges.map((e) => e.node.id), hasNextPage: page.pageInfo.hasNextPage };
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${label(list, persona, null)} with no page size: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
      }
      // A cursor of one order, in every other order, and under a filter.
      for (const { order, cursor } of firstCursors) {
        for (const other of list.orders.filter((o) => o !== order)) {
          await refused(list, persona, { ...orderArguments(list, other), first: PAGE, after: cursor }, problems, `${label(list, persona, other)} after a cursor of ${order.field ?? order.key} ${order.direction}`);
          await refused(list, persona, { ...orderArguments(list, other), last: PAGE, before: cursor }, problems, `${label(list, persona, other)} before a cursor of ${order.field ?? order.key} ${order.direction}`);
        }
      }
      const [firstFilter] = Object.keys(FILTERS).filter((name) => name.startsWith(`${list.name}.`));
      if (firstCursors.length && firstFilter && byDefault) {
        const filter = filterCase(list, firstFilter.split(".")[1], persona, byDefault.edges.map((e) => e.node));
        const { order, cursor } = firstCursors[0];
        if (filter) {
          await refused(list, persona, { ...orderArguments(list, order), filter: { [filter.field]: filter.value }, first: PAGE, after: cursor }, problems, `${label(list, persona, order)} filtered by ${filter.field} after an unfiltered cursor`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});

describe("filtering every connection", () => {
  it.each(crawls.map((crawl) => [crawl.list.name, crawl.persona, crawl] as const))(
    "%s as %s: each filter field keeps exactly the rows that satisfy it, and two together their intersection",
    async (_name, _persona, { list, persona }) => {
      const problems: string[] = [];
      const where = label(list, persona, null);
      const unfiltered = await bigPage(list, persona, {}, problems, where);
      if (!unfiltered) throw new Error(problems.join("\n"));
      const rows = unfiltered.edges.map((edge) => edge.node);
      const fields = Object.keys(list.filterType?.getFields() ?? {}).filter((field) => FILTERS[`${list.name}.${field}`]);
      const selective: { filter: FilterCase; ids: string[] }[] = [];
      await inTurn(
        fields,
        async (field) => {
          const filter = filterCase(list, field, persona, rows);
          if (!filter) return;
          const at = `${where} filtered by ${field}: ${JSON.stringify(filter.value)}`;
          const variables = { filter: { [field]: filter.value } };
          const got = await bigPage(list, persona, variables, problems, at);
          if (!got) return;
          problems.push(...filterProblems(filter, rows, got, at));
          // A cursor of the unfiltered list is no position in the filtered one.
          if (unfiltered.edges.length) await refused(list, persona, { ...variables, first: PAGE, after: unfiltered.edges[0].cursor }, problems, `${at} after an unfiltered cursor`);
          const kept = got.edges.length;
          if (kept > 0 && (filter.widens ? kept > rows.length : kept < rows.length)) {
            selective.push({ filter, ids: got.edges.map((edge) => edge.node.id) });
            // The first persona pages through it as through the unfiltered list.
            if (persona === LIST_READERS[list.name][0]) await walk(list, persona, variables, got, problems, at);
          }
        },
        REQUESTS_AT_ONCE,
      );
      // Every filter field selects some rows but not all for the list's first persona.
      if (persona === LIST_READERS[list.name][0]) {
        const unselective = fields.filter((field) => !selective.some((s) => s.filter.field === field));
        if (unselective.length) problems.push(`${where}: no value selects some rows but not all for ${unselective.join(", ")}`);
      }
      // Two filters on different fields of the rows together: the rows both keep.
      const narrowing = selective.filter((s) => !s.filter.widens).sort((x, y) => x.filter.field.localeCompare(y.filter.field));
      const a = narrowing[0];
      const b = narrowing.find((s) => !s.filter.paths.some((path) => a?.filter.paths.includes(path)));
      if (a && b) {
        const both = await bigPage(list, persona, { filter: { [a.filter.field]: a.filter.value, [b.filter.field]: b.filter.value } }, problems, `${where} filtered by ${a.filter.field} and ${b.filter.field}`);
        const expected = a.ids.filter((id) => b.ids.includes(id));
        const got = both?.edges.map((edge) => edge.node.id);
        if (got && JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${where} filtered by ${a.filter.field} and ${b.filter.field}: ${JSON.stringify(got)}, not ${JSON.stringify(expected)}`);
      }
      expect(problems).toEqual([]);
    },
  );
});

describe("the paging crawl's coverage", () => {
  it("reaches every connection, order value and filter field of the schema, or says why not", () => {
    const connections = LISTS.map((list) => list.name);
    expect(connections.filter((name) => !LIST_READERS[name])).toEqual([]);
    expect(Object.keys(LIST_READERS).filter((name) => !connections.includes(name))).toEqual([]);
    // A sort key the crawler reads in the descriptions is not listed by hand as well.
    const derivable = LISTS.filter((list) => list.orderType || keyNamedBy(list.field, list.nodeType)).map((list) => list.name);
    expect(Object.keys(DESCRIBED_ORDERS).filter((name) => derivable.includes(name) || !connections.includes(name))).toEqual([]);
    // Each described order is the one the list's own description states.
    for (const [name, described] of Object.entries(DESCRIBED_ORDERS)) {
      const list = LISTS.find((l) => l.name === name)!;
      const text = [list.field.description, ...list.field.args.map((arg) => arg.description)].join(" ");
      expect({ name, states: text.includes(described.description) }).toEqual({ name, states: true });
    }
    // Every sort key, of every order value, is a field of the list's rows.
    const unreadable = LISTS.flatMap((list) => list.orders.filter((order) => !list.nodeType.getFields()[order.key]).map((order) => `${list.name}: ${order.key}`));
    expect(unreadable).toEqual([]);
    const filterFields = LISTS.flatMap((list) => Object.keys(list.filterType?.getFields() ?? {}).map((field) => `${list.name}.${field}`));
    expect(filterFields.filter((name) => !FILTERS[name] && !FILTERS_NOT_CRAWLED[name])).toEqual([]);
    expect(Object.keys(FILTERS).filter((name) => !filterFields.includes(name) || FILTERS_NOT_CRAWLED[name])).toEqual([]);
    expect(Object.keys(FILTERS_NOT_CRAWLED).filter((name) => !filterFields.includes(name))).toEqual([]);
  });
});
