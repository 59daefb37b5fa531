import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLObjectType,
} from "graphql";
import { ORG_KIND_SCOPES, Scope } from "../../src/auth/scopes";
import { formatMoney } from "../../src/domain/money-format";
import { InfringementStatus, OrgKind, RiskSignalKind, UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { RECORD_OUTCOME, RECORD_TEST_BUY, UPDATE_REFERRAL, dataOf } from "../support/enforcement";
import { createBrand, createInfringement, createListing, createOrganization, createProduct, createSeller } from "../support/factories";
import { footprint } from "../support/footprint";
import { inTurn } from "../support/in-turn";
import { contribute } from "../support/intel";
import { createCast, gid, type Cast, type Persona } from "../support/personas";
import {
  DocumentPlanner,
  crawlSchema,
  everyObjectField,
  fieldAt,
  fieldsSelected,
  print,
  selectionOf,
  shallow,
  without,
  type Selection,
} from "../support/schema-crawl";
import type { GraphQLResponse, TestApi } from "../support/test-api";
import { startTestApi } from "../support/test-api";

// A brand that sees one field of another brand's private data is the worst bug this project can
// have. The other API tests ask the operations they list; this one asks what the schema has: every
// root field, every field of every type to three records deep, node(id:) and the lookups with every
// id of brand A's, and every mutation that takes an id with brand A's ids, as each persona that
// must not see brand A's private data. Brand A's data carries canaries (distinctive strings and
// amounts); no answer may hold one, or an id of brand A's rows, that DESIGN.md section 2 does not
// let the persona see. A field the crawl cannot reach fails the coverage test until it is reached
// or listed, with a reason, below.

// What a canary belongs to, which decides who may read it (DESIGN.md section 2).
type Area =
  | "public" // brand A's organization: its name, kind, status and id
  | "brand" // brand A's mark: its name and aliases
  | "otherBrand" // a second brand of brand A's organization, in no case
  | "catalogue" // brand A's products
  | "case" // brand A's cases, their listings, stores, test buys, takedowns, notes and lawsuits
  | "referredCase" // the case referred to agency X, with its listing, store and test buy
  | "referredIdentity" // the identity of the referred case's store
  | "sellerIdentity" // the identity of the stores of brand A's other cases
  | "referral" // the referral holding brand A's case: its figures
  | "referralSummary" // what the platform told the agency
  | "platformOnly" // the platform's: listing signals, a report's draft and review note
  | "intelPrivate" // PRIVATE and MATCH_ONLY indicators, and brand A's sightings
  | "intelShared" // ALLIANCE and ALLIANCE_ANONYMOUS indicators: value, note, id
  | "feedbackPrivate"
  | "feedbackAlliance"
  | "userNames" // a user's display name: the author of brand A's notes
  | "adminOnly"; // brand A's users' emails, its admin, keys, invitations and audit log

const PERSONA_AREAS = {
  "brand B analyst": ["intelShared", "feedbackAlliance"],
  "brand B admin": ["intelShared", "feedbackAlliance"],
  // Policy feedback is read by users only.
  "brand B key: every brand scope": ["intelShared"],
  "agency Y (nothing referred)": [],
  // What the referral sent to it includes; never the brand's notes or takedowns.
  "agency X (one case referred)": ["brand", "referredCase", "referredIdentity", "referral", "referralSummary"],
  // Every read scope of its organization, but no administration and no store's identity.
  "brand A viewer": [
    "brand",
    "otherBrand",
    "catalogue",
    "case",
    "referredCase",
    "referral",
    "intelPrivate",
    "intelShared",
    "feedbackPrivate",
    "feedbackAlliance",
    "userNames",
  ],
  "brand A key: catalogue:read": ["brand", "otherBrand", "catalogue"],
  "brand A key: infringements:read": ["brand", "otherBrand", "case", "referredCase", "referral", "userNames"],
  // An indicator's brand needs catalogue:read or infringements:read.
  "brand A key: intel:read": ["intelPrivate", "intelShared"],
} satisfies Record<string, Area[]>;
type PersonaName = keyof typeof PERSONA_AREAS;
const PERSONA_NAMES = Object.keys(PERSONA_AREAS) as PersonaName[];

// Fields no crawl selects, and why each needs none. A field missing from both the crawl and this
// list fails the coverage test: reach it, or say here why it cannot show another tenant's data.
const NOT_CRAWLED: Record<string, string> = {
  // Answers of mutations that only create the caller's own records or sign it in: no id of
  // another tenant's goes in, and what comes back is the caller's own.
  "LoginPayload.token": "login, acceptInvitation and changePassword sign in the caller itself",
  "LoginPayload.expiresAt": "as LoginPayload.token",
  "CreateApiKeyPayload.apiKey": "createApiKey makes a key of the caller's own organization",
  "CreateApiKeyPayload.secret": "as CreateApiKeyPayload.apiKey",
  "CreateInvitationPayload.invitation": "inviteUser and inviteMember invite into the caller's own organization (or the platform's new member)",
  "CreateInvitationPayload.token": "as CreateInvitationPayload.invitation",
  "IngestListingsPayload.received": "ingestListings is the platform's alone (ingest:write), which reads everything",
  "IngestListingsPayload.inserted": "as IngestListingsPayload.received",
  "IngestListingsPayload.updated": "as IngestListingsPayload.received",
  "IngestListingsPayload.unchanged": "as IngestListingsPayload.received",
  "IngestListingsPayload.relisted": "as IngestListingsPayload.received",
  "IngestListingsPayload.rejected": "as IngestListingsPayload.received",
  "IngestListingsPayload.superseded": "as IngestListingsPayload.received",
  "IngestListingsPayload.infringementsCreated": "as IngestListingsPayload.received",
  "IngestListingsPayload.infringementsUpdated": "as IngestListingsPayload.received",
  "IngestListingsPayload.modelVersion": "as IngestListingsPayload.received",
  "IngestListingsPayload.rejections": "as IngestListingsPayload.received",
  "IngestRejection.row": "as IngestListingsPayload.received",
  "IngestRejection.reason": "as IngestListingsPayload.received",
  // Mutations that take no id of an existing record: they create the caller's own, or act on the
  // caller itself. Every other mutation is crawled with brand A's ids.
  "Mutation.login": "takes an email and a password, no record's id",
  "Mutation.acceptInvitation": "takes an invitation's token, no record's id",
  "Mutation.changePassword": "acts on the caller's own account",
  "Mutation.signOutEverywhere": "acts on the caller's own account",
  "Mutation.createApiKey": "creates a key of the caller's own organization",
  "Mutation.generateProgressReport": "takes a period, no record's id (platform admins)",
  "Mutation.ingestListings": "takes scanned listings, no record's id (the platform's ingest:write)",
  "Mutation.inviteMember": "takes a new organization's names, no record's id (platform admins)",
  "Mutation.inviteUser": "invites into the caller's own organization",
  "Mutation.publishGovernanceRule": "takes a rule's code, no record's id (platform admins)",
  "Mutation.submitPolicyFeedback": "takes a rule's code, no record's id; the feedback is the caller's own",
};

// Distinctive values of brand A's data, by who may read them.
const MSRP = 987_654_321;
const TEST_BUY_COST = 13_579;
const REFERRED_TEST_BUY_COST = 24_680;
const LISTING_PRICE = 31_415_926;
const REFERRED_LISTING_PRICE = 27_182_818;
const CLAIM = 86_420_975;
const SEIZED_VALUE = 11_223_344;
const ARRESTS = 4_321;

interface Canary {
  text: string;
  area: Area;
}
const money = (amountMinor: number, area: Area): Canary[] => [
  { text: String(amountMinor), area },
  { text: formatMoney(amountMinor, "CNY"), area },
];
const CANARIES: Canary[] = [
  { text: "canaryA-alias-9c1", area: "brand" },
  { text: "canaryA-second-brand", area: "otherBrand" },
  { text: "canaryA-second-alias", area: "otherBrand" },
  { text: "canaryA-sku-7f3", area: "catalogue" },
  { text: "canaryA-product-name", area: "catalogue" },
  { text: "canaryA-category", area: "catalogue" },
  { text: "canaryA-spec-value", area: "catalogue" },
  { text: "c0ffee00c0ffee01", area: "catalogue" },
  ...money(MSRP, "catalogue"),
  { text: "canaryA-store-name", area: "case" },
  { text: "canaryA-store-ext", area: "case" },
  { text: "canaryA-registered-name", area: "sellerIdentity" },
  { text: "canaryA-contact", area: "sellerIdentity" },
  { text: "canaryA-payment", area: "sellerIdentity" },
  { text: "canaryA-listing-title", area: "case" },
  { text: "canaryA-listing-description", area: "case" },
  { text: "canaryA-listing-ext", area: "case" },
  { text: "canaryA-listing-spec", area: "case" },
  { text: "abcdef0123456789", area: "case" },
  ...money(LISTING_PRICE, "case"),
  { text: "canaryA-case-signal", area: "case" },
  { text: "canaryA-platform-signal", area: "platformOnly" },
  { text: "canaryA-order-ref", area: "case" },
  ...money(TEST_BUY_COST, "case"),
  { text: "canaryA-findings", area: "case" },
  { text: "canaryA-evidence", area: "case" },
  { text: "canaryA-takedown-reason", area: "case" },
  { text: "canaryA-note-body", area: "case" },
  { text: "canaryA-court", area: "case" },
  { text: "canaryA-case-number", area: "case" },
  ...money(CLAIM, "case"),
  { text: "canaryA-referred-store", area: "referredCase" },
  { text: "canaryA-referred-registered", area: "referredIdentity" },
  { text: "canaryA-referred-title", area: "referredCase" },
  { text: "canaryA-referred-signal", area: "referredCase" },
  ...money(REFERRED_LISTING_PRICE, "referredCase"),
  { text: "canaryA-referred-order", area: "referredCase" },
  ...money(REFERRED_TEST_BUY_COST, "referredCase"),
  { text: "canaryA-referred-note", area: "case" },
  { text: "canaryA-referred-takedown", area: "case" },
  { text: "canaryA-referral-summary", area: "referralSummary" },
  ...money(SEIZED_VALUE, "referral"),
  { text: String(ARRESTS), area: "referral" },
  { text: "canarya-private-kw", area: "intelPrivate" },
  { text: "canaryA-private-note", area: "intelPrivate" },
  { text: "canarya-matchonly-kw", area: "intelPrivate" },
  { text: "canaryA-matchonly-note", area: "intelPrivate" },
  { text: "canaryA-sighting-source", area: "intelPrivate" },
  { text: "canarya-anon-kw", area: "intelShared" },
  { text: "canaryA-anon-note", area: "intelShared" },
  { text: "canarya-alliance-kw", area: "intelShared" },
  { text: "canaryA-alliance-note", area: "intelShared" },
  { text: "canaryA-feedback-private", area: "feedbackPrivate" },
  { text: "canaryA-feedback-alliance", area: "feedbackAlliance" },
  { text: "canaryA-analyst-name", area: "userNames" },
  { text: "canaryA-admin-name", area: "adminOnly" },
  { text: "canarya-analyst-mail", area: "adminOnly" },
  { text: "canarya-admin-mail", area: "adminOnly" },
  { text: "canaryA-key-name", area: "adminOnly" },
  { text: "canarya-invitee", area: "adminOnly" },
  { text: "canaryA-invitee-name", area: "adminOnly" },
  { text: "canaryA-review-note", area: "platformOnly" },
];

// One of brand A's rows, by the GraphQL type of its global id.
interface OwnedId {
  typeName: string;
  id: string;
  area: Area;
}

// Fields that a persona reads on a row it may see, but which must then be null: who contributed
// an ALLIANCE_ANONYMOUS indicator, who wrote ALLIANCE feedback.
interface Masked {
  id: string;
  fields: string[];
}

const MISSING = "00000000-0000-4000-8000-000000000000";
const ENTITY_DEPTH = 3;
// Requests (or personas, each asking in turn) at once: the server has a core or two to answer.
const REQUESTS_AT_ONCE = 3;

let api: TestApi;
let cast: Cast;
const personas = new Map<PersonaName, Persona>();
const owned: OwnedId[] = [];
const masked: Masked[] = [];
let indicatorQueries: { kind: EnumValue; value: string }[] = [];
let listingExternalIds: string[] = [];
let ruleCode = "";
let keySecret = "";

const textOf = (value: unknown) => JSON.stringify(value);

async function seedBrandA(): Promise<void> {
  const db = api.dataSource;
  const orgA = cast.brandA.org;
  const platformAdmin = await cast.userOf(cast.platformAnalyst.org, UserRole.ADMIN);
  const analyst = cast.brandAAnalyst;
  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Persona) => dataOf(await api.gql<T>(query, variables, as.as));

  await db.query(`UPDATE brand SET aliases = $1 WHERE id = $2`, [["AA", "canaryA-alias-9c1"], cast.brandA.brand.id]);
  CANARIES.push({ text: cast.brandA.brand.name, area: "brand" });
  const second = await createBrand(db, orgA, ["canaryA-second-alias"]);
  await db.query(`UPDATE brand SET name = 'canaryA-second-brand' WHERE id = $1`, [second.id]);
  await db.query(`UPDATE app_user SET display_name = 'canaryA-analyst-name', email = 'canarya-analyst-mail@' || $2 WHERE owner_org_id = $1 AND role = 'ANALYST'`, [
    orgA.id,
    `${orgA.slug}.test`,
  ]);
  await db.query(`UPDATE app_user SET display_name = 'canaryA-admin-name', email = 'canarya-admin-mail@' || $2 WHERE owner_org_id = $1 AND role = 'ADMIN'`, [
    orgA.id,
    `${orgA.slug}.test`,
  ]);
  await createProduct(db, cast.brandA.brand, {
    sku: "canaryA-sku-7f3",
    name: "canaryA-product-name",
    category: "canaryA-category",
    msrpMinor: MSRP,
    specs: { canary: "canaryA-spec-value" },
    logoHashes: ["c0ffee00c0ffee01"],
  });

  // A case of its own, worked to a takedown request, with a test buy, a note and a lawsuit.
  const store = await createSeller(db, {
    publicName: "canaryA-store-name",
    externalId: "canaryA-store-ext",
    registeredName: "canaryA-registered-name",
    contact: "canaryA-contact",
    paymentAccount: "canaryA-payment",
  });
  const listing = await createListing(db, store, {
    title: "canaryA-listing-title",
    description: "canaryA-listing-description",
    externalId: "canaryA-listing-ext",
    priceMinor: LISTING_PRICE,
    specs: { canary: "canaryA-listing-spec" },
    imageHashes: ["abcdef0123456789"],
    riskSignals: [{ kind: RiskSignalKind.PRICE_ANOMALY, contribution: 88, reason: "canaryA-platform-signal" }],
  });
  const ownCase = await createInfringement(db, cast.brandA.brand, listing, {
    riskSignals: [{ kind: RiskSignalKind.PRICE_ANOMALY, contribution: 87, reason: "canaryA-case-signal" }],
  });
  const ownCaseId = gid("Infringement", ownCase.id);
  const testBuy = await ok<{ recordTestBuy: { id: string } }>(
    RECORD_TEST_BUY,
    { input: { infringementId: ownCaseId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: TEST_BUY_COST, currency: "CNY" }, orderReference: "canaryA-order-ref" } },
    analyst,
  );
  const evidence = [{ kind: "PHOTO", description: "canaryA-evidence", sha256: "b".repeat(64) }];
  await ok(RECORD_OUTCOME, { input: { id: testBuy.recordTestBuy.id, outcome: "COUNTERFEIT", findings: "canaryA-findings", evidence } }, analyst);
  const note = `mutation($id: ID!, $body: String!) { addInfringementNote(input: { infringementId: $id, body: $body }) { id } }`;
  const takedown = `mutation($id: ID!, $reason: String!) { requestTakedown(input: { infringementId: $id, reason: $reason }) { id } }`;
  await ok(note, { id: ownCaseId, body: "canaryA-note-body" }, analyst);
  await ok(takedown, { id: ownCaseId, reason: "canaryA-takedown-reason" }, analyst);
  await ok(
    `mutation($input: FileLegalActionInput!) { fileLegalAction(input: $input) { id } }`,
    { input: { sellerId: gid("Seller", store.id), court: "canaryA-court", caseNumber: "canaryA-case-number", claim: { amountMinor: CLAIM, currency: "CNY" }, filedOn: "2026-11-02" } },
    analyst,
  );

  // A case referred to agency X, with a test buy recorded before, and a note and a takedown it
  // does not send.
  const referredStore = await createSeller(db, { publicName: "canaryA-referred-store", registeredName: "canaryA-referred-registered" });
  const referredListing = await createListing(db, referredStore, {
    title: "canaryA-referred-title",
    priceMinor: REFERRED_LISTING_PRICE,
    riskSignals: [{ kind: RiskSignalKind.PRICE_ANOMALY, contribution: 88, reason: "canaryA-platform-signal" }],
  });
  const referredCase = await createInfringement(db, cast.brandA.brand, referredListing, {
    status: InfringementStatus.CONFIRMED,
    riskSignals: [{ kind: RiskSignalKind.PRICE_ANOMALY, contribution: 87, reason: "canaryA-referred-signal" }],
  });
  const referredCaseId = gid("Infringement", referredCase.id);
  await ok(
    RECORD_TEST_BUY,
    { input: { infringementId: referredCaseId, orderedAt: "2026-10-01T00:00:00Z", cost: { amountMinor: REFERRED_TEST_BUY_COST, currency: "CNY" }, orderReference: "canaryA-referred-order" } },
    analyst,
  );
  await ok(note, { id: referredCaseId, body: "canaryA-referred-note" }, analyst);
  await ok(takedown, { id: referredCaseId, reason: "canaryA-referred-takedown" }, analyst);
  const referral = await ok<{ createReferral: { id: string } }>(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`,
    { input: { agencyId: gid("Organization", cast.investigator.org.id), infringementIds: [referredCaseId], summary: "canaryA-referral-summary" } },
    cast.platformAnalyst,
  );
  await ok(
    UPDATE_REFERRAL,
    { input: { id: referral.createReferral.id, status: "INVESTIGATING", arrests: ARRESTS, seizedValue: { amountMinor: SEIZED_VALUE, currency: "CNY" } } },
    cast.investigator,
  );

  // Indicators of every distribution, a sighting of brand A's, and feedback of each visibility.
  const brandId = gid("Brand", cast.brandA.brand.id);
  const indicators = [
    { kind: "KEYWORD", value: "canarya-private-kw", note: "canaryA-private-note", distribution: "PRIVATE", brandId },
    { kind: "KEYWORD", value: "canarya-matchonly-kw", note: "canaryA-matchonly-note", distribution: "MATCH_ONLY", brandId },
    { kind: "KEYWORD", value: "canarya-anon-kw", note: "canaryA-anon-note", distribution: "ALLIANCE_ANONYMOUS", brandId },
    { kind: "KEYWORD", value: "canarya-alliance-kw", note: "canaryA-alliance-note", distribution: "ALLIANCE", brandId },
  ];
  const [, , anonymous, alliance] = await contribute(api, analyst, indicators);
  indicatorQueries = indicators.map(({ kind, value }) => ({ kind: new EnumValue(kind), value }));
  masked.push({ id: gid("Indicator", anonymous), fields: ["contributor", "brand"] }, { id: gid("Indicator", alliance), fields: ["brand"] });
  await ok(
    `mutation($input: RecordSightingInput!) { recordSighting(input: $input) { id } }`,
    { input: { indicatorId: gid("Indicator", alliance), seenAt: "2026-11-01T00:00:00Z", source: "canaryA-sighting-source" } },
    analyst,
  );
  ruleCode = "LEAK-CRAWL";
  await ok(`mutation { publishGovernanceRule(input: { code: "${ruleCode}", title: "Crawled rule", body: "A rule to give feedback on" }) { id } }`, {}, platformAdmin);
  const feedback = `mutation($body: String!, $visibility: FeedbackVisibility!) {
    submitPolicyFeedback(input: { ruleCode: "${ruleCode}", kind: SUGGESTION, body: $body, visibility: $visibility }) { id }
  }`;
  await ok(feedback, { body: "canaryA-feedback-private", visibility: "PRIVATE" }, analyst);
  const allianceFeedback = await ok<{ submitPolicyFeedback: { id: string } }>(feedback, { body: "canaryA-feedback-alliance", visibility: "ALLIANCE" }, analyst);
  masked.push({ id: allianceFeedback.submitPolicyFeedback.id, fields: ["author"] });

  // Its administration: an invitation and a key.
  await ok(
    `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token } }`,
    { input: { email: `canarya-invitee@${orgA.slug}.test`, name: "canaryA-invitee-name", role: "VIEWER" } },
    cast.brandAAdmin,
  );
  const key = await ok<{ createApiKey: { secret: string; apiKey: { prefix: string } } }>(
    `mutation { createApiKey(input: { name: "canaryA-key-name", scopes: [CATALOGUE_READ] }) { secret apiKey { prefix } } }`,
    {},
    cast.brandAAdmin,
  );
  keySecret = key.createApiKey.secret;
  CANARIES.push({ text: keySecret, area: "adminOnly" }, { text: key.createApiKey.apiKey.prefix, area: "adminOnly" });

  // A draft report of last month, reviewed: the platform's until it is published.
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const report = await ok<{ generateProgressReport: { id: string } }>(`mutation { generateProgressReport(period: "${lastMonth}") { id } }`, {}, platformAdmin);
  await ok(`mutation($id: ID!) { reviewProgressReport(input: { id: $id, note: "canaryA-review-note" }) { id } }`, { id: report.generateProgressReport.id }, platformAdmin);
  owned.push({ typeName: "ProgressReport", id: fromGlobalId(report.generateProgressReport.id, "ProgressReport"), area: "platformOnly" });

  owned.push({ typeName: "Organization", id: orgA.id, area: "public" });
  const rows = async (sql: string, typeName: string, area: (row: Record<string, unknown>) => Area) => {
    for (const row of (await db.query(sql, [orgA.id])) as Record<string, unknown>[]) owned.push({ typeName, id: String(row.id), area: area(row) });
  };
  const referredCases = `(SELECT infringement_id FROM referral_infringement)`;
  await rows(`SELECT id FROM brand WHERE owner_org_id = $1`, "Brand", (row) => (row.id === second.id ? "otherBrand" : "brand"));
  await rows(`SELECT id FROM product WHERE owner_org_id = $1`, "Product", () => "catalogue");
  await rows(`SELECT id, id IN ${referredCases} AS referred FROM suspected_infringement WHERE owner_org_id = $1`, "Infringement", (row) =>
    row.referred ? "referredCase" : "case",
  );
  // Its cases' listings and stores, but for the listing and the store it shares with brand B.
  await rows(
    `SELECT DISTINCT l.id, l.id IN (SELECT listing_id FROM suspected_infringement WHERE id IN ${referredCases}) AS referred FROM listing l
       JOIN suspected_infringement si ON si.listing_id = l.id AND si.owner_org_id = $1
      WHERE NOT EXISTS (SELECT 1 FROM suspected_infringement other WHERE other.listing_id = l.id AND other.owner_org_id <> $1)`,
    "Listing",
    (row) => (row.referred ? "referredCase" : "case"),
  );
  await rows(
    `SELECT DISTINCT s.id, s.id IN (SELECT seller_id FROM referral_infringement) AS referred FROM seller s
       JOIN suspected_infringement si ON si.seller_id = s.id AND si.owner_org_id = $1
      WHERE NOT EXISTS (SELECT 1 FROM suspected_infringement other WHERE other.seller_id = s.id AND other.owner_org_id <> $1)`,
    "Seller",
    (row) => (row.referred ? "referredCase" : "case"),
  );
  await rows(`SELECT id, infringement_id IN ${referredCases} AS referred FROM test_buy WHERE owner_org_id = $1`, "TestBuy", (row) =>
    row.referred ? "referredCase" : "case",
  );
  await rows(`SELECT id FROM takedown_request WHERE owner_org_id = $1`, "TakedownRequest", () => "case");
  await rows(`SELECT id FROM infringement_note WHERE owner_org_id = $1`, "InfringementNote", () => "case");
  await rows(`SELECT id FROM legal_action WHERE owner_org_id = $1`, "LegalAction", () => "case");
  await rows(`SELECT DISTINCT referral_id AS id FROM referral_infringement WHERE owner_org_id = $1`, "Referral", () => "referral");
  await rows(`SELECT id, distribution FROM indicator WHERE owner_org_id = $1`, "Indicator", (row) =>
    row.distribution === "PRIVATE" || row.distribution === "MATCH_ONLY" ? "intelPrivate" : "intelShared",
  );
  await rows(`SELECT id, visibility FROM policy_feedback WHERE owner_org_id = $1`, "PolicyFeedback", (row) =>
    row.visibility === "ALLIANCE" ? "feedbackAlliance" : "feedbackPrivate",
  );
  await rows(`SELECT id FROM app_user WHERE owner_org_id = $1`, "User", () => "adminOnly");
  await rows(`SELECT id FROM api_key WHERE owner_org_id = $1`, "ApiKey", () => "adminOnly");
  await rows(`SELECT id FROM invitation WHERE owner_org_id = $1`, "Invitation", () => "adminOnly");
  await rows(`SELECT id FROM audit_event WHERE owner_org_id = $1`, "AuditEvent", () => "adminOnly");
  listingExternalIds = ((await db.query(`SELECT external_id FROM listing WHERE id = ANY($1)`, [owned.filter((o) => o.typeName === "Listing").map((o) => o.id)])) as {
    external_id: string;
  }[]).map((row) => row.external_id);
}

// ---- Queries from the schema ----

const queryType = crawlSchema.getQueryType() as GraphQLObjectType;
// An enum's value, written bare in a document.
class EnumValue {
  constructor(readonly name: string) {}
}
const literal = (value: unknown): string =>
  value instanceof EnumValue
    ? value.name
    : Array.isArray(value)
      ? `[${value.map(literal).join(", ")}]`
      : value !== null && typeof value === "object"
        ? `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`).join(", ")} }`
        : JSON.stringify(value);

