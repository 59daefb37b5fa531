import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { ApiKey } from "../entities";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";

export interface ApiKeyListFilter {
  organizationIds?: string[];
  createdByUserIds?: string[];
  includeRevoked: boolean;
}

// Newest first, or oldest first. The row scope gives the platform every organization's keys and an
// admin its own organization's, so another organization's id only narrows to nothing.
export function listApiKeys(manager: EntityManager, viewer: Viewer, filter: ApiKeyListFilter, direction: Direction, page: PageRequest) {
  const query = scopedQuery(manager, viewer, ApiKey, "key");
  if (filter.organizationIds) query.andWhere("key.owner_org_id = ANY(:organizationIds)", { organizationIds: filter.organizationIds });
  if (filter.createdByUserIds) query.andWhere("key.created_by_user_id = ANY(:createdByUserIds)", { createdByUserIds: filter.createdByUserIds });
  if (!filter.includeRevoked) query.andWhere("key.revoked_at IS NULL");
  return paginate(
    query,
    "key",
    { name: "createdAt", column: "created_at", kind: "instant", direction, valueOf: (row) => row.createdAt.toISOString() },
    page,
  );
}
