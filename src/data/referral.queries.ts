import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Referral } from "../entities";
import type { ReferralStatus } from "../entities/enums";
import { whereWithin } from "./time-window";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";

// The platform's referrals, an agency's (those sent to it), a brand's (those holding its cases);
// newest first, or (an agency's queue) oldest first.
export function listReferrals(
  manager: EntityManager,
  viewer: Viewer,
  filter: { statuses?: ReferralStatus[]; agencyIds?: string[]; createdFrom?: Date; createdTo?: Date },
  direction: Direction,
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, Referral, "ref");
  if (filter.statuses) query.andWhere("ref.status = ANY(:statuses)", { statuses: filter.statuses });
  if (filter.agencyIds) query.andWhere("ref.agency_org_id = ANY(:agencyIds)", { agencyIds: filter.agencyIds });
  whereWithin(query, "ref.created_at", { from: filter.createdFrom, to: filter.createdTo }, { from: "createdFrom", to: "createdTo" });
  return paginate(
    query,
    "ref",
    { name: "createdAt", column: "created_at", kind: "instant", direction, valueOf: (row) => row.createdAt.toISOString() },
    page,
  );
}