// The type of record an id argument or filter names: `id` the field's own type; `brandIds` a Brand.
const ID_TYPES: Record<string, string> = {
  agency: "Organization",
  organization: "Organization",
  contributor: "Organization",
  plaintiff: "Organization",
  createdByUser: "User",
  actor: "User",
};
function idTypeOf(argumentName: string, ownType: string): string | null {
  if (argumentName === "id" || argumentName === "ids") return ownType;
  const base = /^(\w+?)Ids?$/.exec(argumentName)?.[1];
  if (!base) return null;
  const typeName = ID_TYPES[base] ?? base[0].toUpperCase() + base.slice(1);
  return crawlSchema.getType(typeName) ? typeName : null;
}

const idsOf = (typeName: string) => owned.filter((o) => o.typeName === typeName);

// Every root query field: its lists at their largest page, unfiltered and filtered by each of
// brand A's ids, its lookups with each of brand A's ids, global and raw.
function rootSelections(maxPageSize: number): { roots: Selection[]; alone: Selection[] } {
  const roots: Selection[] = [];
  const alone: Selection[] = [];
  for (const field of Object.values(queryType.getFields())) {
    const returned = getNamedType(field.type) as GraphQLObjectType;
    const full = (args?: string) => ({ field: field.name, args, children: selectionOf(returned, ENTITY_DEPTH, maxPageSize) });
    const argumentNames = field.args.map((arg) => arg.name);
    if (field.name === "node") {
      for (const { typeName, id } of owned) {
        const type = crawlSchema.getType(typeName) as GraphQLObjectType;
        const children = [{ field: "__typename", children: [] }, { field: "id", children: [] }, { on: typeName, children: selectionOf(type, ENTITY_DEPTH, maxPageSize) }];
        roots.push({ field: "node", args: `id: ${literal(gid(typeName, id))}`, children });
        roots.push({ field: "node", args: `id: ${literal(id)}`, children: [{ field: "id", children: [] }] });
      }
    } else if (argumentNames.includes("id")) {
      // A raw id is no global id (BAD_USER_INPUT): its answer needs no fields to be checked.
      for (const { typeName, id } of idsOf(returned.name)) {
        roots.push(full(`id: ${literal(gid(typeName, id))}`), { field: field.name, args: `id: ${literal(id)}`, children: [{ field: "id", children: [] }] });
      }
    } else if (field.name === "rule") roots.push(full(`code: ${literal(ruleCode)}`));
    else if (field.name === "listingsByExternalId") roots.push(full(`marketplace: ${literal(new EnumValue("TAOBAO"))}, externalIds: ${literal(listingExternalIds)}`));
    // One a request (operation-shape.rules.ts); its answer repeats the values asked.
    else if (field.name === "matchIndicators") alone.push(full(`queries: ${literal(indicatorQueries)}`));
    else {
      const page = argumentNames.includes("first") ? `first: ${maxPageSize}` : undefined;
      roots.push(full(page));
      const filter = field.args.find((arg) => arg.name === "filter");
      const filterType = filter && getNullableType(filter.type);
      if (filterType && isInputObjectType(filterType)) {
        for (const filterField of Object.values(filterType.getFields())) {
          if (getNamedType(filterField.type).name !== "ID") continue;
          const typeName = idTypeOf(filterField.name, returned.name);
          const ids = typeName ? idsOf(typeName).map((o) => gid(typeName, o.id)) : [];
          if (!ids.length) continue;
          const value = isListType(getNullableType(filterField.type)) ? ids : ids[0];
          roots.push(full([page, `filter: { ${filterField.name}: ${literal(value)} }`].filter(Boolean).join(", ")));
        }
      }
    }
  }
  return { roots, alone };
}

