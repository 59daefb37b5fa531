import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Listing, Seller, SuspectedInfringement } from "../entities";
import { Marketplace, type InfringementStatus } from "../entities/enums";
import { DETAIL_COLUMNS } from "./loaders";
import { paginate, type Direction, type KeysetOrder, type PageRequest } from "./keyset-pagination";
import { whereOneOf } from "./one-of";
import { whereRiskAtLeast } from "./risk-score-filter";
import { whereWithin } from "./time-window";

export interface InfringementListFilter {
  brandIds?: string[];
  sellerIds?: string[];
  listingExternalIds?: string[];
  statuses?: InfringementStatus[];
  marketplaces?: Marketplace[];
  minRiskScore?: number;
  detectedFrom?: Date;
  detectedTo?: Date;
  updatedFrom?: Date;
  updatedTo?: Date;
}

export type InfringementSort = "DETECTED_AT" | "RISK_SCORE";

const ORDERS: Record<InfringementSort, Omit<KeysetOrder<SuspectedInfringement>, "direction">> = {
  DETECTED_AT: { name: "detectedAt", column: "detected_at", kind: "instant", valueOf: (row) => row.detectedAt.toISOString() },
  RISK_SCORE: { name: "riskScore", column: "risk_score", kind: "integer", valueOf: (row) => row.riskScore },
};

// Rows a page of infringements can read with it, in the same statement, for the loaders that will
// be asked for them: each infringement's listing, that listing's seller, the infringement's seller.
// Brief rows leave out the detail columns (loaders.ts).
export type PageRelation = "listing" | "listingSeller" | "seller";
export interface PageInclude {
  relation: PageRelation;
  brief: boolean;
}

const RELATIONS = {
  listing: { entity: Listing, idSql: "inf.listing_id", details: DETAIL_COLUMNS.listing },
  listingSeller: { entity: Seller, idSql: "SELECT l.seller_id FROM listing l WHERE l.id = inf.listing_id", details: DETAIL_COLUMNS.seller },
  seller: { entity: Seller, idSql: "inf.seller_id", details: DETAIL_COLUMNS.seller },
} as const;

// The page, and for each of `include` the rows it read (those out of the viewer's scope left out).
export function listInfringements(
  manager: EntityManager,
  viewer: Viewer,
  filter: InfringementListFilter,
  sort: { field: InfringementSort; direction: Direction },
  page: PageRequest,
  include: readonly PageInclude[] = [],
) {
  const query = scopedQuery(manager, viewer, SuspectedInfringement, "inf");
  // One value as `=` (one-of.ts), checked on the owner indexes' entries in a page's ordered scan
  // (twice the pages read with `= ANY` for a page of FLAGGED cases where one case in twenty is
  // still FLAGGED). Sellers are not in the owner indexes: their cases are found through (seller,
  // owner) either way.
  if (filter.brandIds) whereOneOf(query, "inf.brand_id", "brand_id", filter.brandIds);
  if (filter.sellerIds) whereOneOf(query, "inf.seller_id", "seller_id", filter.sellerIds);
  if (filter.statuses) whereOneOf(query, "inf.status", "status", filter.statuses);
  if (filter.marketplaces) whereOneOf(query, "inf.marketplace", "marketplace", filter.marketplaces);
  if (filter.listingExternalIds) {
    // The listings by their unique key (marketplace, external id), then their cases by listing.
    query.andWhere(
      "inf.listing_id = ANY(ARRAY(SELECT l.id FROM listing l WHERE l.marketplace = ANY(:listingMarketplaces) AND l.external_id = ANY(:listingExternalIds)))",
      { listingMarketplaces: filter.marketplaces ?? Object.values(Marketplace), listingExternalIds: filter.listingExternalIds },
    );
  }
  whereRiskAtLeast(query, "inf.risk_score", filter.minRiskScore);
  whereWithin(query, "inf.detected_at", { from: filter.detectedFrom, to: filter.detectedTo }, { from: "detectedFrom", to: "detectedTo" });
  whereWithin(query, "inf.updated_at", { from: filter.updatedFrom, to: filter.updatedTo }, { from: "updatedFrom", to: "updatedTo" });
  const order = { ...ORDERS[sort.field], direction: sort.direction };
  const reads = include.map(({ relation, brief }) => {
    const { entity, idSql, details } = RELATIONS[relation];
    return { entity, idSql, omit: brief ? details : [] };
  });
  return paginate(query, "inf", order, page, { viewer, reads });
}
