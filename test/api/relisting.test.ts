import { FIGURE_SOURCES } from "../../src/domain/reports/figure-sources";
import { parsePeriod } from "../../src/domain/reports/period";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { ReportMetric } from "../../src/entities/report-table";
import { fromGlobalId } from "../../src/schema/global-id";
import { createOrganization } from "../support/factories";
import { DECIDE_TAKEDOWN, REQUEST_TAKEDOWN, dataOf } from "../support/enforcement";
import { createCast, type Cast, type Persona } from "../support/personas";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";

// A listing taken down and then seen for sale again, end to end over HTTP: the scan puts it back,
// its removed case is CONFIRMED again with a note saying when it was seen, and its brand can ask
// for a takedown again; a scan from before the removal, or one under a closed store, puts nothing
// back; and the other brand with a case on the listing reads nothing of it.

let api: TestApi;
let cast: Cast;

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
  await createCatalogueBrand(api.dataSource, cast.brandB.org, "Borealis", ["Borealys"], { sku: "BO-1", name: "Crystal Ring", logoHash: "ffff0000ffff0000" });
});
afterAll(() => api.close());

type Json = Record<string, unknown>;
interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  relisted: number;
  infringementsUpdated: number;
}
interface Case {
  id: string;
  status: string;
  allowedTransitions: string[];
  riskScore: number;
  riskSignals: { kind: string; contribution: number; reason: string }[];
  updatedAt: string;
  noteCount: number;
  notes: { body: string; fromStatus: string | null; toStatus: string | null; authorName: string | null }[];
  listing: { status: string };
}

const INGEST = `mutation($listings: [ListingInput!]!) {
  ingestListings(listings: $listings) { inserted updated unchanged relisted infringementsUpdated }
}`;
const CASES = `query($ids: [String!]!) {
  infringements(first: 10, filter: { marketplaces: [TAOBAO], listingExternalIds: $ids }) { edges { node {
    id status allowedTransitions riskScore riskSignals { kind contribution reason } updatedAt
    noteCount notes(last: 10) { body fromStatus toStatus authorName } listing { status }
  } } }
}`;
const REVIEW = `mutation($id: ID!, $status: InfringementStatus!) { reviewInfringement(input: { id: $id, status: $status, note: "checked" }) { status } }`;

const ingest = async (listings: Json[]): Promise<Counts> =>
  dataOf(await api.gql<{ ingestListings: Counts }>(INGEST, { listings }, cast.platformAnalyst.as)).ingestListings;

// The persona's one case on the listing.
async function caseOf(persona: Persona, record: Json): Promise<Case> {
  const { infringements } = dataOf(await api.gql<{ infringements: { edges: { node: Case }[] } }>(CASES, { ids: [record.externalId] }, persona.as));
  expect(infringements.edges).toHaveLength(1);
  return infringements.edges[0].node;
}

const requestTakedown = async (caseId: string, brand: Persona = cast.brandAAnalyst) =>
  api.gql<{ requestTakedown: { id: string; status: string; infringement: { status: string } } }>(REQUEST_TAKEDOWN, { id: caseId }, brand.as);

const approve = async (requestId: string) =>
  dataOf(await api.gql<{ decideTakedown: Json }>(DECIDE_TAKEDOWN, { id: requestId, decision: "APPROVE" }, cast.platformAnalyst.as)).decideTakedown;

