import DataLoader from "dataloader";
import type { EntityManager, ObjectLiteral } from "typeorm";
import { ownRows } from "../auth/ownership";
import { scopedQuery } from "../auth/scoped-query";
import { sellerIdentities } from "../auth/row-scopes";
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
import { readEntities, readEntitiesPerGroup } from "./entity-rows";
import { RowLoader } from "./row-loader";

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
    "fingerprint", "fiveStarFirstWeek", "newAccountReviewShare", "duplicateReviewShare", "listedAt", "brandFreeScore",
  ],
  seller: [
    "riskSignals", "statusReason", "registeredName", "contact", "paymentAccount", "statusChangedAt", "openedAt",
    "listingCount", "listingScoreSum", "brandFreeScoreSum", "brandCount", "createdAt",
  ],
} as const satisfies { listing: readonly (keyof Listing)[]; seller: readonly (keyof Seller)[] };

// A loader is per request, bound to the viewer when made: a cache shared across viewers would hand
// one tenant's rows to another. Each factory below makes one for a request's manager and viewer
// (and MAX_PAGE_SIZE, for the lists that read at most that many rows of a record).
type LoaderFactory = (manager: EntityManager, viewer: Viewer, maxPageSize: number) => DataLoader<string, unknown>;

// Every batch goes through the row scope, so an id outside the scope loads as null, exactly like an
// id that does not exist. `present` turns a row into what leaves the data layer, where that is not
// the row itself.
function byId<T extends ObjectLiteral & { id: string }, V = T>(
  entity: EntityClass<T>,
  present: (viewer: Viewer, row: T) => V = (_viewer, row) => row as unknown as V,
  omit: readonly (keyof T & string)[] = [],
) {
  return (manager: EntityManager, viewer: Viewer) =>
    new RowLoader<V>(async (ids) => {
      const rows = await readEntities(scopedQuery(manager, viewer, entity, "row").andWhere("row.id = ANY(:ids)", { ids }), omit);
      const byKey = new Map(rows.map((row) => [row.id, present(viewer, row)]));
      return ids.map((id) => byKey.get(id) ?? null);
    });
}

// Rows of `entity` whose `column` is one of the keys, through the row scope, grouped by key, each
// group in `order`. A list that can grow without bound (an indicator's sightings, a case's notes)
// is `capped`: each key gets only its first MAX_PAGE_SIZE rows in that order, the most any request
// may ask of it, so that a batch of 100 records reads at most 100 rows each, in one statement.
function manyBy<T extends ObjectLiteral>(
  entity: EntityClass<T>,
  column: string,
  keyOf: (row: T) => string,
  order: { column: string; direction: "ASC" | "DESC" }[],
  { capped }: { capped: boolean } = { capped: false },
) {
  return (manager: EntityManager, viewer: Viewer, maxPageSize: number) =>
    new DataLoader<string, T[]>(async (keys) => {
      const query = scopedQuery(manager, viewer, entity, "row").andWhere(`row.${column} = ANY(:keys)`, { keys });
      let rows: T[];
      if (capped) {
        const sql = order.map(({ column: orderColumn, direction }) => `row.${orderColumn} ${direction}`).join(", ");
        rows = await readEntitiesPerGroup(query, { partitionBy: `row.${column}`, order: sql, limit: maxPageSize });
      } else {
        for (const { column: orderColumn, direction } of order) query.addOrderBy(`row.${orderColumn}`, direction);
        rows = await readEntities(query);
      }
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(keyOf(row))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    });
}

