import type { ObjectLiteral } from "typeorm";
import {
  ApiKey,
  AuditEvent,
  Brand,
  GovernanceRule,
  Indicator,
  IndicatorSighting,
  InfringementNote,
  Invitation,
  LegalAction,
  Listing,
  Organization,
  PolicyFeedback,
  PolicyFeedbackEndorsement,
  Product,
  ProgressReport,
  ProgressReportMemberFigures,
  Referral,
  ReferralInfringement,
  Seller,
  SuspectedInfringement,
  TakedownRequest,
  TestBuy,
  User,
} from "../entities";
import {
  FeedbackVisibility,
  OrgKind,
  ReferralStatus,
  ReportStatus,
} from "../entities/enums";
import { indicatorRows } from "./intel-visibility";
import { ALL, NONE, type ScopeCondition } from "./scope-condition";
import type { Viewer } from "./viewer";

// Which rows a viewer may see, one function per entity, and nowhere else (the indicators' rule,
// long enough to have a file of its own, is in intel-visibility.ts). Each turns a viewer into
// an SQL condition on the row alias; scopedQuery() (scoped-query.ts) puts it on every read.
export type RowScope = (viewer: Viewer, alias: string) => ScopeCondition;

// Rows carrying the viewer's organization in owner_org_id.
const ownOrganization = (viewer: Viewer, alias: string): ScopeCondition => ({
  sql: `${alias}.owner_org_id = :scopeOrgId`,
  params: { scopeOrgId: viewer.orgId },
});

// What an agency reaches: only rows tied to an infringement in a referral sent to it. One indexed
// EXISTS on referral_infringement, which carries the agency and the infringement's listing and seller.
type ReferredColumn = "infringement_id" | "listing_id" | "seller_id" | "brand_id";
const referredToAgency = (viewer: Viewer, column: ReferredColumn, rowColumn: string): ScopeCondition => ({
  sql: `EXISTS (SELECT 1 FROM referral_infringement scope_ri
                 WHERE scope_ri.${column} = ${rowColumn} AND scope_ri.agency_org_id = :scopeOrgId)`,
  params: { scopeOrgId: viewer.orgId },
});

// The platform sees every row; a brand only its own; an agency none.
const platformOrOwnBrandRows: RowScope = (viewer, alias) => {
  switch (viewer.orgKind) {
    case OrgKind.PLATFORM:
      return ALL;
    case OrgKind.BRAND:
      return ownOrganization(viewer, alias);
    case OrgKind.AGENCY:
      return NONE;
  }
};

// A brand's cases: the platform all, a brand its own, an agency those referred to it.
const cases: RowScope = (viewer, alias) =>
  viewer.orgKind === OrgKind.AGENCY ? referredToAgency(viewer, "infringement_id", `${alias}.id`) : platformOrOwnBrandRows(viewer, alias);

// A case's test buys: as its case, except that an agency reads only those recorded, and completed
// if they are, while the case was in an open referral to it. Once its referral is CLOSED, the
// brand's later evidence on the case (a test buy, or the outcome, findings and evidence of one) is
// no part of what was referred.
const testBuys: RowScope = (viewer, alias) =>
  viewer.orgKind === OrgKind.AGENCY
    ? {
        sql: `EXISTS (SELECT 1 FROM referral_infringement scope_ri
                       WHERE scope_ri.infringement_id = ${alias}.infringement_id AND scope_ri.agency_org_id = :scopeOrgId
                         AND (scope_ri.closed_at IS NULL
                              OR (${alias}.created_at <= scope_ri.closed_at
                                  AND (${alias}.outcome_recorded_at IS NULL OR ${alias}.outcome_recorded_at <= scope_ri.closed_at))))`,
        params: { scopeOrgId: viewer.orgId },
      }
    : platformOrOwnBrandRows(viewer, alias);

// Listings and sellers are platform data; a brand reaches one only through its own infringements,
// an agency only through the referrals sent to it.
const listings: RowScope = (viewer, alias) => {
  switch (viewer.orgKind) {
    case OrgKind.PLATFORM:
      return ALL;
    case OrgKind.BRAND:
      return {
        sql: `EXISTS (SELECT 1 FROM suspected_infringement scope_si WHERE scope_si.listing_id = ${alias}.id AND scope_si.owner_org_id = :scopeOrgId)`,
        params: { scopeOrgId: viewer.orgId },
      };
    case OrgKind.AGENCY:
      return referredToAgency(viewer, "listing_id", `${alias}.id`);
  }
};

