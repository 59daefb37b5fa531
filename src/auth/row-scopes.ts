import type { ObjectLiteral } from "typeorm";
import {
  ApiKey,
  AuditEvent,
  Brand,
  GovernanceRule,
  InfringementNote,
  Invitation,
  Listing,
  Organization,
  PolicyFeedback,
  PolicyFeedbackEndorsement,
  Product,
  ProgressReport,
  ProgressReportMemberFigures,
  Seller,
  SuspectedInfringement,
  User,
} from "../entities";
import { FeedbackVisibility, OrgKind, ReportStatus } from "../entities/enums";
import type { Viewer } from "./viewer";

// Which rows a viewer may see, one function per entity, and nowhere else. Each turns a viewer into
// an SQL condition on the row alias; scopedQuery() (scoped-query.ts) puts it on every read.
export type ScopeCondition = { sql: string; params: Record<string, unknown> };
export type RowScope = (viewer: Viewer, alias: string) => ScopeCondition;

const ALL: ScopeCondition = { sql: "TRUE", params: {} };
const NONE: ScopeCondition = { sql: "FALSE", params: {} };

// Rows carrying the viewer's organization in owner_org_id.
const ownOrganization = (viewer: Viewer, alias: string): ScopeCondition => ({
  sql: `${alias}.owner_org_id = :scopeOrgId`,
  params: { scopeOrgId: viewer.orgId },
});

// The platform sees every row; a brand only its own; an agency none (referrals will widen it).
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

// Listings and sellers are platform data; a brand reaches one only through its own infringements.
const throughOwnInfringements =
  (column: "listing_id" | "seller_id"): RowScope =>
  (viewer, alias) => {
    switch (viewer.orgKind) {
      case OrgKind.PLATFORM:
        return ALL;
      case OrgKind.BRAND:
        return {
          sql: `EXISTS (SELECT 1 FROM suspected_infringement scope_si
                         WHERE scope_si.${column} = ${alias}.id AND scope_si.owner_org_id = :scopeOrgId)`,
          params: { scopeOrgId: viewer.orgId },
        };
      case OrgKind.AGENCY:
        return NONE;
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

export const rowScopes = new Map<abstract new () => ObjectLiteral, RowScope>([
  // Name, kind, status and joined date of every organization are public to all members.
  [Organization, () => ALL],
  [User, ownOrganization],
  [ApiKey, ownOrganization],
  [Brand, platformOrOwnBrandRows],
  [Product, platformOrOwnBrandRows],
  [SuspectedInfringement, platformOrOwnBrandRows],
  [InfringementNote, platformOrOwnBrandRows],
  [Listing, throughOwnInfringements("listing_id")],
  [Seller, throughOwnInfringements("seller_id")],
  [AuditEvent, (viewer, alias) => (viewer.orgKind === OrgKind.PLATFORM ? ALL : ownOrganization(viewer, alias))],
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