// ---- Mutations with brand A's ids ----

interface MutationCall {
  name: string;
  // The document with brand A's id, and with the id of no record of that type, selecting what
  // is given of the answer's fields.
  withId: (selection: Selection[]) => string;
  withMissing: (selection: Selection[]) => string;
  selection: Selection[];
  id: OwnedId;
}

// A value an input takes, where its content matters less than its type; ids are brand A's.
function inputValue(type: GraphQLInputType, name: string, ownType: string, id: OwnedId | null): unknown {
  if (isNonNullType(type)) return inputValue(type.ofType, name, ownType, id);
  if (isListType(type)) return [inputValue(type.ofType, name, ownType, id)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) || getNamedType(field.type).name === "ID")
        .filter((field) => field.defaultValue === undefined)
        .map((field) => [field.name, inputValue(field.type, field.name, ownType, id)]),
    );
  }
  if (isEnumType(type)) return new EnumValue(type.getValues()[0].name);
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return id && idTypeOf(name, ownType) === id.typeName ? gid(id.typeName, id.id) : gid(idTypeOf(name, ownType) ?? "Organization", MISSING);
      case "Int":
      case "SafeInt":
      case "Float":
        return 1;
      case "Boolean":
        return false;
      case "DateTime":
        return "2026-11-01T00:00:00Z";
      case "LocalDate":
        return "2026-11-01";
      case "JSONObject":
        return {};
      default:
        return name === "currency" ? "CNY" : "leak crawl";
    }
  }
  return null;
}

