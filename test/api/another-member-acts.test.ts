import { UserRole } from "../../src/entities/enums";
import { EVIDENCE, RECORD_TEST_BUY } from "../support/enforcement";
import { contribute } from "../support/intel";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// What one member does in private (reviews, notes, test buys, lawsuits, takedown requests,
// MATCH_ONLY intel and lookups, private feedback, keys) must not move anything another member with a
// case on the same listing and store reads: no status, count, score, cursor or updatedAt. The
// changes that do reach it are public acts: a sighting (others see the count, never who) and the
// platform's removal of a listing.
let api: TestApi;
let cast: Cast;
let brandAAdmin: Persona;
let brandBAdmin: Persona;
let platformAdmin: Persona;

const EVERYTHING = `{
  infringements(first: 5) { totalCount edges { node { id status updatedAt riskScore riskSignals { kind contribution reason } allowedTransitions
    notes { body fromStatus toStatus authorName } testBuys { id } takedownRequests { id status decidedAt decisionNote }
    listing { id status riskScore lastSeenAt firstSeenAt seller { id status strikeCount riskScore statusReason statusChangedAt } }
    seller { id status strikeCount riskScore } } } }
  sellers(first: 5) { totalCount edges { cursor node { id riskScore strikeCount status } } }
  indicators(first: 5) { totalCount edges { node { id value distribution sightingCount lastSeenAt firstSeenAt updatedAt createdAt contributor { id } brand { id } } } }
  referrals(first: 5) { totalCount edges { node { id status updatedAt arrests sellers { id } infringements { id } } } }
  takedownRequests(first: 5) { totalCount edges { node { id status decidedAt decisionNote } } }
  takedownStats { requested pending approved rejected superseded withdrawn acceptanceRate }
  testBuys(first: 5) { totalCount edges { node { id outcome } } }
  legalActions(first: 5) { totalCount edges { node { id status updatedAt } } }
  policyFeedback(first: 5) { totalCount edges { node { id status endorsementCount endorsedByMe isOwn author { name } } } }
  auditEvents(first: 5) { totalCount edges { node { action targetType targetId before after } } }
  organizations { id name status statusChangedAt }
  rules { code version }
  progressReports(first: 10) { totalCount }
}`;

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  brandAAdmin = await userPersona(api, cast.brandA.org, UserRole.ADMIN);
  brandBAdmin = await userPersona(api, cast.brandB.org, UserRole.ADMIN);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  await api.gql(`mutation { publishGovernanceRule(input: { code: "NI", title: "NI", body: "Rule." }) { id } }`, {}, platformAdmin.as);
  await contribute(api, cast.brandAAnalyst, [{ kind: "SELLER", value: storeIndicator(), distribution: "ALLIANCE_ANONYMOUS" }]);
});
afterAll(() => api.close());

type Step = [string, () => Promise<unknown>];

const bShared = () => gid("Infringement", cast.infringementBShared.id);
const asB = () => cast.brandBAnalyst.as;
const ok = async (request: Promise<{ errors?: unknown }>) => {
  const response = await request;
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response as { data: Record<string, unknown> };
};
const reviewB = (status: string) =>
  ok(api.gql(`mutation($id: ID!, $status: InfringementStatus!) { reviewInfringement(input: { id: $id, status: $status }) { id } }`, { id: bShared(), status }, asB()));
const pendingTakedownOfB = async () => {
  const list = await ok(api.gql(`{ takedownRequests(filter: { statuses: [PENDING] }) { edges { node { id } } } }`, {}, asB()));
  return (list.data.takedownRequests as { edges: { node: { id: string } }[] }).edges[0].node.id;
};

