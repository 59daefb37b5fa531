import type { Pool } from "pg";
import type { DataSource, EntityManager, ObjectLiteral, QueryRunner, SelectQueryBuilder } from "typeorm";
import { isServerDatabase } from "./data-source";
import { primaryPool, readPool } from "./read-routing";

// The data layer's reads, the viewer's lookup and the blind match repeat a few statement texts on
// every request (a loader's batch, a page of a list), and PostgreSQL parsed and planned each one
// again on every execution: 0.55 of its 3.2 ms of CPU on a dashboard page of 4 statements, and
// half the time of a blind match. On a PostgreSQL server a statement outside a transaction runs as
// a named prepared statement instead, parsed and planned once per pooled connection. Texts vary
// with filters and list lengths, so only the first MAX_NAMED texts get a name; the rest,
// statements inside a transaction (bound to its connection) and the embedded database run as
// TypeORM runs them.
const MAX_NAMED = 500;
const names = new Map<string, string>();

function nameOf(sql: string): string | undefined {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMED) names.set(sql, (name = `stmt_${names.size}`));
  return name;
}

async function runNamed<R>(pool: Pool, connection: DataSource, name: string, sql: string, parameters: unknown[]): Promise<R[]> {
  connection.logger.logQuery(sql, parameters);
  const { rows } = await pool.query<R & ObjectLiteral>({ name, text: sql, values: parameters });
  return rows;
}

export async function readRows<R, T extends ObjectLiteral = ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<R[]> {
  const { connection } = query;
  // TypeORM keeps it protected: set when the query's manager belongs to a transaction.
  const boundRunner = (query as unknown as { queryRunner?: QueryRunner }).queryRunner;
  if (boundRunner || !isServerDatabase(connection)) return query.getRawMany<R>();
  const [sql, parameters] = query.getQueryAndParameters();
  const name = nameOf(sql);
  if (name === undefined) return query.getRawMany<R>();
  return runNamed<R>(readPool(connection), connection, name, sql, parameters);
}

// The same for a statement written as SQL, always on the primary (the viewer's lookup, the blind
// match); outside a transaction it commits on its own.
export async function runSql<R>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<R[]> {
  const { connection } = manager;
  const name = manager.queryRunner || !isServerDatabase(connection) ? undefined : nameOf(sql);
  if (name === undefined) return manager.query(sql, parameters);
  return runNamed<R>(primaryPool(connection), connection, name, sql, parameters);
}