// Each mutation that takes an id, once with each of brand A's ids of the type it names.
function mutationCalls(maxPageSize: number, planner: DocumentPlanner): MutationCall[] {
  const mutationType = crawlSchema.getMutationType() as GraphQLObjectType;
  return Object.values(mutationType.getFields())
    .filter((field) => !NOT_CRAWLED[`Mutation.${field.name}`])
    .flatMap((field) => {
      const returned = getNamedType(field.type);
      const ownType = returned.name;
      const idTypes = new Set<string>();
      const collect = (name: string, type: GraphQLInputType) => {
        const named = getNamedType(type);
        if (named.name === "ID") {
          const typeName = idTypeOf(name, ownType);
          if (typeName) idTypes.add(typeName);
        } else if (isInputObjectType(named)) for (const inner of Object.values(named.getFields())) collect(inner.name, inner.type);
      };
      for (const arg of field.args) collect(arg.name, arg.type);
      const selection = isObjectType(returned)
        ? ([3, 2, 1].map((depth) => selectionOf(returned, depth, maxPageSize)).find((children) => planner.passes("mutation", [{ field: field.name, children }])) ?? [])
        : [];
      const document = (id: OwnedId | null) => (children: Selection[]) => {
        const args = field.args.map((arg) => `${arg.name}: ${literal(inputValue(arg.type, arg.name, ownType, id))}`).join(", ");
        const answer = children.length ? children : [{ field: "__typename", children: [] }];
        return `mutation { ${print([{ field: field.name, args, children: answer }])} }`;
      };
      // Two ids of each type, of two areas where it has them (a PRIVATE and a shared indicator, an
      // unreferred and a referred case): each mutation is a few requests a persona.
      const sample = (typeName: string) => {
        const ids = idsOf(typeName);
        const firstOfArea = ids.filter((row, i) => ids.findIndex((other) => other.area === row.area) === i);
        return [...firstOfArea, ...ids.filter((row) => !firstOfArea.includes(row))].slice(0, 2);
      };
      return [...idTypes].flatMap((typeName) =>
        sample(typeName)
          .map((id) => ({ name: field.name, withId: document(id), withMissing: document(null), selection, id })),
      );
    });
}