const PRIVATE_STEPS: Step[] = [
  ["B takes its case under review", () => reviewB("UNDER_REVIEW")],
  ["B confirms its case", () => reviewB("CONFIRMED")],
  ["B writes a note", () => ok(api.gql(`mutation($id: ID!) { addInfringementNote(input: { infringementId: $id, body: "b note" }) { id } }`, { id: bShared() }, asB()))],
  [
    "B records a counterfeit test buy",
    async () => {
      const input = { infringementId: bShared(), orderedAt: "2026-01-01T00:00:00Z", cost: { amountMinor: 100, currency: "CNY" }, orderReference: "B-1" };
      const bought = (await ok(api.gql(RECORD_TEST_BUY, { input }, asB()))).data.recordTestBuy as { id: string };
      return ok(
        api.gql(`mutation($id: ID!, $ev: [EvidenceItemInput!]!) { recordTestBuyOutcome(input: { id: $id, outcome: COUNTERFEIT, evidence: $ev }) { id } }`, { id: bought.id, ev: EVIDENCE }, asB()),
      );
    },
  ],
  [
    "B sues the shared store",
    () =>
      ok(
        api.gql(
          `mutation($id: ID!) { fileLegalAction(input: { sellerId: $id, court: "C", filedOn: "2026-01-05", claim: { amountMinor: 5, currency: "CNY" } }) { id } }`,
          { id: gid("Seller", cast.seller.id) },
          asB(),
        ),
      ),
  ],
  ["B requests a takedown", () => ok(api.gql(`mutation($id: ID!) { requestTakedown(input: { infringementId: $id, reason: "r" }) { id } }`, { id: bShared() }, asB()))],
  ["B withdraws it", async () => ok(api.gql(`mutation($id: ID!) { withdrawTakedown(input: { id: $id, note: "n" }) { id } }`, { id: await pendingTakedownOfB() }, asB()))],
  ["B contributes the store as MATCH_ONLY intel", () => contribute(api, cast.brandBAnalyst, [{ kind: "SELLER", value: storeIndicator(), distribution: "MATCH_ONLY" }])],
  [
    "B looks the store up",
    () => ok(api.gql(`query($q: [IndicatorQueryInput!]!) { matchIndicators(queries: $q) { matched } }`, { q: [{ kind: "SELLER", value: storeIndicator() }] }, asB())),
  ],
  [
    "B sends private feedback",
    () => ok(api.gql(`mutation { submitPolicyFeedback(input: { ruleCode: "NI", kind: SUGGESTION, body: "b", visibility: PRIVATE }) { id } }`, {}, asB())),
  ],
  ["B's admin creates a key", () => ok(api.gql(`mutation { createApiKey(input: { name: "k", scopes: [INFRINGEMENTS_READ] }) { secret } }`, {}, brandBAdmin.as))],
];

const storeIndicator = () => `TAOBAO:${cast.seller.externalId}`;

async function readByA() {
  return (await ok(api.gql(EVERYTHING, {}, brandAAdmin.as))).data;
}

// Where two answers differ, as "path: before -> after".
function changes(before: unknown, after: unknown, path = ""): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (typeof before !== "object" || typeof after !== "object" || before === null || after === null) return [`${path}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((key) => changes((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], `${path}.${key}`));
}

describe("another member's private acts", () => {
  it("change nothing brand A reads", async () => {
    for (const [name, step] of PRIVATE_STEPS) {
      const before = await readByA();
      await step();
      expect({ step: name, changes: changes(before, await readByA()) }).toEqual({ step: name, changes: [] });
    }
  });

  it("show in a sighting only as its count and its day", async () => {
    const before = await readByA();
    const indicators = await ok(api.gql(`{ indicators(filter: { contributedByMe: false }) { edges { node { id } } } }`, {}, asB()));
    const [{ node }] = (indicators.data.indicators as { edges: { node: { id: string } }[] }).edges;
    await ok(api.gql(`mutation($id: ID!) { recordSighting(input: { indicatorId: $id, seenAt: "2026-01-02T03:04:05Z", source: "s" }) { id } }`, { id: node.id }, asB()));
    expect(changes(before, await readByA())).toEqual([
      ".indicators.edges.0.node.sightingCount: 0 -> 1",
      expect.stringMatching(/^\.indicators\.edges\.0\.node\.firstSeenAt: "[^"]+" -> "2026-01-02T00:00:00\.000Z"$/),
    ]);
  });
});