const LOADERS = {
  organization: byId(Organization),
  user: byId(User),
  apiKey: byId(ApiKey),
  brand: byId(Brand),
  product: byId(Product),
  seller: byId(Seller),
  sellerBrief: byId(Seller, undefined, [...DETAIL_COLUMNS.seller]),
  listing: byId(Listing),
  listingBrief: byId(Listing, undefined, [...DETAIL_COLUMNS.listing]),
  infringement: byId(SuspectedInfringement),
  // The highest score among each listing's cases that the viewer may see (src/auth/listing-score.ts).
  highestCaseScoreOfListing: (manager: EntityManager, viewer: Viewer) =>
    new DataLoader<string, number | null>(async (listingIds) => {
      const rows: { listingId: string; score: number }[] = await scopedQuery(manager, viewer, SuspectedInfringement, "si")
        .select("si.listing_id", "listingId")
        .addSelect("max(si.risk_score)::int", "score")
        .andWhere("si.listing_id = ANY(:listingIds)", { listingIds })
        .groupBy("si.listing_id")
        .getRawMany();
      const byListing = new Map(rows.map((row) => [row.listingId, row.score]));
      return listingIds.map((id) => byListing.get(id) ?? null);
    }),
  // Which of the stores the viewer reaches it reads the identity of (src/auth/seller-identity.ts).
  sellerIdentityReadable: (manager: EntityManager, viewer: Viewer) =>
    new DataLoader<string, boolean>(async (sellerIds) => {
      const identities = sellerIdentities(viewer, "s");
      const rows: { id: string }[] = await scopedQuery(manager, viewer, Seller, "s")
        .select("s.id", "id")
        .andWhere("s.id = ANY(:sellerIds)", { sellerIds })
        .andWhere(`(${identities.sql})`, identities.params)
        .getRawMany();
      const readable = new Set(rows.map((row) => row.id));
      return sellerIds.map((id) => readable.has(id));
    }),
  infringementNote: byId(InfringementNote),
  invitation: byId(Invitation),
  auditEvent: byId(AuditEvent),
  governanceRule: byId(GovernanceRule),
  progressReport: byId(ProgressReport),
  // Feedback leaves the data layer only as a projection (src/auth/feedback-projection.ts).
  policyFeedback: byId(PolicyFeedback, (viewer, row): PolicyFeedbackView => projectFeedback(viewer, row)),
  versionsOfRule: manyBy(GovernanceRule, "code", (row) => row.code, [{ column: "version", direction: "DESC" }]),
  // Whether the viewer's organization endorsed each feedback: its own endorsements only.
  endorsedByViewer: (manager: EntityManager, viewer: Viewer) =>
    new DataLoader<string, boolean>(async (feedbackIds) => {
      const rows = await readEntities(
        ownRows(manager, viewer, PolicyFeedbackEndorsement, "e").andWhere("e.feedback_id = ANY(:feedbackIds)", { feedbackIds }),
      );
      const endorsed = new Set(rows.map((row) => row.feedbackId));
      return feedbackIds.map((id) => endorsed.has(id));
    }),
  // The viewer's organization's own figures of each report (never another member's).
  ownReportFigures: (manager: EntityManager, viewer: Viewer) =>
    new DataLoader<string, ProgressReportMemberFigures | null>(async (reportIds) => {
      const rows = await readEntities(
        ownRows(manager, viewer, ProgressReportMemberFigures, "f").andWhere("f.report_id = ANY(:reportIds)", { reportIds }),
      );
      const byReport = new Map(rows.map((row) => [row.reportId, row]));
      return reportIds.map((id) => byReport.get(id) ?? null);
    }),
  takedownRequest: byId(TakedownRequest),
  testBuy: byId(TestBuy),
  referral: byId(Referral),
  legalAction: byId(LegalAction),
  testBuysOfInfringement: manyBy(TestBuy, "infringement_id", (row) => row.infringementId, [
    { column: "ordered_at", direction: "ASC" },
    { column: "id", direction: "ASC" },
  ]),
  takedownRequestsOfInfringement: manyBy(TakedownRequest, "infringement_id", (row) => row.infringementId, [
    { column: "requested_at", direction: "ASC" },
    { column: "id", direction: "ASC" },
  ]),
  // The cases of a referral the viewer may see: a brand only its own, through the scope.
  casesOfReferral: manyBy(ReferralInfringement, "referral_id", (row) => row.referralId, [
    { column: "infringement_id", direction: "ASC" },
  ]),
  // The latest notes of each case, newest first (Infringement.notes shows them oldest first).
  notesOfInfringement: manyBy(
    InfringementNote,
    "infringement_id",
    (row) => row.infringementId,
    [
      { column: "created_at", direction: "DESC" },
      { column: "id", direction: "DESC" },
    ],
    { capped: true },
  ),
  // Counted through the notes' own row scope, so that it counts exactly the notes the viewer reads.
  noteCountOfInfringement: (manager: EntityManager, viewer: Viewer) =>
    new DataLoader<string, number>(async (infringementIds) => {
      const rows: { id: string; notes: number }[] = await scopedQuery(manager, viewer, InfringementNote, "note")
        .select("note.infringement_id", "id")
        .addSelect("count(*)::int", "notes")
        .andWhere("note.infringement_id = ANY(:infringementIds)", { infringementIds })
        .groupBy("note.infringement_id")
        .getRawMany();
      const byId = new Map(rows.map((row) => [row.id, row.notes]));
      return infringementIds.map((id) => byId.get(id) ?? 0);
    }),
  indicator: byId(Indicator),
  // Counted through the indicator's row scope: whoever sees an indicator sees how often it was
  // sighted, by anyone.
  sightingCountOfIndicator: (manager: EntityManager, viewer: Viewer) =>
    new DataLoader<string, number>(async (indicatorIds) => {
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
  // Who sighted: only the viewer's own organization's sightings, or all of them for the platform;
  // the latest of each indicator, newest first.
  sightingsOfIndicator: manyBy(
    IndicatorSighting,
    "indicator_id",
    (row) => row.indicatorId,
    [
      { column: "seen_at", direction: "DESC" },
      { column: "id", direction: "DESC" },
    ],
    { capped: true },
  ),
};

export type Loaders = { readonly [Name in keyof typeof LOADERS]: ReturnType<(typeof LOADERS)[Name]> };

// A request's loaders, each made on first use: a request needs a few of them (a blind match none),
// and making all of them up front was about an eighth of what a small request allocated. The
// getters live on the prototype, so a request allocates only this object and the loaders it uses.
class RequestLoaders {
  readonly made: (DataLoader<string, unknown> | undefined)[] = [];
  constructor(
    readonly manager: EntityManager,
    readonly viewer: Viewer,
    readonly maxPageSize: number,
  ) {}
}
(Object.entries(LOADERS) as [string, LoaderFactory][]).forEach(([name, make], index) => {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      return (this.made[index] ??= make(this.manager, this.viewer, this.maxPageSize));
    },
  });
});

export const createLoaders = (manager: EntityManager, viewer: Viewer, maxPageSize: number): Loaders =>
  new RequestLoaders(manager, viewer, maxPageSize) as unknown as Loaders;
