import type { EntityManager } from "typeorm";
import { projectFeedback } from "../auth/feedback-projection";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { isCurrentRuleVersion } from "../domain/governance-rules";
import { GovernanceRule, PolicyFeedback } from "../entities";
import type { FeedbackKind, FeedbackStatus, FeedbackVisibility } from "../entities/enums";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";
import { readEntities, readEntity } from "./entity-rows";
import { whereWithin } from "./time-window";

// The current version of each rule (isCurrentRuleVersion), by code.
export const listCurrentRules = (manager: EntityManager, viewer: Viewer) =>
  readEntities(scopedQuery(manager, viewer, GovernanceRule, "rule").andWhere(isCurrentRuleVersion("rule")).orderBy("rule.code", "ASC"));

export const currentRule = (manager: EntityManager, viewer: Viewer, code: string) =>
  readEntity(scopedQuery(manager, viewer, GovernanceRule, "rule").andWhere("rule.code = :code", { code }).andWhere(isCurrentRuleVersion("rule")));

export interface FeedbackListFilter {
  ruleCode?: string;
  kinds?: FeedbackKind[];
  statuses?: FeedbackStatus[];
  visibility?: FeedbackVisibility;
  // Only the viewer's organization's own.
  ownOnly?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
}

// Newest first, or (the platform's queue to answer) oldest first; every row leaves through projectFeedback, which hides other members' authors.
export async function listPolicyFeedback(
  manager: EntityManager,
  viewer: Viewer,
  filter: FeedbackListFilter,
  direction: Direction,
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, PolicyFeedback, "fb");
  if (filter.ruleCode) {
    query.andWhere("fb.rule_id IN (SELECT r.id FROM governance_rule r WHERE r.code = :ruleCode)", { ruleCode: filter.ruleCode });
  }
  if (filter.kinds) query.andWhere("fb.kind = ANY(:kinds)", { kinds: filter.kinds });
  if (filter.statuses) query.andWhere("fb.status = ANY(:statuses)", { statuses: filter.statuses });
  if (filter.visibility) query.andWhere("fb.visibility = :visibility", { visibility: filter.visibility });
  if (filter.ownOnly) query.andWhere("fb.owner_org_id = :ownOrgId", { ownOrgId: viewer.orgId });
  whereWithin(query, "fb.created_at", { from: filter.createdFrom, to: filter.createdTo }, { from: "createdFrom", to: "createdTo" });
  const connection = await paginate(
    query,
    "fb",
    { name: "createdAt", column: "created_at", kind: "instant", direction, valueOf: (row) => row.createdAt.toISOString() },
    page,
  );
  return { ...connection, edges: connection.edges.map((edge) => ({ node: projectFeedback(viewer, edge.node), cursor: edge.cursor })) };
}
