import { UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { CREATE_REFERRAL, EVIDENCE, RECORD_TEST_BUY, REQUEST_TAKEDOWN, dataOf } from "../support/enforcement";
import { footprint } from "../support/footprint";
import { createApiKeyRow, createInfringement, createInvitation, createListing, createOrganization, createSeller, OrgKind } from "../support/factories";
import { contribute } from "../support/intel";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type GraphQLResponse, type TestApi } from "../support/test-api";

// Every mutation and lookup that takes the id of something another tenant owns, asked by a
// member (or an agency) that may not see it: the answer must be the very answer for an id that
// does not exist, so that neither the code, the message, the path nor the order of checks tells
// the two apart.
const MISSING = "00000000-0000-4000-8000-000000000000";

let api: TestApi;
let cast: Cast;
let brandBAdmin: Persona;
let otherInvestigator: Persona;
// Brand A's records, by their database ids.
const a = {
  userId: "",
  apiKeyId: "",
  invitationId: "",
  testBuyId: "",
  takedownId: "",
  referralId: "",
  legalActionId: "",
  matchOnlyId: "",
  privateId: "",
  privateFeedbackId: "",
  sellerOnlyAId: "",
  confirmedId: "",
};

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  const db = api.dataSource;
  brandBAdmin = await userPersona(api, cast.brandB.org, UserRole.ADMIN);
  otherInvestigator = await userPersona(api, await createOrganization(db, OrgKind.AGENCY, "Other agency"), UserRole.INVESTIGATOR);
  const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);

  // A store only brand A has a case against, and a lawsuit of brand A against it.
  const sellerOnlyA = await createSeller(db);
  a.sellerOnlyAId = sellerOnlyA.id;
  const confirmed = await createInfringement(db, cast.brandA.brand, await createListing(db, sellerOnlyA, { title: "AA fake" }));
  a.confirmedId = confirmed.id;
  await db.query(`UPDATE suspected_infringement SET status = 'CONFIRMED' WHERE id = ANY($1)`, [[confirmed.id, cast.infringementAShared.id]]);
  const legal = await api.gql<{ fileLegalAction: { id: string } }>(
    `mutation($sellerId: ID!) { fileLegalAction(input: { sellerId: $sellerId, court: "Court", filedOn: "2026-01-05", claim: { amountMinor: 100, currency: "CNY" } }) { id } }`,
    { sellerId: gid("Seller", sellerOnlyA.id) },
    cast.brandAAnalyst.as,
  );
  a.legalActionId = fromGlobalId(dataOf(legal).fileLegalAction.id, "LegalAction");

  const testBuy = await api.gql<{ recordTestBuy: { id: string } }>(
    RECORD_TEST_BUY,
    { input: { infringementId: gid("Infringement", cast.infringementA.id), orderedAt: "2026-01-01T00:00:00Z", cost: { amountMinor: 100, currency: "CNY" }, orderReference: "ORD-A" } },
    cast.brandAAnalyst.as,
  );
  a.testBuyId = fromGlobalId(dataOf(testBuy).recordTestBuy.id, "TestBuy");
  const takedown = await api.gql<{ requestTakedown: { id: string } }>(REQUEST_TAKEDOWN, { id: gid("Infringement", cast.infringementAShared.id) }, cast.brandAAnalyst.as);
  a.takedownId = fromGlobalId(dataOf(takedown).requestTakedown.id, "TakedownRequest");
  const referral = await api.gql<{ createReferral: { id: string } }>(
    CREATE_REFERRAL,
    { agencyId: gid("Organization", cast.investigator.org.id), ids: [gid("Infringement", confirmed.id)] },
    cast.platformAnalyst.as,
  );
  a.referralId = fromGlobalId(dataOf(referral).createReferral.id, "Referral");

  [a.matchOnlyId, a.privateId] = await contribute(api, cast.brandAAnalyst, [
    { kind: "KEYWORD", value: "oracle match only", distribution: "MATCH_ONLY" },
    { kind: "KEYWORD", value: "oracle private", distribution: "PRIVATE" },
  ]);

  await api.gql(`mutation { publishGovernanceRule(input: { code: "ORACLE", title: "Oracle", body: "Rule." }) { id } }`, {}, platformAdmin.as);
  const feedback = await api.gql<{ submitPolicyFeedback: { id: string } }>(
    `mutation { submitPolicyFeedback(input: { ruleCode: "ORACLE", kind: SUGGESTION, body: "private idea", visibility: PRIVATE }) { id } }`,
    {},
    cast.brandAAnalyst.as,
  );
  a.privateFeedbackId = fromGlobalId(dataOf(feedback).submitPolicyFeedback.id, "PolicyFeedback");

  a.userId = (await db.query(`SELECT id FROM app_user WHERE owner_org_id = $1 AND role = 'VIEWER'`, [cast.brandA.org.id]))[0].id;
  a.apiKeyId = (await createApiKeyRow(db, cast.brandA.org, [])).apiKey.id;
  await createInvitation(db, cast.brandA.org);
  a.invitationId = (await db.query(`SELECT id FROM invitation WHERE owner_org_id = $1`, [cast.brandA.org.id]))[0].id;
});
afterAll(() => api.close());

