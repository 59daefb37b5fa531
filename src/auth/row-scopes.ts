import type { ObjectLiteral } from "typeorm";
import {
  ApiKey,
  AuditEvent,
  Brand,
  Indicator,
  IndicatorSighting,
  InfringementNote,
  Listing,
  Organization,
  Product,
  Seller,
  SuspectedInfringement,
  User,
} from "../entities";
import { OrgKind } from "../entities/enums";
import { indicatorRows } from "./intel-visibility";
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
  // Shared intelligence: see intel-visibility.ts. MATCH_ONLY and PRIVATE rows of others exist for a
  // member only through blind matching, never as rows.
  [Indicator, indicatorRows],
  // Who sighted an indicator: the sighting organization and the platform only.
  [IndicatorSighting, platformOrOwnBrandRows],
  [AuditEvent, (viewer, alias) => (viewer.orgKind === OrgKind.PLATFORM ? ALL : ownOrganization(viewer, alias))],
]);
