import "reflect-metadata";
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { Command } from "commander";
import { loadTokenService } from "../auth/jwt";
import { viewerOfUserEmail } from "../auth/resolve-viewer";
import { ORG_KIND_SCOPES, Scope } from "../auth/scopes";
import { isOrgAdmin } from "../auth/viewer";
import { forgetSignInFailures } from "../auth/sign-in-failures";
import { ConfigError, loadConfig } from "../config";
import { openDatabase, type Database } from "../db/data-source";
import { databaseRefusal } from "../db/database-refusal";
import { createApiKey } from "../domain/api-keys";
import { contributeIndicators, draftProblems } from "../domain/intel/contribute-indicators";
import { loadKeyedHasher } from "../domain/intel/keyed-hash";
import { Brand, Organization } from "../entities";
import { createPlatformAdmin } from "../domain/platform-admin";
import { ApiError } from "../errors";
import { isSeeded, seedDemoAlliance } from "../seed/demo-alliance";
import { importRefusal, inLinesOf, readIndicatorFile, type RowProblem } from "./indicator-file";
import { generateListings } from "../generator/marketplace-generator";
import { ingestFile } from "../ingest/ingest-file";
import { isoDate, positiveInt, scopeList, seedNumber } from "./arguments";
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

// A file named on the command line, checked before the database is opened: said so, not as Node's
// "ENOENT: ... open" or "EISDIR: illegal operation on a directory". Answers its path: `npm run cli`
// runs in the package's folder whatever folder it was called from, which npm names in INIT_CWD, and
// a relative path is the caller's.
function readableFile(file: string): string {
  const callersFolder = process.env.npm_lifecycle_event === "cli" ? process.env.INIT_CWD : undefined;
  const path = callersFolder ? resolve(callersFolder, file) : file;
  const named = path === file ? file : `${file} (${path})`;
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    throw new Error(`cannot read ${named}: ${code === "ENOENT" ? "no such file" : code}`);
  }
  if (stats.isDirectory()) throw new Error(`cannot read ${named}: it is a folder, not a file`);
  return path;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export const program = new Command("alliance").description("Alliance API operator commands");