interface Probe {
  name: string;
  as: () => Persona;
  query: string;
  // Variables for a global id of the record (brand A's, or a missing one).
  variables: (id: (typeName: string, dbId: string) => string) => Record<string, unknown>;
}

const money = { amountMinor: 100, currency: "CNY" };
const probes: Probe[] = [
  {
    name: "addInfringementNote",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { addInfringementNote(input: { infringementId: $id, body: "x" }) { id } }`,
    variables: (id) => ({ id: id("Infringement", cast.infringementA.id) }),
  },
  {
    name: "reviewInfringement (an illegal step for A's case)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { reviewInfringement(input: { id: $id, status: REMOVED }) { id } }`,
    variables: (id) => ({ id: id("Infringement", cast.infringementA.id) }),
  },
  {
    name: "reviewInfringements (an illegal step for A's case)",
    as: () => cast.brandBAnalyst,
    query: `mutation($ids: [ID!]!) { reviewInfringements(input: { infringementIds: $ids, status: REMOVED }) { id } }`,
    variables: (id) => ({ ids: [id("Infringement", cast.infringementA.id), gid("Infringement", cast.infringementBShared.id)] }),
  },
  {
    name: "requestTakedown (A's case is CONFIRMED)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { requestTakedown(input: { infringementId: $id, reason: "x" }) { id } }`,
    variables: (id) => ({ id: id("Infringement", a.confirmedId) }),
  },
  {
    name: "requestTakedowns",
    as: () => cast.brandBAnalyst,
    query: `mutation($ids: [ID!]!) { requestTakedowns(input: { infringementIds: $ids, reason: "x" }) { id } }`,
    variables: (id) => ({ ids: [id("Infringement", a.confirmedId), gid("Infringement", cast.infringementBShared.id)] }),
  },
  {
    name: "withdrawTakedown",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { withdrawTakedown(input: { id: $id, note: "x" }) { id } }`,
    variables: (id) => ({ id: id("TakedownRequest", a.takedownId) }),
  },
  {
    name: "recordTestBuy",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { recordTestBuy(input: { infringementId: $id, orderedAt: "2026-01-01T00:00:00Z", cost: { amountMinor: 100, currency: "CNY" }, orderReference: "ORD-A" }) { id } }`,
    variables: (id) => ({ id: id("Infringement", cast.infringementA.id) }),
  },
  {
    name: "recordTestBuyOutcome",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!, $evidence: [EvidenceItemInput!]!) { recordTestBuyOutcome(input: { id: $id, outcome: COUNTERFEIT, evidence: $evidence }) { id } }`,
    variables: (id) => ({ id: id("TestBuy", a.testBuyId), evidence: EVIDENCE }),
  },
  {
    name: "fileLegalAction (a store only A reaches)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!, $claim: MoneyInput!) { fileLegalAction(input: { sellerId: $id, court: "Court", filedOn: "2026-01-05", claim: $claim }) { id } }`,
    variables: (id) => ({ id: id("Seller", a.sellerOnlyAId), claim: money }),
  },
  {
    name: "updateLegalAction",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { updateLegalAction(input: { id: $id, status: SETTLED }) { id } }`,
    variables: (id) => ({ id: id("LegalAction", a.legalActionId) }),
  },
  {
    name: "updateReferral (another agency's)",
    as: () => otherInvestigator,
    query: `mutation($id: ID!) { updateReferral(input: { id: $id, arrests: 1 }) { id } }`,
    variables: (id) => ({ id: id("Referral", a.referralId) }),
  },
  {
    name: "expireIndicator (MATCH_ONLY)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { expireIndicator(id: $id) { id } }`,
    variables: (id) => ({ id: id("Indicator", a.matchOnlyId) }),
  },
  {
    name: "expireIndicator (PRIVATE)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { expireIndicator(id: $id) { id } }`,
    variables: (id) => ({ id: id("Indicator", a.privateId) }),
  },
  {
    name: "widenIndicatorDistribution",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { widenIndicatorDistribution(input: { id: $id, distribution: ALLIANCE }) { id } }`,
    variables: (id) => ({ id: id("Indicator", a.matchOnlyId) }),
  },
  {
    name: "recordSighting (PRIVATE)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { recordSighting(input: { indicatorId: $id, seenAt: "2026-01-01T00:00:00Z", source: "x" }) { id } }`,
    variables: (id) => ({ id: id("Indicator", a.privateId) }),
  },
  {
    name: "contributeIndicators (A's brand)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID) { contributeIndicators(indicators: [{ kind: KEYWORD, value: "b's own", brandId: $id }]) { id } }`,
    variables: (id) => ({ id: id("Brand", cast.brandA.brand.id) }),
  },
  {
    name: "upsertProducts (A's brand)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!, $msrp: MoneyInput!) { upsertProducts(input: { brandId: $id, products: [{ sku: "S", name: "N", category: "C", msrp: $msrp }] }) { __typename } }`,
    variables: (id) => ({ id: id("Brand", cast.brandA.brand.id), msrp: money }),
  },
  {
    name: "endorsePolicyFeedback (PRIVATE)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { endorsePolicyFeedback(id: $id) { id } }`,
    variables: (id) => ({ id: id("PolicyFeedback", a.privateFeedbackId) }),
  },
  {
    name: "withdrawEndorsement (PRIVATE)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { withdrawEndorsement(id: $id) { id } }`,
    variables: (id) => ({ id: id("PolicyFeedback", a.privateFeedbackId) }),
  },
  {
    name: "withdrawPolicyFeedback (PRIVATE)",
    as: () => cast.brandBAnalyst,
    query: `mutation($id: ID!) { withdrawPolicyFeedback(id: $id) { id } }`,
    variables: (id) => ({ id: id("PolicyFeedback", a.privateFeedbackId) }),
  },
  {
    name: "changeUserRole",
    as: () => brandBAdmin,
    query: `mutation($id: ID!) { changeUserRole(id: $id, role: ANALYST) { id } }`,
    variables: (id) => ({ id: id("User", a.userId) }),
  },
  {
    name: "disableUser",
    as: () => brandBAdmin,
    query: `mutation($id: ID!) { disableUser(id: $id) { id } }`,
    variables: (id) => ({ id: id("User", a.userId) }),
  },
  {
    name: "enableUser",
    as: () => brandBAdmin,
    query: `mutation($id: ID!) { enableUser(id: $id) { id } }`,
    variables: (id) => ({ id: id("User", a.userId) }),
  },
  {
    name: "revokeApiKey",
    as: () => brandBAdmin,
    query: `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`,
    variables: (id) => ({ id: id("ApiKey", a.apiKeyId) }),
  },
  {
    name: "revokeInvitation",
    as: () => brandBAdmin,
    query: `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`,
    variables: (id) => ({ id: id("Invitation", a.invitationId) }),
  },
  // Lists filtered by another tenant's ids: the same (empty) page as for a missing id.
  {
    name: "infringements filtered by a store only A reaches",
    as: () => cast.brandBAnalyst,
    query: `query($id: ID!) { infringements(filter: { sellerIds: [$id] }) { totalCount edges { node { id } } } }`,
    variables: (id) => ({ id: id("Seller", a.sellerOnlyAId) }),
  },
  {
    name: "infringements filtered by A's brand",
    as: () => cast.brandBAnalyst,
    query: `query($id: ID!) { infringements(filter: { brandIds: [$id] }) { totalCount edges { node { id } } } }`,
    variables: (id) => ({ id: id("Brand", cast.brandA.brand.id) }),
  },
  {
    name: "takedownRequests filtered by A's brand and store",
    as: () => cast.brandBAnalyst,
    query: `query($b: ID!, $s: ID!) { takedownRequests(filter: { brandIds: [$b], sellerIds: [$s] }) { totalCount edges { node { id } } } }`,
    variables: (id) => ({ b: id("Brand", cast.brandA.brand.id), s: id("Seller", cast.seller.id) }),
  },
  {
    name: "takedownStats filtered by A's brand",
    as: () => cast.brandBAnalyst,
    query: `query($b: ID!) { takedownStats(filter: { brandIds: [$b] }) { requested pending approved rejected superseded withdrawn acceptanceRate } }`,
    variables: (id) => ({ b: id("Brand", cast.brandA.brand.id) }),
  },
  {
    name: "legalActions filtered by a store only A reaches",
    as: () => cast.brandBAnalyst,
    query: `query($id: ID!) { legalActions(filter: { sellerIds: [$id] }) { totalCount edges { node { id } } } }`,
    variables: (id) => ({ id: id("Seller", a.sellerOnlyAId) }),
  },
  {
    name: "indicators filtered by A's brand",
    as: () => cast.brandBAnalyst,
    query: `query($id: ID!) { indicators(filter: { brandIds: [$id] }) { totalCount edges { node { id } } } }`,
    variables: (id) => ({ id: id("Brand", cast.brandA.brand.id) }),
  },
  {
    name: "referrals filtered by A's brand",
    as: () => cast.brandBAnalyst,
    query: `query($id: ID!) { referrals(filter: { brandIds: [$id] }) { totalCount edges { node { id } } } }`,
    variables: (id) => ({ id: id("Brand", cast.brandA.brand.id) }),
  },
  {
    name: "apiKeys filtered by A's organization",
    as: () => brandBAdmin,
    query: `query($id: ID!) { apiKeys(filter: { organizationIds: [$id], includeRevoked: true }) { totalCount edges { node { id } } } }`,
    variables: (id) => ({ id: id("Organization", cast.brandA.org.id) }),
  },
  {
    name: "auditEvents by A's user",
    as: () => brandBAdmin,
    query: `query($id: ID!) { auditEvents(filter: { actorId: $id }) { totalCount edges { node { id } } } }`,
    variables: (id) => ({ id: id("User", a.userId) }),
  },
];

const ofA = (typeName: string, dbId: string) => gid(typeName, dbId);
const ofMissing = (typeName: string) => gid(typeName, MISSING);

// Ids in an answer change nothing of its meaning, but a message may quote the one given.
const withoutGivenIds = (response: GraphQLResponse, given: Record<string, unknown>) => {
  let text = JSON.stringify(response);
  for (const value of Object.values(given).flat()) if (typeof value === "string") text = text.split(value).join("<id>");
  return JSON.parse(text) as unknown;
};

describe.each(probes)("$name", (probe) => {
  it("answers another tenant's id as a missing one", async () => {
    const foreign = probe.variables(ofA);
    const missing = probe.variables((typeName) => ofMissing(typeName));
    const before = await footprint(api.dataSource);
    const foreignAnswer = await api.gql(probe.query, foreign, probe.as().as);
    const missingAnswer = await api.gql(probe.query, missing, probe.as().as);
    expect(withoutGivenIds(foreignAnswer, foreign)).toEqual(withoutGivenIds(missingAnswer, missing));
    expect(await footprint(api.dataSource)).toEqual(before);
  });
});
