import type { EntityManager, QueryRunner } from "typeorm";

// Serializes, until the transaction ends, the transactions that name the same key: for a check
// that no row can lock because the row it looks for does not exist yet (a second pending
// invitation of one address, a second filing of one lawsuit). Keys are hashed to PostgreSQL's
// 32-bit lock space; two keys that collide only wait for each other.
export async function lockKey(manager: EntityManager, ...parts: string[]): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [parts.join(":")]);
}

// The same key shared: any number of transactions hold it at once, and lockKey waits for them all
// (and they for it).
export async function shareKey(manager: EntityManager, ...parts: string[]): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtext($1))`, [parts.join(":")]);
}

// The key held by the runner's session across the transactions `work` runs, and let go after: for
// work longer than one transaction (migrations, each in its own). A session that ends, its process
// gone, lets go of it too.
export async function whileHoldingKey<T>(runner: QueryRunner, key: string, work: () => Promise<T>): Promise<T> {
  await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [key]);
  try {
    return await work();
  } finally {
    // After a lost connection there is nothing to let go of, and work's own error is the one to see.
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [key]).catch(() => undefined);
  }
}
