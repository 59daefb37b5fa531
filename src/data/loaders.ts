import DataLoader from "dataloader";
import type { EntityManager, ObjectLiteral } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { projectFeedback, type PolicyFeedbackView } from "../auth/feedback-projection";
import {
  ApiKey,
  AuditEvent,
  Brand,
  GovernanceRule,
  Indicator,
  IndicatorSighting,
  Invitation,
  PolicyFeedback,
  PolicyFeedbackEndorsement,
  ProgressReport,
  ProgressReportMemberFigures,
  InfringementNote,
  LegalAction,
  Listing,
  Organization,
  Product,
  Referral,
  ReferralInfringement,
  Seller,
  SuspectedInfringement,
  TakedownRequest,
  TestBuy,
  User,
} from "../entities";
import { readEntities } from "./entity-rows";

type EntityClass<T> = abstract new () => T;

// The columns of listings and sellers that a list of them does not show: large ones (texts,
// JSON, identity), review figures, timestamps and running totals. A brief row leaves them out and
// keeps what a list shows: identity, title, price, status, score and the seller. Reading them made
// about a tenth of the API's and of PostgreSQL's CPU on a dashboard page, which asks for none, and
// the timestamps' JSON the largest part of what was left. Each is a GraphQL field of the same name,
// or none (what the ingest alone reads), so that a resolver can tell from its selection whether a
// brief row will do.
export const DETAIL_COLUMNS = {
  listing: [
    "description", "specs", "imageHashes", "riskSignals", "reviewCount", "averageRating", "modelVersion", "firstSeenAt", "lastSeenAt",
    "fingerprint", "fiveStarFirstWeek", "newAccountReviewShare", "duplicateReviewShare", "listedAt",
  ],
  seller: [
    "riskSignals", "statusReason", "registeredName", "contact", "paymentAccount", "statusChangedAt", "openedAt",
    "listingCount", "listingScoreSum", "brandCount", "createdAt",
  ],
} as const satisfies { listing: readonly (keyof Listing)[]; seller: readonly (keyof Seller)[] };

// Per request, bound to the viewer when made: a cache shared across viewers would hand one
// tenant's rows to another. Every batch goes through the row scope, so an id outside the scope
// loads as null, exactly like an id that does not exist.
// `present` turns a row into what leaves the data layer, where that is not the row itself.
function byId<T extends ObjectLiteral & { id: string }, V = T>(
  manager: EntityManager,
  viewer: Viewer,
  entity: EntityClass<T>,
  present: (row: T) => V = (row) => row as unknown as V,
  omit: readonly (keyof T & string)[] = [],
) {
  return new DataLoader<string, V | null>(async (ids) => {
    const rows = await readEntities(scopedQuery(manager, viewer, entity, "row").andWhere("row.id = ANY(:ids)", { ids }), omit);
    const byKey = new Map(rows.map((row) => [row.id, present(row)]));
    return ids.map((id) => byKey.get(id) ?? null);
  });
}