// Mutations a persona may make on a record of brand A's that it reads: endorse ALLIANCE feedback,
// record a sighting of a shared indicator, record the progress of a referral sent to it. On a
// record it reads, any other mutation is refused (FORBIDDEN or NOT_FOUND): reading is not
// changing. On one it may not read, it answers exactly as for a missing id.
const ANOTHERS_RECORD: Record<string, string> = {
  endorsePolicyFeedback: "any member endorses another's ALLIANCE feedback",
  withdrawEndorsement: "answers by whether the member endorsed it, which it knows",
  recordSighting: "any member records its sightings of a shared indicator",
  updateReferral: "the agency records the progress of a referral sent to it",
};

// ---- Checks ----

const allowedAreas = (persona: PersonaName) => new Set<Area>(["public", ...PERSONA_AREAS[persona]]);

// A canary or an id of brand A's, as a response would show it.
interface Watched {
  label: string;
  text: string;
  area: Area;
}
let watchedCache: Watched[] | undefined;
const everyWatched = (): Watched[] =>
  (watchedCache ??= [
    ...CANARIES.map((canary) => ({ label: `canary "${canary.text}"`, ...canary })),
    ...owned.flatMap((row) => [
      { label: `${row.typeName} id ${row.id}`, text: row.id, area: row.area },
      { label: `${row.typeName} global id ${gid(row.typeName, row.id)}`, text: gid(row.typeName, row.id), area: row.area },
    ]),
  ]);

