import { once } from "node:events";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { EntityManager } from "typeorm";

// COPY ... FROM STDIN on a PostgreSQL server, inside the manager's transaction: rows in COPY's
// text format (each ending with a line end), which the server parses much faster than
// unnest(...) over array literals, with no array escaping on our side either. (The embedded database cannot COPY from
// a client stream; it keeps the unnest path.)

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPED: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

// A text value as a COPY field: backslash, newline, carriage return and tab escaped.
export const copyText = (value: string): string => (SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPED[c]) : value);

// JSON as a COPY field: JSON writes line ends and tabs escaped, so only its backslashes (in the
// escapes of its strings' quotes, say) need escaping again.
export const copyJson = (json: string): string => (json.includes("\\") ? json.replaceAll("\\", "\\\\") : json);

// A nullable value as a COPY field (\N is NULL); numbers as JavaScript writes them.
export const copyField = (value: string | number | null): string =>
  value === null ? "\\N" : typeof value === "number" ? String(value) : copyText(value);

// COPY's text of a batch's rows, encoded as it is added: no string of a whole row, or of the
// whole batch, is made (on the thread that writes the batches, they made most of its garbage).
// It fills buffers of a fixed size, one after the other, so that nothing is copied to grow.
export class CopyText {
  private static readonly BUFFER_BYTES = 1 << 20;
  private readonly full: Buffer[] = [];
  private buffer = Buffer.alloc(0);
  private used = 0;

  // Fields as COPY text already, with their tabs and line ends.
  add(text: string): this {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + 3 * text.length > this.buffer.length) this.next(3 * text.length);
    this.used += this.buffer.write(text, this.used);
    return this;
  }

  // Bytes that are COPY text already.
  addBytes(bytes: Uint8Array): this {
    if (this.used + bytes.length > this.buffer.length) this.next(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
    return this;
  }

  get buffers(): Buffer[] {
    return this.used > 0 ? [...this.full, this.buffer.subarray(0, this.used)] : this.full;
  }

  private next(atLeast: number): void {
    if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(Math.max(CopyText.BUFFER_BYTES, atLeast));
    this.used = 0;
  }
}

export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], rows: CopyText): Promise<void> {
  const buffers = rows.buffers;
  if (buffers.length === 0) return;
  if (!manager.queryRunner) throw new Error("copyRows needs a transaction's entity manager");
  const client = (await manager.queryRunner.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  const done = once(stream, "finish");
  for (const buffer of buffers) stream.write(buffer);
  stream.end();
  await done;
}