// A brand (A unless named) confirms its case on the listing and has it taken down.
async function confirmAndTakeDown(record: Json, brand: Persona = cast.brandAAnalyst): Promise<string> {
  const { id } = await caseOf(brand, record);
  for (const status of ["UNDER_REVIEW", "CONFIRMED"]) dataOf(await api.gql(REVIEW, { id, status }, brand.as));
  const request = dataOf(await requestTakedown(id, brand)).requestTakedown;
  expect(await approve(request.id)).toMatchObject({ status: "APPROVED", listing: { status: "REMOVED" }, infringement: { status: "REMOVED" } });
  return id;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const fake = (store: string, seenAt: string): Json =>
  listingRecord({
    title: "Aurelia x Borealys Silk Scarf Crystal Ring replica AAA",
    price: { amountMinor: 5_000, currency: "CNY" },
    seenAt,
    seller: { externalId: store, name: `Store ${store}`, openedAt: "2024-01-01T00:00:00.000Z", brandCount: 4 },
  });

it("puts a removed listing seen for sale again back, its removed case CONFIRMED with a note, and lets its brand request a takedown again", async () => {
  const record = fake("relist-store", minutesAgo(60));
  expect(await ingest([record])).toMatchObject({ inserted: 1 });
  const caseId = await confirmAndTakeDown(record);
  const before = await caseOf(cast.brandAAnalyst, record);
  expect(before).toMatchObject({ status: "REMOVED", allowedTransitions: [], listing: { status: "REMOVED" } });
  const otherBrandBefore = await caseOf(cast.brandBAnalyst, record);

  // Seen again, after the takedown, at a lower price.
  const seenAt = new Date().toISOString();
  const relisting = { ...record, price: { amountMinor: 2_500, currency: "CNY" }, seenAt };
  expect(await ingest([relisting])).toMatchObject({ updated: 1, relisted: 1 });
  const after = await caseOf(cast.brandAAnalyst, record);
  expect(after).toMatchObject({ id: caseId, status: "CONFIRMED", allowedTransitions: ["UNDER_REVIEW"], listing: { status: "ACTIVE" } });
  // Its history says when it was seen, by no one of the brand's (the platform's scan).
  expect(after.notes.at(-1)).toEqual({
    body: `Listing seen for sale again on ${seenAt} after its removal`,
    fromStatus: "REMOVED",
    toStatus: "CONFIRMED",
    authorName: null,
  });
  expect(after.noteCount).toBe(before.noteCount + 1);
  // The scan's re-score: the new price, in the score and its explanation.
  expect(after.riskSignals.find((s) => s.kind === "PRICE_ANOMALY")?.reason).toBe("price 2% of MSRP 1,290.00 CNY (AU-1 Silk Scarf)");
  expect(before.riskSignals.find((s) => s.kind === "PRICE_ANOMALY")?.reason).toBe("price 4% of MSRP 1,290.00 CNY (AU-1 Silk Scarf)");
  expect(after.riskScore).toBe(after.riskSignals.reduce((sum, s) => sum + s.contribution, 0));
  expect(new Date(after.updatedAt).getTime()).toBeGreaterThan(new Date(before.updatedAt).getTime());

  // The brand asks for a takedown again; approved, the listing and the case are removed again.
  const again = dataOf(await requestTakedown(caseId)).requestTakedown;
  expect(again).toMatchObject({ status: "PENDING", infringement: { status: "TAKEDOWN_REQUESTED" } });
  expect(await approve(again.id)).toMatchObject({ listing: { status: "REMOVED", seller: { strikeCount: 2 } }, infringement: { status: "REMOVED" } });

  // The platform's audit log has the relisting and the case's step; no member owns either.
  const [listing] = await api.dataSource.query(`SELECT id FROM listing WHERE external_id = $1`, [record.externalId]);
  const caseRowId = fromGlobalId(caseId, "Infringement");
  const audited = await api.dataSource.query(
    `SELECT action, owner_org_id, before, after FROM audit_event
      WHERE (action = 'listing.relist' AND after->'listingIds' ? $1) OR (action = 'infringement.scan' AND target_id = $2)
      ORDER BY action`,
    [listing.id, caseRowId],
  );
  expect(audited).toEqual([
    {
      action: "infringement.scan",
      owner_org_id: cast.platformAnalyst.org.id,
      before: { status: "REMOVED" },
      after: { status: "CONFIRMED", note: `Listing seen for sale again on ${seenAt} after its removal` },
    },
    {
      action: "listing.relist",
      owner_org_id: cast.platformAnalyst.org.id,
      before: { status: "REMOVED" },
      after: { status: "ACTIVE", cause: "scan", listingIds: [listing.id], reopenedInfringementIds: [caseRowId] },
    },
  ]);

  // The other brand's case on the listing: the listing's status is all that moved, and its case is
  // dated so; no note, no status, nothing of brand A's case.
  const otherBrandAfter = await caseOf(cast.brandBAnalyst, record);
  expect(otherBrandAfter).toMatchObject({ id: otherBrandBefore.id, status: otherBrandBefore.status, notes: otherBrandBefore.notes, noteCount: otherBrandBefore.noteCount });
  expect(JSON.stringify(otherBrandAfter)).not.toMatch(/Aurelia|AU-1|seen for sale/);
});

it("keeps a removed listing and its case removed when the scan saw it before its removal", async () => {
  const record = fake("relist-older-scan", minutesAgo(60));
  await ingest([record]);
  const caseId = await confirmAndTakeDown(record);
  // A scan from half an hour ago, sent late: after the first, before the takedown.
  expect(await ingest([{ ...record, price: { amountMinor: 6_000, currency: "CNY" }, seenAt: minutesAgo(30) }])).toMatchObject({ updated: 1, relisted: 0 });
  expect(await caseOf(cast.brandAAnalyst, record)).toMatchObject({ status: "REMOVED", allowedTransitions: [], listing: { status: "REMOVED" } });
  const refused = await requestTakedown(caseId);
  expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  expect(refused.errors?.[0].message).toMatch(/it is REMOVED/);
});

it("keeps a removed listing removed when the scan that sees it again finds its store closed", async () => {
  const record = fake("relist-closed-store", minutesAgo(60));
  await ingest([record]);
  await confirmAndTakeDown(record);
  // The scan reports the marketplace's strikes, enough to close the store (5 by default).
  const closing = { ...record, seenAt: new Date().toISOString(), seller: { ...(record.seller as Json), strikeCount: 5 } };
  expect(await ingest([closing])).toMatchObject({ relisted: 0 });
  const [store] = await api.dataSource.query(`SELECT status FROM seller WHERE external_id = 'relist-closed-store'`);
  expect(store.status).toBe("CLOSED");
  expect(await caseOf(cast.brandAAnalyst, record)).toMatchObject({ status: "REMOVED", listing: { status: "REMOVED" } });
  // And a later scan of the closed store puts nothing back either.
  expect(await ingest([{ ...closing, price: { amountMinor: 5_000, currency: "CNY" }, seenAt: new Date().toISOString() }])).toMatchObject({ relisted: 0 });
  expect(await caseOf(cast.brandAAnalyst, record)).toMatchObject({ status: "REMOVED", listing: { status: "REMOVED" } });
});

it("counts a relisted case's return to CONFIRMED as no confirmation in the progress reports, and its second removal as a second removal", async () => {
  // A member of its own, whose figures are this test's alone.
  const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Brand Org C");
  await createCatalogueBrand(api.dataSource, org, "Cerulean", [], { sku: "CE-1", name: "Silk Scarf", logoHash: "00ff00ff00ff00ff" });
  const analyst = await cast.userOf(org, UserRole.ANALYST);
  const record = { ...fake("relist-report", minutesAgo(60)), title: "Cerulean Silk Scarf replica AAA" };
  await ingest([record]);
  const caseId = await confirmAndTakeDown(record, analyst);
  expect(await ingest([{ ...record, seenAt: new Date().toISOString() }])).toMatchObject({ relisted: 1 });
  await approve(dataOf(await requestTakedown(caseId, analyst)).requestTakedown.id);

  const period = parsePeriod(new Date().toISOString().slice(0, 7));
  const figureOf = async (metric: ReportMetric) => {
    const contributions = await FIGURE_SOURCES.find((source) => source.metric === metric)!.collect(api.dataSource.manager, period);
    return contributions.filter((c) => c.orgId === org.id).reduce((sum, c) => sum + c.value, 0);
  };
  expect(await figureOf(ReportMetric.INFRINGEMENTS_CONFIRMED)).toBe(1);
  expect(await figureOf(ReportMetric.LISTINGS_REMOVED)).toBe(2);
  expect(await figureOf(ReportMetric.TAKEDOWNS_EXECUTED)).toBe(2);
});
