import { once } from "node:events";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { EntityManager } from "typeorm";

// COPY ... FROM STDIN on a PostgreSQL server, inside the manager's transaction: rows as one text
// in COPY's text format, which the server parses much faster than unnest(...) over array
// literals, with no array escaping on our side either. (The embedded database cannot COPY from
// a client stream; it keeps the unnest path.)

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPED: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

// A text value as a COPY field: backslash, newline, carriage return and tab escaped.
export const copyText = (value: string): string => (SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPED[c]) : value);

// A nullable value as a COPY field (\N is NULL); numbers as JavaScript writes them.
export const copyField = (value: string | number | null): string =>
  value === null ? "\\N" : typeof value === "number" ? String(value) : copyText(value);

export async function copyRows(manager: EntityManager, table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  if (!manager.queryRunner) throw new Error("copyRows needs a transaction's entity manager");
  const client = (await manager.queryRunner.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  const done = once(stream, "finish");
  stream.end(`${lines.join("\n")}\n`);
  await done;
}
