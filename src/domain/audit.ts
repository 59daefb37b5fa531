import type { EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { AuditEvent } from "../entities";
import { actorOf } from "./actor";

export interface AuditEntry {
  action: string;
  targetType: string;
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
export async function recordAudit(manager: EntityManager, viewer: Viewer | null, entry: AuditEntry): Promise<void> {
  await recordAudits(manager, viewer, [entry]);
}

// The events of a bulk change, in one statement.
export async function recordAudits(manager: EntityManager, viewer: Viewer | null, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length) await manager.save(entries.map((entry) => manager.create(AuditEvent, auditEventOf(viewer, entry))));
}
