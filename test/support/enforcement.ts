import type { Credentials, GraphQLResponse, TestApi } from "./test-api";

// Operations the enforcement tests share, and a helper that fails a test with the API's own errors.

export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(`Unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export const EVIDENCE = [
  { kind: "PHOTO", description: "Stitching and logo under magnification", sha256: "a".repeat(64) },
  { kind: "LAB_REPORT", description: "Material analysis", sha256: "0123456789abcdef".repeat(4) },
];

export const RECORD_TEST_BUY = `mutation($input: RecordTestBuyInput!) {
  recordTestBuy(input: $input) { id outcome orderReference cost { amountMinor currency } }
}`;

export const RECORD_OUTCOME = `mutation($input: RecordTestBuyOutcomeInput!) {
  recordTestBuyOutcome(input: $input) { id outcome findings evidence { kind description sha256 } infringement { id status } }
}`;

export const REQUEST_TAKEDOWN = `mutation($id: ID!) {
  requestTakedown(input: { infringementId: $id, reason: "counterfeit confirmed by test buy" }) { id status infringement { id status } }
}`;

export const REQUEST_TAKEDOWNS = `mutation($ids: [ID!]!) {
  requestTakedowns(input: { infringementIds: $ids, reason: "bulk" }) { id status infringement { id status } }
}`;

export const DECIDE_TAKEDOWN = `mutation($id: ID!, $decision: TakedownDecision!, $note: String) {
  decideTakedown(input: { id: $id, decision: $decision, note: $note }) {
    id status decidedAt decisionNote
    listing { id status seller { id status strikeCount statusReason } }
    infringement { id status }
  }
}`;

export const WITHDRAW_TAKEDOWN = `mutation($id: ID!, $note: String!) {
  withdrawTakedown(input: { id: $id, note: $note }) {
    id status decidedAt decisionNote
    infringement { id status notes { body fromStatus toStatus } }
  }
}`;

export const CREATE_REFERRAL = `mutation($agencyId: ID!, $ids: [ID!]!) {
  createReferral(input: { agencyId: $agencyId, infringementIds: $ids, summary: "Two stores of one ring, see test buys" }) {
    id status infringements { id }
  }
}`;

export const UPDATE_REFERRAL = `mutation($input: UpdateReferralInput!) {
  updateReferral(input: $input) { id status raidDate arrests seizedUnits seizedValue { amountMinor currency formatted } }
}`;

export const INFRINGEMENT_STATUS = `query($id: ID!) { infringement(id: $id) { id status } }`;

export async function statusOf(api: TestApi, infringementId: string, as: Credentials): Promise<string | undefined> {
  const response = await api.gql<{ infringement: { status: string } }>(INFRINGEMENT_STATUS, { id: infringementId }, as);
  return response.data?.infringement.status;
}

