import type { EntityManager } from "typeorm";

// How a column travels: scalars as an array of their own type; enums, jsonb and text[] as text,
// because a 2-D array cannot be unnested one row at a time and enum arrays need the type by name.
export type SqlType =
  | "uuid"
  | "text"
  | "integer"
  | "smallint"
  | "bigint"
  | "real"
  | "timestamptz"
  | "date"
  | "jsonb"
  | "text[]"
  | { enum: string };

export interface ColumnSpec<Row> {
  name: string;
  type: SqlType;
  value: (row: Row) => unknown;
}

const CHUNK_ROWS = 5000;

function parameterType(type: SqlType): string {
  if (typeof type === "object" || type === "jsonb" || type === "text[]") return "text[]";
  return `${type}[]`;
}

function selectExpression(type: SqlType, ref: string): string {
  if (typeof type === "object") return `${ref}::"${type.enum}"`;
  if (type === "jsonb") return `${ref}::jsonb`;
  if (type === "text[]") return `ARRAY(SELECT jsonb_array_elements_text(${ref}::jsonb))`;
  return ref;
}

function parameterValue(type: SqlType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "jsonb" || type === "text[]") return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

// Inserts rows with one `INSERT ... SELECT FROM unnest(...)` per chunk: one array parameter per
// column, so the statement size does not grow with the row count.
export async function insertWithUnnest<Row>(
  manager: EntityManager,
  table: string,
  columns: ColumnSpec<Row>[],
  rows: readonly Row[],
): Promise<void> {
  const aliases = columns.map((_, i) => `c${i}`);
  const sql =
    `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")}) ` +
    `SELECT ${columns.map((c, i) => selectExpression(c.type, `u.${aliases[i]}`)).join(", ")} ` +
    `FROM unnest(${columns.map((c, i) => `$${i + 1}::${parameterType(c.type)}`).join(", ")}) AS u(${aliases.join(", ")})`;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const parameters = columns.map((c) => chunk.map((row) => parameterValue(c.type, c.value(row))));
    await manager.query(sql, parameters);
  }
}