// Rows of `entity` whose `column` is one of the keys, through the row scope, grouped by key.
function manyBy<T extends ObjectLiteral>(
  manager: EntityManager,
  viewer: Viewer,
  entity: EntityClass<T>,
  column: string,
  keyOf: (row: T) => string,
  order: { column: string; direction: "ASC" | "DESC" }[],
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const query = scopedQuery(manager, viewer, entity, "row").andWhere(`row.${column} = ANY(:keys)`, { keys });
    for (const { column: orderColumn, direction } of order) query.addOrderBy(`row.${orderColumn}`, direction);
    const rows = await readEntities(query);
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export function createLoaders(manager: EntityManager, viewer: Viewer) {
  return {
    organization: byId(manager, viewer, Organization),
    user: byId(manager, viewer, User),
    apiKey: byId(manager, viewer, ApiKey),
    brand: byId(manager, viewer, Brand),
    product: byId(manager, viewer, Product),
    seller: byId(manager, viewer, Seller),
    sellerBrief: byId(manager, viewer, Seller, undefined, [...DETAIL_COLUMNS.seller]),
    listing: byId(manager, viewer, Listing),
    listingBrief: byId(manager, viewer, Listing, undefined, [...DETAIL_COLUMNS.listing]),
    infringement: byId(manager, viewer, SuspectedInfringement),
    infringementNote: byId(manager, viewer, InfringementNote),
    invitation: byId(manager, viewer, Invitation),
    auditEvent: byId(manager, viewer, AuditEvent),
    governanceRule: byId(manager, viewer, GovernanceRule),
    progressReport: byId(manager, viewer, ProgressReport),
    // Feedback leaves the data layer only as a projection (src/auth/feedback-projection.ts).
    policyFeedback: byId(manager, viewer, PolicyFeedback, (row): PolicyFeedbackView => projectFeedback(viewer, row)),
    versionsOfRule: manyBy(manager, viewer, GovernanceRule, "code", (row) => row.code, [{ column: "version", direction: "DESC" }]),
    // Whether the viewer's organization endorsed each feedback: its own endorsements only.
    endorsedByViewer: new DataLoader<string, boolean>(async (feedbackIds) => {
      const rows = await readEntities(
        scopedQuery(manager, viewer, PolicyFeedbackEndorsement, "e").andWhere("e.feedback_id = ANY(:feedbackIds) AND e.owner_org_id = :viewerOrgId", {
          feedbackIds,
          viewerOrgId: viewer.orgId,
        }),
      );
      const endorsed = new Set(rows.map((row) => row.feedbackId));
      return feedbackIds.map((id) => endorsed.has(id));
    }),
    // The viewer's organization's own figures of each report (never another member's).
    ownReportFigures: new DataLoader<string, ProgressReportMemberFigures | null>(async (reportIds) => {
      const rows = await readEntities(
        scopedQuery(manager, viewer, ProgressReportMemberFigures, "f").andWhere("f.report_id = ANY(:reportIds) AND f.owner_org_id = :viewerOrgId", {
          reportIds,
          viewerOrgId: viewer.orgId,
        }),
      );
      const byReport = new Map(rows.map((row) => [row.reportId, row]));
      return reportIds.map((id) => byReport.get(id) ?? null);
    }),
    takedownRequest: byId(manager, viewer, TakedownRequest),
    testBuy: byId(manager, viewer, TestBuy),
    referral: byId(manager, viewer, Referral),
    legalAction: byId(manager, viewer, LegalAction),
    testBuysOfInfringement: manyBy(manager, viewer, TestBuy, "infringement_id", (row) => row.infringementId, [
      { column: "ordered_at", direction: "ASC" },
      { column: "id", direction: "ASC" },
    ]),
    takedownRequestsOfInfringement: manyBy(manager, viewer, TakedownRequest, "infringement_id", (row) => row.infringementId, [
      { column: "requested_at", direction: "ASC" },
      { column: "id", direction: "ASC" },
    ]),
    // The cases of a referral the viewer may see: a brand only its own, through the scope.
    casesOfReferral: manyBy(manager, viewer, ReferralInfringement, "referral_id", (row) => row.referralId, [
      { column: "infringement_id", direction: "ASC" },
    ]),
    notesOfInfringement: manyBy(manager, viewer, InfringementNote, "infringement_id", (row) => row.infringementId, [
      { column: "created_at", direction: "ASC" },
      { column: "id", direction: "ASC" },
    ]),
    indicator: byId(manager, viewer, Indicator),
    // Counted through the indicator's row scope: whoever sees an indicator sees how often it was
    // sighted, by anyone.
    sightingCountOfIndicator: new DataLoader<string, number>(async (indicatorIds) => {
      const rows: { id: string; sightings: number }[] = await scopedQuery(manager, viewer, Indicator, "ind")
        .select("ind.id", "id")
        .addSelect("count(sighting.id)::int", "sightings")
        .leftJoin(IndicatorSighting, "sighting", "sighting.indicator_id = ind.id")
        .andWhere("ind.id = ANY(:indicatorIds)", { indicatorIds })
        .groupBy("ind.id")
        .getRawMany();
      const byId = new Map(rows.map((row) => [row.id, row.sightings]));
      return indicatorIds.map((id) => byId.get(id) ?? 0);
    }),
    // Who sighted: only the viewer's own organization's sightings, or all of them for the platform.
    sightingsOfIndicator: manyBy(manager, viewer, IndicatorSighting, "indicator_id", (row) => row.indicatorId, [
      { column: "seen_at", direction: "DESC" },
      { column: "id", direction: "DESC" },
    ]),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
