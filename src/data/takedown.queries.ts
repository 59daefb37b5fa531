import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { TakedownRequest } from "../entities";
import { TakedownStatus, type Marketplace } from "../entities/enums";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";
import { whereWithin } from "./time-window";

export interface TakedownRequestListFilter {
  statuses?: TakedownStatus[];
  brandIds?: string[];
  marketplaces?: Marketplace[];
  sellerIds?: string[];
  requestedFrom?: Date;
  requestedTo?: Date;
}

function filtered(manager: EntityManager, viewer: Viewer, filter: TakedownRequestListFilter) {
  const query = scopedQuery(manager, viewer, TakedownRequest, "tr");
  if (filter.statuses) query.andWhere("tr.status = ANY(:statuses)", { statuses: filter.statuses });
  if (filter.brandIds) query.andWhere("tr.brand_id = ANY(:brandIds)", { brandIds: filter.brandIds });
  if (filter.marketplaces) query.andWhere("tr.marketplace = ANY(:marketplaces)", { marketplaces: filter.marketplaces });
  if (filter.sellerIds) query.andWhere("tr.seller_id = ANY(:sellerIds)", { sellerIds: filter.sellerIds });
  return whereWithin(query, "tr.requested_at", { from: filter.requestedFrom, to: filter.requestedTo }, { from: "requestedFrom", to: "requestedTo" });
}

// A brand's requests with their status and decisions; for the platform, with statuses [PENDING]
// and direction ASC, the queue of what to decide next, oldest first.
export function listTakedownRequests(
  manager: EntityManager,
  viewer: Viewer,
  filter: TakedownRequestListFilter,
  direction: Direction,
  page: PageRequest,
) {
  return paginate(
    filtered(manager, viewer, filter),
    "tr",
    { name: "requestedAt", column: "requested_at", kind: "instant", direction, valueOf: (row) => row.requestedAt.toISOString() },
    page,
  );
}

export async function takedownStats(manager: EntityManager, viewer: Viewer, filter: TakedownRequestListFilter) {
  const rows = await filtered(manager, viewer, filter)
    .select("tr.status", "status")
    .addSelect("count(*)::int", "n")
    .groupBy("tr.status")
    .getRawMany<{ status: TakedownStatus; n: number }>();
  const count = (status: TakedownStatus) => rows.find((row) => row.status === status)?.n ?? 0;
  const approved = count(TakedownStatus.APPROVED);
  const rejected = count(TakedownStatus.REJECTED);
  return {
    requested: rows.reduce((sum, row) => sum + row.n, 0),
    pending: count(TakedownStatus.PENDING),
    approved,
    rejected,
    superseded: count(TakedownStatus.SUPERSEDED),
    withdrawn: count(TakedownStatus.WITHDRAWN),
    // Superseded and withdrawn requests were never decided on their merits, so they do not count either way.
    acceptanceRate: approved + rejected ? approved / (approved + rejected) : null,
  };
}