// One pattern for many watched values, as a response is long and the crawl reads thousands.
// Amounts are looked for as whole numbers, not as digits inside another number or an id; text
// in any case, as indicator values are folded.
interface Watcher {
  pattern: RegExp;
  byText: Map<string, Watched[]>;
}
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\,]/g, "\\$&");
function watcherOf(items: Watched[]): Watcher {
  const byText = new Map<string, Watched[]>();
  for (const item of items) byText.set(item.text.toLowerCase(), [...(byText.get(item.text.toLowerCase()) ?? []), item]);
  const source = [...byText.keys()]
    .sort((a, b) => b.length - a.length)
    .map((text) => (/^[\d,.]+( cny)?$/.test(text) ? `(?<![\\w.,])${escaped(text)}(?![\\w])` : escaped(text)))
    .join("|");
  return { pattern: new RegExp(source || "(?!)", "gi"), byText };
}

// Which watched values a response shows, in its data or its errors.
function watchedIn(response: GraphQLResponse, watcher: Watcher): { item: Watched; part: "data" | "errors" }[] {
  const parts: ["data" | "errors", string][] = [
    ["data", textOf(response.data)],
    ["errors", textOf(response.errors ?? [])],
  ];
  return parts.flatMap(([part, body]) => {
    const texts = new Set([...body.matchAll(watcher.pattern)].map((match) => match[0].toLowerCase()));
    return [...texts].flatMap((text) => (watcher.byText.get(text) ?? []).map((item) => ({ item, part })));
  });
}

