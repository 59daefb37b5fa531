import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { loadConfig, type Config } from "../src/config";
import { openDatabase, type Database } from "../src/db/data-source";
import { SeededRandom } from "../src/generator/random";
import { isSeeded, seedMembers } from "../src/seed/demo-alliance";

// The configured database (DATABASE_URL, else the embedded one in DATA_DIR), migrated, with the
// demo alliance's members and catalogues in it, so that generated listings match its brands.
export async function openBenchDatabase(env: NodeJS.ProcessEnv = process.env): Promise<{ config: Config; database: Database }> {
  // A benchmark signs its own tokens; a server database otherwise insists on a configured secret.
  const config = loadConfig({ JWT_SECRET: randomBytes(32).toString("hex"), LOG_LEVEL: "warn", ...env });
  const database = await openDatabase(config);
  await ensureMembers(database.dataSource);
  return { config, database };
}

async function ensureMembers(dataSource: DataSource): Promise<void> {
  if (await isSeeded(dataSource.manager)) return;
  await dataSource.transaction((manager) => seedMembers(manager, new SeededRandom(2017)));
}

// The server's URL, for a benchmark that needs a PostgreSQL server of its own (PostGraphile
// connects to it); on the embedded database it closes it and refuses.
export async function serverDatabaseUrl(database: Database, config: Config, bench: string): Promise<string> {
  if (config.database.kind === "server") return config.database.url;
  await database.close();
  throw new Error(`${bench} needs DATABASE_URL: PostGraphile connects to a PostgreSQL server`);
}

export function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number above 0`);
  return value;
}