// A listing that a scan finds under another store takes its cases along. The store a referral or a
// lawsuit named stays readable to those it concerns, who would otherwise hold a referral or a suit
// against a store they cannot read; and the store now selling a referred fake is the agency's too.
const sellers: RowScope = (viewer, alias) => {
  switch (viewer.orgKind) {
    case OrgKind.PLATFORM:
      return ALL;
    case OrgKind.BRAND:
      // A store of its own cases, or one its referred cases or its lawsuits named. One EXISTS over
      // the three, which PostgreSQL plans as one semi-join (a page's stores by id: an index probe
      // each), where three ORed EXISTS made the stores list scan every store.
      return {
        sql: `EXISTS (SELECT 1 FROM (SELECT seller_id, owner_org_id FROM suspected_infringement
                                     UNION ALL SELECT seller_id, owner_org_id FROM referral_infringement
                                     UNION ALL SELECT seller_id, owner_org_id FROM legal_action) scope_named
                       WHERE scope_named.seller_id = ${alias}.id AND scope_named.owner_org_id = :scopeOrgId)`,
        params: { scopeOrgId: viewer.orgId },
      };
    case OrgKind.AGENCY:
      // One a referral sent to it named, or the store now selling the listing of a case referred to it.
      return storesOfAgency(viewer, alias, "any referral");
  }
};

// One EXISTS over both ways in, as the brand's stores are: two ORed EXISTS made the stores list
// scan every store, where this one reads the agency's few first.
const storesOfAgency = (viewer: Viewer, alias: string, movedInto: "any referral" | "open referral"): ScopeCondition => ({
  sql: `EXISTS (SELECT 1 FROM (SELECT scope_ri.seller_id FROM referral_infringement scope_ri WHERE scope_ri.agency_org_id = :scopeOrgId
                               UNION ALL
                               SELECT scope_moved.seller_id FROM referral_infringement scope_moved_ri
                                 JOIN suspected_infringement scope_moved ON scope_moved.id = scope_moved_ri.infringement_id
                                WHERE scope_moved_ri.agency_org_id = :scopeOrgId
                                  ${movedInto === "open referral" ? "AND scope_moved_ri.closed_at IS NULL" : ""}) scope_agency
                 WHERE scope_agency.seller_id = ${alias}.id)`,
  params: { scopeOrgId: viewer.orgId },
});

// Whose identity (registered name, contact, payment account) a viewer reads, among the stores it
// reaches: the platform every store's, a brand none. An agency reads the identity of the stores its
// referrals named, and of the store now selling a referred listing while that referral is open. Once
// it is CLOSED, a store the listing was found under was no part of what was referred, as later test
// buys are not (testBuys above): its public fields stay readable, being the listing's seller, and its
// identity reads as unknown (seller-identity.ts).
export const sellerIdentities: RowScope = (viewer, alias) => {
  switch (viewer.orgKind) {
    case OrgKind.PLATFORM:
      return ALL;
    case OrgKind.BRAND:
      return NONE;
    case OrgKind.AGENCY:
      return storesOfAgency(viewer, alias, "open referral");
  }
};

const platformOrOwnOrganization: RowScope = (viewer, alias) =>
  viewer.orgKind === OrgKind.PLATFORM ? ALL : ownOrganization(viewer, alias);

// Governance is the platform's and its members'; agencies take no part in it.
const platformAndMembers: RowScope = (viewer) => (viewer.orgKind === OrgKind.AGENCY ? NONE : ALL);

// A member reads its own feedback (any visibility) and every member's ALLIANCE-visible feedback;
// which of those rows may show their author is decided by feedback-projection.ts.
const ownOrAllianceFeedback: RowScope = (viewer, alias) => {
  switch (viewer.orgKind) {
    case OrgKind.PLATFORM:
      return ALL;
    case OrgKind.BRAND:
      return {
        sql: `(${alias}.owner_org_id = :scopeOrgId OR ${alias}.visibility = :scopeAllianceVisibility)`,
        params: { scopeOrgId: viewer.orgId, scopeAllianceVisibility: FeedbackVisibility.ALLIANCE },
      };
    case OrgKind.AGENCY:
      return NONE;
  }
};

