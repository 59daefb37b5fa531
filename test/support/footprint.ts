import type { DataSource } from "typeorm";

// Each table's rows as one digest, to tell that requests changed nothing (test/api/leak-crawl.test.ts,
// test/api/bad-input-crawl.test.ts). A key's lastUsedAt moves as its persona reads. One statement
// for every table: a crawl takes a footprint after each of hundreds of requests.
const statements = new WeakMap<DataSource, Promise<string>>();

async function statementOf(db: DataSource): Promise<string> {
  const tables = (await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
  )) as { table_name: string }[];
  return tables
    .map(
      ({ table_name: table }) =>
        `SELECT '${table}' AS table_name, md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' ORDER BY (to_jsonb(t) - 'last_used_at')::text), '')) AS digest FROM "${table}" t`,
    )
    .join(" UNION ALL ");
}

export async function footprint(db: DataSource): Promise<Record<string, string>> {
  let statement = statements.get(db);
  if (!statement) statements.set(db, (statement = statementOf(db)));
  const rows = (await db.query(await statement)) as { table_name: string; digest: string }[];
  return Object.fromEntries(rows.map((row) => [row.table_name, row.digest]));
}
