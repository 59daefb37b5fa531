import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { AuditEvent } from "../entities";
import { paginate, type Direction, type PageRequest } from "./keyset-pagination";
import { whereWithin } from "./time-window";

export interface AuditEventFilter {
  actor?: { kind: "USER" | "API_KEY"; id: string };
  organizationId?: string;
  actions?: string[];
  targetTypes?: string[];
  from?: Date;
  to?: Date;
}

// Newest first, or oldest first (a window read in the order it happened). The row scope gives the platform every event and anyone else its own organization's.
export function listAuditEvents(
  manager: EntityManager,
  viewer: Viewer,
  filter: AuditEventFilter,
  direction: Direction,
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, AuditEvent, "ev");
  if (filter.actor?.kind === "USER") query.andWhere("ev.actor_user_id = :actorId", { actorId: filter.actor.id });
  if (filter.actor?.kind === "API_KEY") query.andWhere("ev.actor_api_key_id = :actorId", { actorId: filter.actor.id });
  if (filter.organizationId) query.andWhere("ev.owner_org_id = :organizationId", { organizationId: filter.organizationId });
  if (filter.actions) query.andWhere("ev.action = ANY(:actions)", { actions: filter.actions });
  if (filter.targetTypes) query.andWhere("ev.target_type = ANY(:targetTypes)", { targetTypes: filter.targetTypes });
  whereWithin(query, "ev.created_at", filter, { from: "from", to: "to" });
  return paginate(
    query,
    "ev",
    { name: "createdAt", column: "created_at", kind: "instant", direction, valueOf: (row) => row.createdAt.toISOString() },
    page,
  );
}
