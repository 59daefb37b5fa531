import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { TestBuy } from "../entities";
import type { TestBuyOutcome } from "../entities/enums";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";
import { whereWithin } from "./time-window";

// The test buys of the viewer's cases (row-scopes.ts: a brand's own, an agency's referred ones,
// every one for the platform), most recently ordered first, or (those longest awaiting an outcome) oldest first.
export function listTestBuys(
  manager: EntityManager,
  viewer: Viewer,
  filter: { outcomes?: TestBuyOutcome[]; brandIds?: string[]; orderedFrom?: Date; orderedTo?: Date },
  direction: Direction,
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, TestBuy, "tb");
  if (filter.outcomes) query.andWhere("tb.outcome = ANY(:outcomes)", { outcomes: filter.outcomes });
  // Only narrows the rows the scope lets through, so the cases it reads need no scope of their own.
  if (filter.brandIds) {
    query.andWhere("tb.infringement_id IN (SELECT si.id FROM suspected_infringement si WHERE si.brand_id = ANY(:brandIds))", { brandIds: filter.brandIds });
  }
  whereWithin(query, "tb.ordered_at", { from: filter.orderedFrom, to: filter.orderedTo }, { from: "orderedFrom", to: "orderedTo" });
  return paginate(query, "tb", { name: "orderedAt", column: "ordered_at", kind: "instant", direction, valueOf: (row) => row.orderedAt.toISOString() }, page);
}
