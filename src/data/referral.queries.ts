import type { EntityManager } from "typeorm";
import { scopeOf, scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Referral, ReferralInfringement } from "../entities";
import type { ReferralStatus } from "../entities/enums";
import { whereWithin } from "./time-window";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";

// The platform's referrals, an agency's (those sent to it), a brand's (those holding its cases);
// newest first, or (an agency's queue) oldest first.
export function listReferrals(
  manager: EntityManager,
  viewer: Viewer,
  filter: { statuses?: ReferralStatus[]; agencyIds?: string[]; brandIds?: string[]; sellerIds?: string[]; createdFrom?: Date; createdTo?: Date },
  direction: Direction,
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, Referral, "ref");
  if (filter.statuses) query.andWhere("ref.status = ANY(:statuses)", { statuses: filter.statuses });
  if (filter.agencyIds) query.andWhere("ref.agency_org_id = ANY(:agencyIds)", { agencyIds: filter.agencyIds });
  // A case of the referral the viewer sees (a brand its own only, through the membership scope) of
  // these brands and against these stores (those the referral named): over all of its cases, the
  // filter would tell a member which other brands share its referrals, and against whom.
  const onCase = [filter.brandIds && "filter_ri.brand_id = ANY(:brandIds)", filter.sellerIds && "filter_ri.seller_id = ANY(:sellerIds)"].filter(Boolean);
  if (onCase.length) {
    const caseShown = scopeOf(viewer, ReferralInfringement, "filter_ri");
    query.andWhere(
      `EXISTS (SELECT 1 FROM referral_infringement filter_ri
                WHERE filter_ri.referral_id = ref.id AND ${onCase.join(" AND ")} AND ${caseShown.sql})`,
      { brandIds: filter.brandIds, sellerIds: filter.sellerIds, ...caseShown.params },
    );
  }
  whereWithin(query, "ref.created_at", { from: filter.createdFrom, to: filter.createdTo }, { from: "createdFrom", to: "createdTo" });
  return paginate(
    query,
    "ref",
    { name: "createdAt", column: "created_at", kind: "instant", direction, valueOf: (row) => row.createdAt.toISOString() },
    page,
  );
}