program
  .command("token")
  .description("print a JWT for a demo user (refused when NODE_ENV=production)")
  .requiredOption("--email <email>", "the user's email")
  .action(async ({ email }: { email: string }) => {
    const config = loadConfig();
    if (config.nodeEnv === "production") throw new Error("`token` is refused when NODE_ENV=production: use the login mutation");
    await withDatabase(async ({ dataSource }) => {
      const viewer = await viewerOfUserEmail(dataSource.manager, email);
      if (!viewer) {
        // The CLI opened the database its own configuration names: the embedded one, unless
        // DATABASE_URL is set as the server's is.
        const where = (await isSeeded(dataSource.manager)) ? "" : `; this database (${config.database.kind === "embedded" ? `embedded, in ${config.database.dataDir}` : "DATABASE_URL"}) holds no demo alliance: give the CLI the server's settings (DATA_DIR for the embedded database; DATABASE_URL, JWT_SECRET and INTEL_HMAC_SECRET for a server), or seed it with \`npm run cli -- seed\``;
        throw new Error(`No active user with email ${email}${where}`);
      }
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
  .option("--expires-at <date>", "ISO 8601 date or date-time with its zone after which the key stops working", isoDate)
  .action(async (options: { admin: string; name: string; scopes: Scope[]; expiresAt?: Date }) => {
    const expiresAt = options.expiresAt ?? null;
    await withDatabase(async ({ dataSource }) => {
      const viewer = await viewerOfUserEmail(dataSource.manager, options.admin);
      if (!viewer || !isOrgAdmin(viewer)) throw new Error(`${options.admin} is not an active organization admin`);
      const { apiKey, secret } = await createApiKey(dataSource, viewer, { name: options.name, scopes: options.scopes, expiresAt });
      console.error(`API key "${apiKey.name}" (${apiKey.scopes.join(", ")}); send it as the x-api-key header. Shown once:`);
      console.log(secret);
    });
  });

program
  .command("clear-sign-in-failures")
  .description("let an email address sign in again at once, forgetting its failed sign-ins (recorded in the audit log)")
  .requiredOption("--email <email>", "the address, as its owner signs in with it")
  .action(async ({ email }: { email: string }) => {
    if (!email.trim()) throw new Error("--email is empty: give the address, as its owner signs in with it");
    const config = loadConfig();
    const hasher = loadKeyedHasher(config);
    await withDatabase(async ({ dataSource }) => {
      const failures = await dataSource.transaction((manager) => forgetSignInFailures(manager, hasher, email));
      console.log(JSON.stringify({ email, failuresCleared: failures }));
      // Nothing to clear is also what the wrong database answers (the CLI without the server's settings).
      if (failures === 0) {
        const where = config.database.kind === "embedded" ? `the embedded database in ${config.dataDir}` : "DATABASE_URL's database";
        console.error(`no failed sign-ins are recorded for ${email} in ${where}; if its owner is still refused, give the CLI the server's settings (${config.database.kind === "embedded" ? "DATA_DIR" : "DATABASE_URL, INTEL_HMAC_SECRET"})`);
      }
    });
  });

program
  .command("seed")
  .description("seed the demo alliance into a database that does not hold it (refused when NODE_ENV=production)")
  .option("--listings <n>", "how many listings to generate", positiveInt, 3000)
  .option("--seed <n>", "random seed, 0 to 4294967295: the same seed gives the same data", seedNumber, 2017)
  .action(async (options: { listings: number; seed: number }) => {
    if (loadConfig().nodeEnv === "production") {
      throw new Error("`seed` is refused when NODE_ENV=production: the demo users' password is public; create-platform-admin makes a first admin");
    }
    await withDatabase(async ({ dataSource }) => {
      if (await isSeeded(dataSource.manager)) throw new Error("The database is already seeded");
      const summary = await dataSource.transaction((manager) =>
        seedDemoAlliance(manager, loadConfig(), { ...options, onProgress: (message) => console.error(message) }),
      );
      console.log(JSON.stringify(summary));
    });
  });

program
  .command("create-platform-admin")
  .description("create an admin of the platform (and the platform organization, if there is none yet), with the password read from stdin")
  .requiredOption("--email <email>", "the admin's email, which they sign in with")
  .requiredOption("--name <name>", "the admin's display name")
  .option("--organization-name <name>", "the platform organization's name, when this creates it", "Marketplace Governance")
  .action(async (options: { email: string; name: string; organizationName: string }) => {
    // Not an argument, which the process list and the shell's history would show.
    if (process.stdin.isTTY) {
      throw new Error(`give the password on stdin, e.g. read -rs PASSWORD && printf '%s' "$PASSWORD" | npm run -s cli -- create-platform-admin --email ${options.email} --name ...`);
    }
    const password = (await readAll(process.stdin)).replace(/\r?\n$/, "");
    await withDatabase(async ({ dataSource }) => {
      const { user, organization, organizationCreated } = await createPlatformAdmin(dataSource, { ...options, password });
      console.log(JSON.stringify({ email: user.email, role: user.role, organization: organization.name, organizationCreated }));
    });
  });

program
  .command("import-indicators")
  .description("contribute indicators from a CSV (with a header row) or NDJSON file for an organization, all or none")
  .argument("<file>", "a .csv or .ndjson file with kind, value, distribution, confidence, note, brand, expiresAt")
  .requiredOption("--org <slug>", "the contributing organization")
  .action(async (file: string, options: { org: string }) => {
    const { rows, problems } = readIndicatorFile(readableFile(file));
    const config = loadConfig();
    const hasher = loadKeyedHasher(config);
    await withDatabase(async ({ dataSource }) => {
      const org = await dataSource.manager.findOneBy(Organization, { slug: options.org });
      if (!org) throw new Error(`No organization with slug ${options.org}`);
      if (!ORG_KIND_SCOPES[org.kind].includes(Scope.INTEL_WRITE)) throw new Error(`${org.name} is an ${org.kind} and may not contribute intelligence`);
      if (!rows.length && !problems.length) throw new Error(`${file} holds no indicators`);
      const brands = await dataSource.manager.findBy(Brand, { ownerOrgId: org.id });
      const brandIdOfName = new Map(brands.map((brand) => [brand.name.toLowerCase(), brand.id]));
      const drafts = rows.map(({ brand, line: _line, ...row }) => ({ ...row, brand: brand ? { given: brand, id: brandIdOfName.get(brand.toLowerCase()) ?? null } : null }));
      const byLine = inLinesOf(rows);
      // Every bad row at once: the file's, the brand names', and what the drafts show without the database.
      const found = [
        ...problems,
        ...drafts.flatMap((draft, i) => (draft.brand && !draft.brand.id ? [{ line: rows[i].line, reason: `${org.name} has no brand named ${draft.brand.given}` }] : [])),
        ...draftProblems(drafts.map((draft) => (draft.brand && !draft.brand.id ? { ...draft, brand: null } : draft)), hasher).map((e) => ({ line: rows[e.index].line, reason: byLine(e.reason) })),
      ].sort((a, b) => a.line - b.line);
      const refusal = (bad: RowProblem[]) => importRefusal(file, bad);
      if (found.length) throw refusal(found);
      const started = Date.now();
      const bar = new SingleBar({ format: "importing [{bar}] {percentage}% | {value}/{total} indicators | {duration_formatted}" }, Presets.shades_classic);
      bar.start(rows.length, 0);
      try {
        await contributeIndicators(dataSource, hasher, { orgId: org.id, actor: null }, drafts, { onProgress: (done) => bar.update(done) });
        bar.stop();
      } catch (error) {
        bar.stop();
        // Rows refused against the database (already contributed): by their lines, as above.
        const itemErrors = error instanceof ApiError ? (error.extensions.itemErrors as { index: number; reason: string }[] | undefined) : undefined;
        if (itemErrors) throw refusal(itemErrors.map((e) => ({ line: rows[e.index].line, reason: byLine(e.reason) })));
        if (error instanceof ApiError) throw new Error(byLine(error.message));
        throw error;
      }
      console.log(JSON.stringify({ imported: rows.length, organization: org.slug, seconds: (Date.now() - started) / 1000 }));
    });
  });

program
  .command("generate")
  .description("write realistic marketplace listings as NDJSON to stdout, each with its ground truth in `label`")
  .option("--listings <n>", "how many listings", positiveInt, 10_000)
  .option("--seed <n>", "random seed, 0 to 4294967295: the same seed gives the same listings", seedNumber, 2017)
  .option("--now <date>", "ISO 8601 date or date-time with its zone the dates count back from (default: start of today, UTC)", isoDate)
  .action(async (options: { listings: number; seed: number; now?: Date }) => {
    const { now } = options;
    await writeLines(process.stdout, generateListings({ listings: options.listings, seed: options.seed, now }), (l) => JSON.stringify(l));
  });

program
  .command("ingest")
  .description("ingest listings from an NDJSON file (or - for stdin): score them and flag suspected infringements")
  .argument("<file>", "NDJSON, one listing per line with its seller and review statistics; gzip-compressed or not")
  .option("--batch <rows>", "rows per transaction (default INGEST_BATCH_ROWS, 5000 unless set)", positiveInt)
  .action(async (file: string, options: { batch?: number }) => {
    const path = file === "-" ? file : readableFile(file);
    const config = loadConfig();
    await withDatabase(async ({ dataSource }) => {
      const summary = await ingestFile(dataSource, config, path, { batchRows: options.batch ?? config.ingest.batchRows });
      console.log(JSON.stringify(summary));
      // Done, but not with every line: a script can tell a feed with rejected lines from a clean one.
      if (summary.rejected > 0) {
        const written = summary.rejected === summary.read ? "nothing was written" : "the valid lines are written";
        console.error(`${summary.rejected} of ${summary.read} lines rejected (the summary's rejections); ${written}`);
        process.exitCode = 2;
      }
    });
  });

// Commander's own refusals (an unknown option, a missing one, a value it cannot take) are followed by
// the command's options and where its help is: a mistyped option is mended without a run to find them.
for (const command of program.commands) {
  const options = command.options.map((option) => option.long).join(", ");
  command.showHelpAfterError(`(${command.name()} takes ${options}; \`npm run cli -- ${command.name()} --help\` says what each is)`);
}
program.showHelpAfterError("(`npm run cli -- --help` lists the commands)");

// Run as the CLI; imported, it only describes its commands (test/readme/commands.test.ts).
if (require.main === module) {
  program.parseAsync().catch((error: Error) => {
    console.error(error instanceof ConfigError ? error.message : (databaseRefusal(error) ?? `error: ${error.message}`));
    process.exit(1);
  });
}
