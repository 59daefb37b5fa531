import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { TestBuy } from "../entities";
import type { Marketplace, TestBuyOutcome } from "../entities/enums";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";
import { whereWithin } from "./time-window";

export interface TestBuyListFilter {
  outcomes?: TestBuyOutcome[];
  brandIds?: string[];
  sellerIds?: string[];
  marketplaces?: Marketplace[];
  orderedFrom?: Date;
  orderedTo?: Date;
}

// The test buys of the viewer's cases (row-scopes.ts: a brand's own, an agency's referred ones,
// every one for the platform), most recently ordered first, or (those longest awaiting an outcome) oldest first.
export function listTestBuys(
  manager: EntityManager,
  viewer: Viewer,
  filter: TestBuyListFilter,
  direction: Direction,
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, TestBuy, "tb");
  if (filter.outcomes) query.andWhere("tb.outcome = ANY(:outcomes)", { outcomes: filter.outcomes });
  // Conditions on the case bought against. They only narrow the rows the scope lets through, so the
  // cases they read need no scope of their own.
  const onCase = [
    filter.brandIds && "si.brand_id = ANY(:brandIds)",
    filter.sellerIds && "si.seller_id = ANY(:sellerIds)",
    filter.marketplaces && "si.marketplace = ANY(:marketplaces)",
  ].filter(Boolean);
  if (onCase.length) {
    query.andWhere(`tb.infringement_id IN (SELECT si.id FROM suspected_infringement si WHERE ${onCase.join(" AND ")})`, {
      brandIds: filter.brandIds,
      sellerIds: filter.sellerIds,
      marketplaces: filter.marketplaces,
    });
  }
  whereWithin(query, "tb.ordered_at", { from: filter.orderedFrom, to: filter.orderedTo }, { from: "orderedFrom", to: "orderedTo" });
  return paginate(query, "tb", { name: "orderedAt", column: "ordered_at", kind: "instant", direction, valueOf: (row) => row.orderedAt.toISOString() }, page);
}
