import type { EntityManager } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import type { Viewer } from "../auth/viewer";
import { AuditEvent } from "../entities";
import { actorOf } from "./actor";
import type { AuditAction } from "./audit-actions";
import type { AuditTargetType } from "./audit-target-types";

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

// The columns of an audit event, for callers that write it inside a larger SQL statement.
export function auditEventOf(viewer: Viewer | null, entry: AuditEntry) {
  const actor = actorOf(viewer);
  return {
    ownerOrgId: viewer?.orgId ?? null,
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

// Written with the caller's transaction manager, so the event commits or rolls back with the change.
// Answers the event's id, for another event to name.
export async function recordAudit(manager: EntityManager, viewer: Viewer | null, entry: AuditEntry): Promise<string> {
  const [id] = await recordAudits(manager, viewer, [entry]);
  return id;
}

// The events of a bulk change, in one statement. Dated when written, not when the transaction
// began (now()): a change that waited for a row lock would otherwise be listed before the change it
// waited for, its `before` ahead of the `after` it follows.
export async function recordAudits(manager: EntityManager, viewer: Viewer | null, entries: readonly AuditEntry[]): Promise<string[]> {
  if (!entries.length) return [];
  const { identifiers } = await manager.insert(
    AuditEvent,
    // The JSON columns' values are plain objects, which TypeORM's type for an insert does not allow.
    entries.map((entry) => ({ ...auditEventOf(viewer, entry), createdAt: () => "clock_timestamp()" }) as QueryDeepPartialEntity<AuditEvent>),
  );
  return identifiers.map((identifier) => (identifier as { id: string }).id);
}
