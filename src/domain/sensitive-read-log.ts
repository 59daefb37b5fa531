import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { recordAudit } from "./audit";
import type { AuditTargetType } from "./audit-target-types";
// eslint-disable-next-line no-restricted-imports -- reads that happened are recorded whatever became of the credential since.
import { inTransaction } from "../db/transaction";

const MAX_IDS_PER_EVENT = 500;

// The sensitive fields one request read, by type: which fields and which rows.
export class SensitiveReadLog {
  private readonly reads = new Map<AuditTargetType, { fields: Set<string>; ids: Set<string> }>();

  note(typeName: AuditTargetType, field: string, id: string) {
    const read = this.reads.get(typeName) ?? { fields: new Set<string>(), ids: new Set<string>() };
    read.fields.add(field);
    read.ids.add(id);
    this.reads.set(typeName, read);
  }

  get isEmpty() {
    return this.reads.size === 0;
  }

  // One audit event per type read, not one per row: a page of 100 sellers is one event. A request
  // that read more rows than an event lists gets as many events as it takes to name every row.
  async flush(dataSource: DataSource, viewer: Viewer): Promise<void> {
    if (this.isEmpty) return;
    await inTransaction(dataSource, async (manager) => {
      for (const [targetType, { fields, ids }] of this.reads) {
        const rowIds = [...ids];
        for (let start = 0; start < rowIds.length; start += MAX_IDS_PER_EVENT) {
          const listed = rowIds.slice(start, start + MAX_IDS_PER_EVENT);
          await recordAudit(manager, viewer, {
            action: "sensitive.read",
            targetType,
            targetId: rowIds.length === 1 ? rowIds[0] : null,
            after: { fields: [...fields].sort(), rowCount: listed.length, ids: listed },
          });
        }
      }
    });
    this.reads.clear();
  }
}
