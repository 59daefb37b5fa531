import "reflect-metadata";
import { Command, InvalidArgumentError } from "commander";
import { loadTokenService } from "../auth/jwt";
import { viewerOfUserEmail } from "../auth/resolve-viewer";
import { Scope } from "../auth/scopes";
import { ConfigError, loadConfig } from "../config";
import { openDatabase, type Database } from "../db/data-source";
import { createApiKey } from "../domain/api-keys";
import { generateListings } from "../generator/marketplace-generator";
import { ingestFile } from "../ingest/ingest-file";
import { isSeeded, seedDemoAlliance } from "../seed/demo-alliance";
import { writeLines } from "./write-lines";

// `npm run cli -- <command>`: operator tasks on the configured database.

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number above 0");
  return n;
};

const scopeList = (value: string): Scope[] => {
  const known = new Set<string>(Object.values(Scope));
  const scopes = value.split(",").map((s) => s.trim());
  const unknown = scopes.filter((s) => !known.has(s));
  if (unknown.length) throw new InvalidArgumentError(`unknown scopes ${unknown.join(", ")}; known: ${[...known].join(", ")}`);
  return scopes as Scope[];
};

const program = new Command("alliance").description("Alliance API operator commands");

program
  .command("token")
  .description("print a JWT for a demo user (refused when NODE_ENV=production)")
  .requiredOption("--email <email>", "the user's email")
  .action(async ({ email }: { email: string }) => {
    const config = loadConfig();
    if (config.nodeEnv === "production") throw new Error("`token` is refused when NODE_ENV=production: use the login mutation");
    await withDatabase(async ({ dataSource }) => {
      const viewer = await viewerOfUserEmail(dataSource.manager, email);
      if (!viewer) throw new Error(`No active user with email ${email}`);
      const { token, expiresAt } = await loadTokenService(config).sign({ userId: viewer.principalId, orgId: viewer.orgId });
      console.error(`token for ${email}, valid until ${expiresAt.toISOString()}:`);
      console.log(token);
    });
  });

program
  .command("create-api-key")
  .description("create an API key for an organization, as one of its admins; prints the key once")
  .requiredOption("--admin <email>", "an admin of the organization that will own the key")
  .requiredOption("--name <name>", "what the key is for")
  .requiredOption("--scopes <scopes>", `comma-separated, of ${Object.values(Scope).join(", ")}`, scopeList)
  .option("--expires-at <date>", "ISO 8601 date-time after which the key stops working")
  .action(async (options: { admin: string; name: string; scopes: Scope[]; expiresAt?: string }) => {
    const expiresAt = options.expiresAt ? new Date(options.expiresAt) : null;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new Error("--expires-at is not a date");
    await withDatabase(async ({ dataSource }) => {
      const viewer = await viewerOfUserEmail(dataSource.manager, options.admin);
      if (!viewer || viewer.role !== "ADMIN") throw new Error(`${options.admin} is not an active organization admin`);
      const { apiKey, secret } = await createApiKey(dataSource, viewer, { name: options.name, scopes: options.scopes, expiresAt });
      console.error(`API key "${apiKey.name}" (${apiKey.scopes.join(", ")}); send it as the x-api-key header. Shown once:`);
      console.log(secret);
    });
  });

program
  .command("seed")
  .description("seed the demo alliance into an empty database")
  .option("--listings <n>", "how many listings to generate", positiveInt, 3000)
  .option("--seed <n>", "random seed: the same seed gives the same data", positiveInt, 2017)
  .action(async (options: { listings: number; seed: number }) => {
    await withDatabase(async ({ dataSource }) => {
      if (await isSeeded(dataSource.manager)) throw new Error("The database is already seeded");
      const summary = await dataSource.transaction((manager) =>
        seedDemoAlliance(manager, { ...options, onProgress: (message) => console.error(message) }),
      );
      console.log(JSON.stringify(summary));
    });
  });

program
  .command("generate")
  .description("write realistic marketplace listings as NDJSON to stdout, each with its ground truth in `label`")
  .option("--listings <n>", "how many listings", positiveInt, 10_000)
  .option("--seed <n>", "random seed: the same seed gives the same listings", positiveInt, 2017)
  .option("--now <date>", "ISO 8601 instant the dates count back from (default: start of today, UTC)")
  .action(async (options: { listings: number; seed: number; now?: string }) => {
    const now = options.now ? new Date(options.now) : undefined;
    if (now && Number.isNaN(now.getTime())) throw new Error("--now is not a date");
    await writeLines(process.stdout, generateListings({ listings: options.listings, seed: options.seed, now }), (l) => JSON.stringify(l));
  });

program
  .command("ingest")
  .description("ingest listings from an NDJSON file (or - for stdin): score them and flag suspected infringements")
  .argument("<file>", "NDJSON, one listing per line with its seller and review statistics")
  .option("--batch <rows>", "rows per transaction (default INGEST_BATCH_ROWS)", positiveInt)
  .action(async (file: string, options: { batch?: number }) => {
    const config = loadConfig();
    await withDatabase(async ({ dataSource }) => {
      const summary = await ingestFile(dataSource, config, file, { batchRows: options.batch ?? config.ingest.batchRows });
      console.log(JSON.stringify(summary));
    });
  });

program.parseAsync().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : `error: ${error.message}`);
  process.exit(1);
});
