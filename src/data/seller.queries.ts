import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Seller } from "../entities";
import type { Marketplace, SellerStatus } from "../entities/enums";
import { paginate, type Direction, type KeysetOrder, type PageRequest } from "./keyset-pagination";
import { whereRiskAtLeast } from "./risk-score-filter";

export interface SellerListFilter {
  statuses?: SellerStatus[];
  marketplaces?: Marketplace[];
  minRiskScore?: number;
}

export type SellerSort = "RISK_SCORE" | "STRIKE_COUNT";

const ORDERS: Record<SellerSort, Omit<KeysetOrder<Seller>, "direction">> = {
  RISK_SCORE: { name: "riskScore", column: "risk_score", kind: "integer", valueOf: (row) => row.riskScore },
  STRIKE_COUNT: { name: "strikeCount", column: "strike_count", kind: "integer", valueOf: (row) => row.strikeCount },
};

// The stores the viewer reaches (row-scopes.ts: a brand's through its own cases, an agency's
// through its referrals, every one for the platform), riskiest first by default.
export function listSellers(
  manager: EntityManager,
  viewer: Viewer,
  filter: SellerListFilter,
  sort: { field: SellerSort; direction: Direction },
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, Seller, "s");
  if (filter.statuses) query.andWhere("s.status = ANY(:statuses)", { statuses: filter.statuses });
  if (filter.marketplaces) query.andWhere("s.marketplace = ANY(:marketplaces)", { marketplaces: filter.marketplaces });
  whereRiskAtLeast(query, "s.risk_score", filter.minRiskScore);
  return paginate(query, "s", { ...ORDERS[sort.field], direction: sort.direction }, page);
}