// Drafts are the platform's; everyone reads published reports.
const publishedReports: RowScope = (viewer, alias) =>
  viewer.orgKind === OrgKind.PLATFORM
    ? ALL
    : { sql: `${alias}.status = :scopePublishedStatus`, params: { scopePublishedStatus: ReportStatus.PUBLISHED } };
// A brand is the catalogue's owner; an agency sees the brands whose cases were referred to it (the
// name of the infringed mark is part of the case).
const brands: RowScope = (viewer, alias) =>
  viewer.orgKind === OrgKind.AGENCY ? referredToAgency(viewer, "brand_id", `${alias}.id`) : platformOrOwnBrandRows(viewer, alias);

// A referral: the platform all, an agency those sent to it, a brand those holding one of its cases
// (a withdrawn referral holds none: its cases leave it).
// Which cases a brand then sees in it is the infringement scope's business (its own only).
const referrals: RowScope = (viewer, alias) => {
  switch (viewer.orgKind) {
    case OrgKind.PLATFORM:
      return ALL;
    case OrgKind.AGENCY:
      // A referral the platform withdrew (sent in error) is as if never sent.
      return {
        sql: `(${alias}.agency_org_id = :scopeOrgId AND ${alias}.status <> :scopeWithdrawnReferral)`,
        params: { scopeOrgId: viewer.orgId, scopeWithdrawnReferral: ReferralStatus.WITHDRAWN },
      };
    case OrgKind.BRAND:
      return {
        sql: `EXISTS (SELECT 1 FROM referral_infringement scope_ri
                       WHERE scope_ri.referral_id = ${alias}.id AND scope_ri.owner_org_id = :scopeOrgId)`,
        params: { scopeOrgId: viewer.orgId },
      };
  }
};

// The membership rows themselves: the agency its referrals', a brand its own cases'.
const referralMemberships: RowScope = (viewer, alias) => {
  switch (viewer.orgKind) {
    case OrgKind.PLATFORM:
      return ALL;
    case OrgKind.AGENCY:
      return { sql: `${alias}.agency_org_id = :scopeOrgId`, params: { scopeOrgId: viewer.orgId } };
    case OrgKind.BRAND:
      return ownOrganization(viewer, alias);
  }
};

export const rowScopes = new Map<abstract new () => ObjectLiteral, RowScope>([
  // Name, kind, status and joined date of every organization are public to all members.
  [Organization, () => ALL],
  // An organization's own; every organization's for the platform, which reads who wrote a feedback
  // or a note and who acted in an audit event. Admins administer their own only (administeredUsers).
  [User, platformOrOwnOrganization],
  // An organization's own; every organization's for the platform, which revokes a member's leaked key.
  [ApiKey, platformOrOwnOrganization],
  [Brand, brands],
  [Product, platformOrOwnBrandRows],
  [SuspectedInfringement, cases],
  // Notes are the brand's working papers (and name its people); a referral does not include them.
  [InfringementNote, platformOrOwnBrandRows],
  [TestBuy, testBuys],
  // A brand's requests and the platform's decisions; nothing an agency needs.
  [TakedownRequest, platformOrOwnBrandRows],
  [Listing, listings],
  [Seller, sellers],
  [Referral, referrals],
  [ReferralInfringement, referralMemberships],
  // The plaintiff's (a brand or the platform).
  [LegalAction, platformOrOwnBrandRows],
  // Shared intelligence: see intel-visibility.ts. MATCH_ONLY and PRIVATE rows of others exist for a
  // member only through blind matching, never as rows.
  [Indicator, indicatorRows],
  // Who sighted an indicator: the sighting organization and the platform only.
  [IndicatorSighting, platformOrOwnBrandRows],
  [AuditEvent, platformOrOwnOrganization],
  // The inviting organization's: a member invitation's admin email is the platform's only.
  [Invitation, ownOrganization],
  [GovernanceRule, platformAndMembers],
  [PolicyFeedback, ownOrAllianceFeedback],
  // Who endorsed is known to the endorsing organization alone, the platform included.
  [PolicyFeedbackEndorsement, ownOrganization],
  [ProgressReport, publishedReports],
  // A member's own unsuppressed figures: that member's (and the platform's, which builds them).
  [ProgressReportMemberFigures, platformOrOwnOrganization],
]);