const forbiddenWatchers = new Map<PersonaName, Watcher>();
const forbiddenTo = (persona: PersonaName): Watcher => {
  const allowed = allowedAreas(persona);
  let watcher = forbiddenWatchers.get(persona);
  if (!watcher) forbiddenWatchers.set(persona, (watcher = watcherOf(everyWatched().filter((item) => !allowed.has(item.area)))));
  return watcher;
};

// What of brand A's a response shows that the persona may not see. Values the document itself
// sent may come back in an error's message (an id it names, a value it asked), as they may in the
// answer of matchIndicators, which repeats the values asked.
function leaksIn(persona: PersonaName, document: string, response: GraphQLResponse, echoesInData = false): string[] {
  const sent = (text: string) => document.toLowerCase().includes(text.toLowerCase());
  const found = watchedIn(response, forbiddenTo(persona))
    .filter(({ item, part }) => !(sent(item.text) && (part === "errors" || echoesInData)))
    .map(({ item, part }) => `${item.label} (${item.area}) in ${part}`);
  // Rows it may see, with fields it may not.
  if (!persona.startsWith("brand A")) {
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        const mask = masked.find((m) => m.id === record.id);
        for (const field of mask?.fields ?? []) if (record[field] !== undefined && record[field] !== null) found.push(`${field} of ${String(record.id)}`);
        Object.values(record).forEach(visit);
      }
    };
    visit(response.data);
  }
  return found;
}

const sameShape = (response: GraphQLResponse, ids: string[]) => {
  let text = textOf(response);
  for (const id of ids) text = text.split(id).join("<id>");
  return text;
};

// ---- The crawl ----

let planner: DocumentPlanner;
let queryDocuments: Selection[][] = [];
let aloneDocuments: Selection[][] = [];

const queryText = (roots: Selection[]) => `query { ${print(roots)} }`;

// Every document, as one persona. A field refused to it (FORBIDDEN, or NOT_FOUND for a row it
// cannot see) would null every record above it up to a nullable one, a whole page for a
// non-null field, and hide the rest of the page from the crawl: such a field is taken out of the
// persona's documents, and those are asked again, until none is refused. An answer refused
// whole (an error with no path) is asked again with each record's own fields only.
async function crawlAs(
  persona: Persona,
  documents: Selection[][],
  answered: (document: string, response: GraphQLResponse) => void,
): Promise<void> {
  const refused = new Set<string>();
  let pending = documents;
  for (let round = 0; pending.length && round < 6; round++) {
    const again: Selection[][] = [];
    for (const roots of pending) {
      const document = queryText(roots);
      const response = await api.gql(document, {}, persona.as);
      answered(document, response);
      const refusedWhole = !response.data && response.errors?.some((error) => !error.path);
      const ownFields = shallow(roots);
      if (refusedWhole && queryText(ownFields) !== document) again.push(ownFields);
      const nested = (response.errors ?? []).flatMap((error) => (error.path && error.path.length > 1 ? [fieldAt(roots, error.path)] : []));
      if (!nested.length) continue;
      for (const field of nested) if (field) refused.add(field);
      const pruned = without(roots, refused);
      if (pruned.length) again.push(pruned);
    }
    pending = again;
  }
}
let calls: MutationCall[] = [];

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  await seedBrandA();
  const agencyY = await createOrganization(api.dataSource, OrgKind.AGENCY, "Agency Y");
  personas.set("brand B analyst", cast.brandBAnalyst);
  personas.set("brand B admin", await cast.userOf(cast.brandB.org, UserRole.ADMIN));
  personas.set("brand B key: every brand scope", await cast.keyFor(cast.brandB.org, [...ORG_KIND_SCOPES[OrgKind.BRAND]]));
  personas.set("agency Y (nothing referred)", await cast.userOf(agencyY, UserRole.INVESTIGATOR));
  personas.set("agency X (one case referred)", cast.investigator);
  personas.set("brand A viewer", cast.brandAViewer);
  personas.set("brand A key: catalogue:read", await cast.keyFor(cast.brandA.org, [Scope.CATALOGUE_READ]));
  personas.set("brand A key: infringements:read", await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]));
  personas.set("brand A key: intel:read", await cast.keyFor(cast.brandA.org, [Scope.INTEL_READ]));
  const maxPageSize = api.config.limits.maxPageSize;
  planner = new DocumentPlanner(api.config.limits);
  const { roots, alone } = rootSelections(maxPageSize);
  queryDocuments = await planner.plan(roots);
  aloneDocuments = alone.flatMap((root) => planner.split(root)).map((piece) => [piece]);
  calls = mutationCalls(maxPageSize, planner);
}, 120_000);
afterAll(() => api.close());

