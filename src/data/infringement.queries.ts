import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { SuspectedInfringement } from "../entities";
import type { InfringementStatus, Marketplace } from "../entities/enums";
import { badInput } from "../errors";
import { paginate, type Direction, type KeysetOrder } from "./keyset-pagination";

export interface InfringementListFilter {
  brandIds?: string[];
  statuses?: InfringementStatus[];
  marketplaces?: Marketplace[];
  minRiskScore?: number;
  detectedFrom?: Date;
  detectedTo?: Date;
}

export type InfringementSort = "DETECTED_AT" | "RISK_SCORE";

const ORDERS: Record<InfringementSort, Omit<KeysetOrder<SuspectedInfringement>, "direction">> = {
  DETECTED_AT: { name: "detectedAt", column: "detected_at", valueOf: (row) => row.detectedAt.toISOString() },
  RISK_SCORE: { name: "riskScore", column: "risk_score", valueOf: (row) => row.riskScore },
};

export function listInfringements(
  manager: EntityManager,
  viewer: Viewer,
  filter: InfringementListFilter,
  sort: { field: InfringementSort; direction: Direction },
  page: { first: number; after?: string | null; maxPageSize: number },
) {
  const query = scopedQuery(manager, viewer, SuspectedInfringement, "inf");
  if (filter.brandIds) query.andWhere("inf.brand_id = ANY(:brandIds)", { brandIds: filter.brandIds });
  if (filter.statuses) query.andWhere("inf.status = ANY(:statuses)", { statuses: filter.statuses });
  if (filter.marketplaces) query.andWhere("inf.marketplace = ANY(:marketplaces)", { marketplaces: filter.marketplaces });
  if (filter.minRiskScore !== undefined) {
    if (filter.minRiskScore < 0 || filter.minRiskScore > 100) throw badInput("`minRiskScore` must be between 0 and 100");
    query.andWhere("inf.risk_score >= :minRiskScore", { minRiskScore: filter.minRiskScore });
  }
  if (filter.detectedFrom) query.andWhere("inf.detected_at >= :detectedFrom", { detectedFrom: filter.detectedFrom });
  if (filter.detectedTo) query.andWhere("inf.detected_at < :detectedTo", { detectedTo: filter.detectedTo });
  const order = { ...ORDERS[sort.field], direction: sort.direction };
  return paginate(query, "inf", order, page);
}
