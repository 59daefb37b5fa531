import type { EntityManager } from "typeorm";

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
