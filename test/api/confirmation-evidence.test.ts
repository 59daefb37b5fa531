import { createCast, gid, type Cast } from "../support/personas";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";

// A case keeps the score and signals it was confirmed on, while later scans re-score it: the
// evidence a referral or a lawsuit rests on.
let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  await createCatalogueBrand(api.dataSource, cast.brandA.org, "Vesperine", [], { sku: "VS-1", name: "Crystal Swan Pendant", logoHash: "5a3c96e1f00f8b27" });
});
afterAll(() => api.close());

type Signal = { kind: string; contribution: number; reason: string };
type Confirmation = { confirmedAt: string; riskScore: number; riskSignals: Signal[]; modelVersion: string } | null;
type Case = { id: string; status: string; riskScore: number; riskSignals: Signal[]; confirmation: Confirmation };
const CASE = `id status riskScore riskSignals { kind contribution reason } confirmation { confirmedAt riskScore riskSignals { kind contribution reason } modelVersion }`;

const ingest = async (listing: Record<string, unknown>) => {
  const response = await api.gql(`mutation($l: [ListingInput!]!) { ingestListings(listings: $l) { inserted updated } }`, { l: [listing] }, cast.platformAnalyst.as);
  expect(response.errors).toBeUndefined();
};
const caseOf = async (externalId: string, as = cast.brandAAnalyst.as) => {
  const response = await api.gql<{ infringements: { edges: { node: Case }[] } }>(
    `query($ids: [String!]) { infringements(first: 5, filter: { listingExternalIds: $ids }) { edges { node { ${CASE} } } } }`,
    { ids: [externalId] },
    as,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.infringements.edges[0]?.node;
};
const review = async (id: string, status: string) => {
  const response = await api.gql(`mutation($input: ReviewInfringementInput!) { reviewInfringement(input: $input) { id } }`, { input: { id, status } }, cast.brandAAnalyst.as);
  expect(response.errors).toBeUndefined();
};

it("is kept through re-scores, taken anew by a new confirmation, kept when a takedown returns the case, and read as the case is", async () => {
  const fake = listingRecord({ title: "Vesperine Crystal Swan Pendant 高仿 1:1 replica", price: { amountMinor: 500, currency: "CNY" } });
  await ingest(fake);
  const flagged = await caseOf(fake.externalId as string);
  expect(flagged.confirmation).toBeNull();

  await review(flagged.id, "UNDER_REVIEW");
  await review(flagged.id, "CONFIRMED");
  const confirmed = await caseOf(fake.externalId as string);
  expect(confirmed.confirmation).toEqual({
    confirmedAt: expect.any(String),
    riskScore: flagged.riskScore,
    riskSignals: flagged.riskSignals,
    modelVersion: expect.stringMatching(/^alliance-risk-/),
  });
  expect(confirmed.riskSignals.some((signal) => signal.kind === "COUNTERFEIT_KEYWORDS")).toBe(true);

  // The seller retitles the listing and raises its price: the case is re-scored, its confirmation is not.
  await ingest({ ...fake, title: "Vesperine crystal pendant", price: { amountMinor: 120_000, currency: "CNY" }, seenAt: "2026-11-02T00:00:00.000Z" });
  const rescored = await caseOf(fake.externalId as string);
  expect(rescored.riskScore).toBeLessThan(flagged.riskScore);
  expect(rescored.riskSignals.some((signal) => signal.kind === "COUNTERFEIT_KEYWORDS")).toBe(false);
  expect(rescored.confirmation).toEqual(confirmed.confirmation);

  // A takedown rejected returns the case to CONFIRMED: no new confirmation.
  const requested = await api.gql<{ requestTakedown: { id: string } }>(
    `mutation($input: RequestTakedownInput!) { requestTakedown(input: $input) { id } }`,
    { input: { infringementId: rescored.id, reason: "counterfeit" } },
    cast.brandAAnalyst.as,
  );
  expect(requested.errors).toBeUndefined();
  const rejected = await api.gql(
    `mutation($input: DecideTakedownInput!) { decideTakedown(input: $input) { status } }`,
    { input: { id: requested.data!.requestTakedown.id, decision: "REJECT", note: "not enough" } },
    cast.platformAnalyst.as,
  );
  expect(rejected.errors).toBeUndefined();
  expect(await caseOf(fake.externalId as string)).toMatchObject({ status: "CONFIRMED", confirmation: confirmed.confirmation });

  // Reopened and confirmed again, on what it scores now.
  await review(rescored.id, "UNDER_REVIEW");
  await review(rescored.id, "CONFIRMED");
  const reconfirmed = await caseOf(fake.externalId as string);
  expect(reconfirmed.confirmation).toMatchObject({ riskScore: rescored.riskScore, riskSignals: rescored.riskSignals });
  expect(reconfirmed.confirmation!.confirmedAt > confirmed.confirmation!.confirmedAt).toBe(true);

  // The platform reads it; another brand finds no such case; the agency reads it once referred.
  expect((await caseOf(fake.externalId as string, cast.platformAnalyst.as)).confirmation).toEqual(reconfirmed.confirmation);
  const node = `query($id: ID!) { node(id: $id) { ... on Infringement { confirmation { riskScore } } } }`;
  expect((await api.gql(node, { id: reconfirmed.id }, cast.brandBAnalyst.as)).data).toEqual({ node: null });
  expect((await api.gql(node, { id: reconfirmed.id }, cast.investigator.as)).data).toEqual({ node: null });
  const referred = await api.gql(
    `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`,
    { input: { agencyId: gid("Organization", cast.investigator.org.id), infringementIds: [reconfirmed.id], summary: "fake pendants" } },
    cast.platformAnalyst.as,
  );
  expect(referred.errors).toBeUndefined();
  expect((await api.gql(node, { id: reconfirmed.id }, cast.investigator.as)).data).toEqual({ node: { confirmation: { riskScore: rescored.riskScore } } });
});
