import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import { storeScoreFieldFor } from "../auth/store-score";
import type { Viewer } from "../auth/viewer";
import { Seller } from "../entities";
import type { Marketplace, SellerStatus } from "../entities/enums";
import { paginate, type Direction, type KeysetOrder, type PageRequest } from "./keyset-pagination";
import { whereRiskAtLeast } from "./risk-score-filter";
import { badInput } from "../errors";

export interface SellerListFilter {
  statuses?: SellerStatus[];
  marketplaces?: Marketplace[];
  minRiskScore?: number;
  nameContains?: string;
  externalIds?: string[];
}

export type SellerSort = "RISK_SCORE" | "STRIKE_COUNT";

const MAX_NAME_SEARCH = 100;

// The risk score is the one the viewer reads (src/auth/store-score.ts).
function orderOf(sort: SellerSort, viewer: Viewer): Omit<KeysetOrder<Seller>, "direction"> {
  if (sort === "STRIKE_COUNT") return { name: "strikeCount", column: "strike_count", kind: "integer", valueOf: (row) => row.strikeCount };
  const { column, property } = storeScoreFieldFor(viewer);
  return { name: "riskScore", column, kind: "integer", valueOf: (row) => row[property] };
}

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
  whereRiskAtLeast(query, `s.${storeScoreFieldFor(viewer).column}`, filter.minRiskScore);
  if (filter.nameContains !== undefined) {
    const part = filter.nameContains.trim();
    if (!part || part.length > MAX_NAME_SEARCH) throw badInput(`\`nameContains\` must be 1 to ${MAX_NAME_SEARCH} characters`);
    // The name's own % and _ are letters here, not wildcards.
    query.andWhere(`s.public_name ILIKE '%' || :nameContains || '%' ESCAPE '\\'`, { nameContains: part.replace(/[\\%_]/g, "\\$&") });
  }
  if (filter.externalIds !== undefined) {
    // An empty list is refused with every filter's (schema/filter-lists.ts).
    if (filter.externalIds.length > page.maxPageSize) throw badInput(`Give 1 to ${page.maxPageSize} \`externalIds\``);
    query.andWhere("s.external_id = ANY(:externalIds)", { externalIds: [...filter.externalIds] });
  }
  return paginate(query, "s", { ...orderOf(sort.field, viewer), direction: sort.direction }, page);
}
