import type { DataSource, MigrationInterface } from "typeorm";

// Runs a migration's steps, in order, each in its own transaction on a connection of its own, as
// the migration runner runs a migration (src/db/data-source.ts): a backfill or repair test undoes
// and applies it again over rows written for it.
export async function runMigrationSteps(db: DataSource, migration: MigrationInterface, ...steps: ("up" | "down")[]): Promise<void> {
  const runner = db.createQueryRunner();
  try {
    for (const step of steps) {
      await runner.startTransaction();
      await migration[step](runner);
      await runner.commitTransaction();
    }
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}
