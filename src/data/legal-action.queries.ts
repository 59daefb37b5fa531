import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { LegalAction } from "../entities";
import type { LegalActionStatus } from "../entities/enums";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";
import { whereWithin } from "./time-window";

// The viewer's own lawsuits as plaintiff (every one, for the platform); most recently filed first, or oldest first.
export function listLegalActions(
  manager: EntityManager,
  viewer: Viewer,
  filter: { statuses?: LegalActionStatus[]; sellerIds?: string[]; filedFrom?: string; filedTo?: string },
  direction: Direction,
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, LegalAction, "la");
  if (filter.statuses) query.andWhere("la.status = ANY(:statuses)", { statuses: filter.statuses });
  if (filter.sellerIds) query.andWhere("la.seller_id = ANY(:sellerIds)", { sellerIds: filter.sellerIds });
  whereWithin(query, "la.filed_on", { from: filter.filedFrom, to: filter.filedTo }, { from: "filedFrom", to: "filedTo" });
  return paginate(query, "la", { name: "filedOn", column: "filed_on", kind: "date", direction, valueOf: (row) => row.filedOn }, page);
}