it("reads nothing of brand A's that a persona may not see, in any field the schema has", async () => {
  const leaks: string[] = [];
  const check = (persona: PersonaName, echoes: boolean) => (document: string, response: GraphQLResponse) => {
    // An internal error nulls the whole answer, and may be a scope turning up a row that a loader
    // then cannot read: the crawl would see nothing of what it hid.
    const internal = response.status >= 500 || response.errors?.some((error) => error.extensions?.code === "INTERNAL_SERVER_ERROR");
    if (internal) leaks.push(`${persona}: an internal error (status ${response.status}) answering ${document.slice(0, 300)}`);
    for (const leak of leaksIn(persona, document, response, echoes)) leaks.push(`${persona}: ${leak}, answering ${document.slice(0, 300)}`);
  };
  await inTurn(
    PERSONA_NAMES,
    async (persona) => {
      await crawlAs(personas.get(persona)!, queryDocuments, check(persona, false));
      await crawlAs(personas.get(persona)!, aloneDocuments, check(persona, true));
    },
    REQUESTS_AT_ONCE,
  );
  expect(leaks).toEqual([]);
}, 300_000);

// The crawl reaches what it guards: asked by the platform's admin, which reads everything, the
// same documents show every canary and global id of brand A's but a key's secret, shown once, and
// an invitee's name (a member's invitations are its own: row-scopes.ts). Raw ids are looked for
// too, but answers speak in global ids: only an audit event's record holds a raw one.
it("finds every canary of brand A's when the platform's admin crawls", async () => {
  const platformAdmin = await cast.userOf(cast.platformAnalyst.org, UserRole.ADMIN);
  const unseen = new Set(everyWatched().filter((item) => item.label.startsWith("canary") || item.label.includes("global id")));
  const watcher = watcherOf([...unseen]);
  await crawlAs(platformAdmin, [...queryDocuments, ...aloneDocuments], (_document, response) => {
    for (const { item } of watchedIn(response, watcher)) unseen.delete(item);
  });
  expect([...unseen].map((item) => item.text).sort()).toEqual(["canaryA-invitee-name", keySecret].sort());
}, 120_000);

it("answers a mutation with an id of brand A's it may not change as with a missing id, and changes nothing", async () => {
  const before = await footprint(api.dataSource);
  const problems: string[] = [];
  const runs = PERSONA_NAMES.flatMap((persona) =>
    calls.filter((call) => !(allowedAreas(persona).has(call.id.area) && call.name in ANOTHERS_RECORD)).map((call) => ({ persona, call })),
  );
  // A mutation's answer for a missing id, once a persona (it changes nothing to ask again).
  const missingAnswers = new Map<string, Promise<GraphQLResponse>>();
  // The answer's fields refused to a persona: the server refuses a mutation whose answer selects
  // one before it runs (FORBIDDEN at its path), which would hide whether the id was refused. They
  // are taken out, and the mutation asked again.
  const refused = new Map<PersonaName, Set<string>>(PERSONA_NAMES.map((persona) => [persona, new Set()]));
  const mutationType = crawlSchema.getMutationType() as GraphQLObjectType;
  await inTurn(
    runs,
    async ({ persona, call }) => {
      const as = personas.get(persona)?.as;
      const answerType = getNamedType(mutationType.getFields()[call.name].type);
      const refusedFields = refused.get(persona)!;
      for (let round = 0; round < 6; round++) {
        const selection = isObjectType(answerType) ? without(call.selection, refusedFields, answerType) : [];
        const document = call.withId(selection);
        const withId = await api.gql(document, {}, as);
        const fields = (withId.errors ?? []).flatMap((error) =>
          error.path && error.path.length > 1 ? [fieldAt([{ field: call.name, children: selection }], error.path, mutationType)] : [],
        );
        if (fields.some((field) => field && !refusedFields.has(field))) {
          for (const field of fields) if (field) refusedFields.add(field);
          continue;
        }
        const missing = call.withMissing(selection);
        const key = `${persona}\n${missing}`;
        if (!missingAnswers.has(key)) missingAnswers.set(key, api.gql(missing, {}, as));
        const withMissing = await missingAnswers.get(key)!;
        const ids = [gid(call.id.typeName, call.id.id), gid(call.id.typeName, MISSING)];
        if (allowedAreas(persona).has(call.id.area)) {
          // A record it reads may be refused as FORBIDDEN (withdrawPolicyFeedback's "another
          // member's is FORBIDDEN"): it knows the record exists.
          const codes = (withId.errors ?? []).map((error) => error.extensions?.code);
          if (!codes.some((code) => code === "FORBIDDEN" || code === "NOT_FOUND")) problems.push(`${persona}: ${call.name} with ${call.id.typeName} ${call.id.id} answered ${textOf(withId)}`);
        } else if (sameShape(withId, ids) !== sameShape(withMissing, ids)) {
          problems.push(`${persona}: ${call.name} with ${call.id.typeName} ${call.id.id} answered ${textOf(withId)}, a missing one ${textOf(withMissing)}`);
        }
        for (const leak of leaksIn(persona, document, withId)) problems.push(`${persona}: ${call.name}: ${leak}`);
        break;
      }
    },
    REQUESTS_AT_ONCE,
  );
  expect(problems).toEqual([]);
  expect(await footprint(api.dataSource)).toEqual(before);
}, 300_000);

it("selects every field of the schema in some crawl, or says why not", () => {
  const selected = new Set<string>();
  const documents = [...[...queryDocuments, ...aloneDocuments].map(queryText), ...calls.map((call) => call.withId(call.selection))];
  for (const document of documents) for (const field of fieldsSelected(document)) selected.add(field);
  const unreached = everyObjectField().filter((field) => !selected.has(field) && !(field in NOT_CRAWLED));
  expect(unreached).toEqual([]);
  // An excuse for a field the crawl reaches is stale.
  expect(Object.keys(NOT_CRAWLED).filter((field) => selected.has(field))).toEqual([]);
});
