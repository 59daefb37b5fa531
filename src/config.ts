import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { RiskSignalKind } from "./entities/enums";
import { DEFAULT_RISK_CONFIG, type RiskConfig, type WeightedSignal } from "./risk/risk-config";

// Every setting comes from the environment and is validated once at start, so a bad value stops the
// process with a message naming the variable instead of failing later in a request.
// Numbers as written in decimal digits: z.coerce took an empty value for 0 (no statement timeout, a
// flag threshold of 0, a random port), and "0x10" or "1e3" for what JavaScript makes of them.
const decimal = (pattern: RegExp, what: string) =>
  z.string().trim().regex(pattern, `must be ${what} in decimal digits (unset it for its default)`).transform(Number);
const whole = () => decimal(/^\d+$/, "a whole number");
const fraction = () => decimal(/^\d+(\.\d+)?$/, "a number");
const int = (fallback: number, min = 1) => whole().pipe(z.number().int().min(min)).default(fallback);

const weight = (signal: WeightedSignal) => int(DEFAULT_RISK_CONFIG.weights[signal], 0).pipe(z.number().max(100));
const ratio = (fallback: number) => fraction().pipe(z.number().min(0).max(1)).default(fallback);

// "replica,AAA,高仿": the counterfeit vocabulary (or the comparative markers, or the negative contexts), replacing the default list.
const termList = z
  .string()
  .transform((value) => value.split(",").map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(z.string()).min(1, "must name at least one term"))
  .optional();

// "USD=7.2,EUR=7.8": reference rates in CNY, added to (or replacing) the defaults.
const rateList = z
  .string()
  .regex(/^([A-Z]{3}=\d+(\.\d+)?)(,[A-Z]{3}=\d+(\.\d+)?)*$/, "must look like USD=7.2,EUR=7.8")
  .transform((value) => Object.fromEntries(value.split(",").map((pair) => [pair.slice(0, 3), Number(pair.slice(4))])))
  // Digits past a double's range read as Infinity, which priced everything in that currency above any MSRP.
  .refine((rates) => Object.values(rates).every((rate) => rate > 0 && Number.isFinite(rate)), "a rate must be above 0, and finite")
  .refine((rates) => (rates.CNY ?? 1) === 1, "CNY is 1 CNY, always")
  .optional();

// Which proxies in front may name the client (X-Forwarded-For), in Express's terms: a number of
// hops, or addresses and ranges (and its names loopback, linklocal, uniquelocal), comma-separated.
const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
const isProxyEntry = (entry: string) => {
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  const bits = family === 4 ? 32 : 128;
  return PROXY_NAMES.has(entry) || (family !== 0 && rest.length === 0 && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits)));
};
const trustProxy = z
  .string()
  .optional()
  .transform((text, context): number | string[] => {
    const value = text?.trim() ?? "";
    if (value === "") return 0;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(",").map((entry) => entry.trim());
    const bad = entries.find((entry) => !isProxyEntry(entry));
    if (bad !== undefined) {
      context.addIssue({ code: "custom", message: `"${bad}" is neither a number of hops, an address or range, nor loopback, linklocal or uniquelocal` });
      return z.NEVER;
    }
    return entries;
  });

// JWT_SECRET's and INTEL_HMAC_SECRET's, and a secret kept in DATA_DIR's (src/data-dir-secret.ts).
export const SECRET_MIN_LENGTH = 32;
// Spaces around a secret are no secret: forty of them would sign every token with a key anyone can guess.
const secret = z
  .string()
  .refine((value) => value.trim().length >= SECRET_MIN_LENGTH, `must be at least ${SECRET_MIN_LENGTH} characters, not counting whitespace around them`)
  .optional();

// Parsed here as the driver will parse it (a WHATWG URL; pg takes "postgres://user@/db", with no
// host, for the local socket too), so that a malformed one stops the start in a line rather than
// in the driver's stack. The message never shows the value: it holds the password.
const isPostgresUrl = (text: string) =>
  /^postgres(ql)?:\/\//.test(text) && (URL.canParse(text) || URL.canParse(text.replace("@/", "@localhost/")));
const URL_ADVICE = "percent-encode any of @ : / ? # [ ] in its user name or password";

// A database time limit of at most a day: no request of an API should wait longer (0, where
// allowed, is no limit), and a day is far inside what Node's timers take (2^31-1 ms, 24.8 days,
// beyond which a timer fires at once), with the 5 s the client waits past a statement's limit
// (src/db/data-source.ts), and inside PostgreSQL's own largest statement_timeout and lock_timeout.
const DAY_MS = 24 * 3600 * 1000;
const timeLimitMs = (fallback: number, min: number) => int(fallback, min).pipe(z.number().max(DAY_MS, `must be at most ${DAY_MS} (a day)`));

// JavaScript runs on one core per process, and requests are CPU-bound there: more workers than cores
// add memory and database connections, not throughput. Few machines have more cores than this.
const MAX_API_WORKERS = 256;

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: int(4000, 0).pipe(z.number().max(65535)),
  DATABASE_URL: z.string().refine(isPostgresUrl, `must be a postgres:// or postgresql:// URL (${URL_ADVICE})`).optional(),
  // Streaming replicas of DATABASE_URL's database that serve the reads of query operations.
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((value) => value.split(","))
    .refine((urls) => urls.every(isPostgresUrl), `must be postgres:// URLs separated by commas (${URL_ADVICE})`)
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  // A PostgreSQL server runs a process per connection (its default max_connections is 100), and
  // even behind a connection pooler one Node process keeps nowhere near a thousand statements busy.
  DB_POOL_SIZE: int(10).pipe(z.number().max(1000)),
  DB_STATEMENT_TIMEOUT_MS: timeLimitMs(30_000, 0),
  DB_LOCK_TIMEOUT_MS: timeLimitMs(5_000, 0),
  DB_CONNECT_TIMEOUT_MS: timeLimitMs(10_000, 1),
  API_WORKERS: whole().pipe(z.number().int().min(1).max(MAX_API_WORKERS)).optional(),
  JWT_SECRET: secret,
  // People sign in; machines have API keys. A token is refused once older than this whatever its exp.
  JWT_TTL_SECONDS: int(8 * 3600, 60).pipe(z.number().max(365 * 24 * 3600, "must be at most 31536000 (a year)")),
  // Bounded so that the throttle's SQL takes them (an int, an interval), and that one who fails an
  // address's sign-ins on purpose cannot keep its owner out for more than a day.
  LOGIN_MAX_FAILURES: int(10).pipe(z.number().max(1000, "must be at most 1000")),
  LOGIN_FAILURE_WINDOW_SECONDS: int(15 * 60).pipe(z.number().max(24 * 3600, "must be at most 86400 (a day)")),
  // Each refusal answers whether some hash of a call is near another member's logo: more than a
  // hundred a day is no limit on mapping one, and an organization refused that often is probing.
  LOGO_CLASH_REFUSALS_PER_DAY: int(5).pipe(z.number().max(100, "must be at most 100")),
  TRUST_PROXY: trustProxy,
  MAX_QUERY_DEPTH: int(8),
  MAX_QUERY_ALIASES: int(15),
  READS_PER_ORGANIZATION: int(2),
  // graphql-armor's cost grows by 1.5x a nesting level; README's 50-row dashboard query costs about 6,700.
  MAX_QUERY_COST: int(20000),
  MAX_QUERY_TOKENS: int(2000),
  // Room for a full ingestListings batch (MAX_INGEST_BATCH listings of 1-2 KB each).
  MAX_BODY_BYTES: int(2_000_000),
  MAX_PAGE_SIZE: int(100),
  INTEL_HMAC_SECRET: secret,
  INTEL_MATCH_MIN_MEMBERS: int(2),
  INTEL_LOOKUPS_PER_HOUR: int(500),
  INTEL_LOOKUPS_PER_DAY: int(2000),
  INTEL_MAX_QUERIES_PER_MATCH: int(100),
  INTEL_MAX_CONTRIBUTE_BATCH: int(1000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  MEMBER_BRAND_CAP: int(20),
  // A pending invitation holds a place under MEMBER_BRAND_CAP, and its token is a credential sent by
  // email: one unused for three months is to be sent again, not kept working.
  INVITATION_TTL_HOURS: int(7 * 24).pipe(z.number().max(90 * 24, "must be at most 2160 (90 days)")),
  REPORT_MIN_CONTRIBUTORS: int(3, 2),
  REPORT_DOMINANCE_SHARE: fraction().pipe(z.number().gt(0.5).max(1)).default(0.8),
  SELLER_PENALTY_STRIKES: int(3),
  SELLER_CLOSURE_STRIKES: int(5),
  MAX_BULK_TAKEDOWNS: int(100),
  MAX_INGEST_BATCH: int(1000),
  INGEST_BATCH_ROWS: int(5000),
  INGEST_CONCURRENCY: int(2),
  RISK_FLAG_THRESHOLD: int(DEFAULT_RISK_CONFIG.flagThreshold, 0).pipe(z.number().max(100)),
  RISK_WEIGHT_PRICE_ANOMALY: weight(RiskSignalKind.PRICE_ANOMALY),
  RISK_WEIGHT_COUNTERFEIT_KEYWORDS: weight(RiskSignalKind.COUNTERFEIT_KEYWORDS),
  RISK_WEIGHT_LOGO_MATCH: weight(RiskSignalKind.LOGO_MATCH),
  RISK_WEIGHT_SPEC_MISMATCH: weight(RiskSignalKind.SPEC_MISMATCH),
  RISK_WEIGHT_REVIEW_BRUSHING: weight(RiskSignalKind.REVIEW_BRUSHING),
  RISK_WEIGHT_SELLER_HISTORY: weight(RiskSignalKind.SELLER_HISTORY),
  RISK_WEIGHT_INTEL_MATCH: weight(RiskSignalKind.INTEL_MATCH),
  RISK_LOGO_MAX_DISTANCE: int(DEFAULT_RISK_CONFIG.logoMaxDistance, 0).pipe(z.number().max(64)),
  RISK_PRICE_START_RATIO: ratio(DEFAULT_RISK_CONFIG.priceAnomalyStartRatio),
  RISK_PRICE_FULL_RATIO: ratio(DEFAULT_RISK_CONFIG.priceAnomalyFullRatio),
  RISK_PRICE_PLACEHOLDER_MAX_MINOR: int(DEFAULT_RISK_CONFIG.pricePlaceholderMaxMinor, 0),
  RISK_COUNTERFEIT_TERMS: termList,
  RISK_COMPARATIVE_MARKERS: termList,
  RISK_NEGATIVE_CONTEXTS: termList,
  RISK_CNY_PER_UNIT: rateList,
  // One member alone would be that member's review decisions shown to others.
  RISK_CONFIRMED_MIN_MEMBERS: int(DEFAULT_RISK_CONFIG.confirmedByMinMembers, 2),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  nodeEnv: Env["NODE_ENV"];
  port: number;
  // Processes serving the API; JavaScript runs on one core per process.
  workers: number;
  database: { kind: "server"; url: string; replicaUrls: string[]; poolSize: number } | { kind: "embedded"; dataDir: string };
  // Each server connection's limits (0: none), see DatabaseTarget.
  databaseTimeouts: { statementTimeoutMs: number; lockTimeoutMs: number; connectTimeoutMs: number };
  dataDir: string;
  jwt: { secret: string | undefined; ttlSeconds: number };
  // Failed sign-ins an email address may have in a window before its sign-ins are refused.
  login: LoginThrottlePolicy;
  // Logo clash refusals an organization may have in 24 hours (src/domain/logo-clash-refusals.ts).
  catalogue: { logoClashRefusalsPerDay: number };
  // Express's "trust proxy": 0 trusts none, and the client is the connection's peer.
  trustProxy: number | string[];
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxTokens: number;
    maxBodyBytes: number;
    maxPageSize: number;
    readsPerOrganization: number;
  };
  intel: {
    hmacSecret: string | undefined;
    // Fewer other members than this and a blind match answers as for no match.
    minMembers: number;
    lookupsPerHour: number;
    lookupsPerDay: number;
    maxQueriesPerMatch: number;
    maxContributeBatch: number;
  };
  logLevel: Env["LOG_LEVEL"];
  // Batches written at once; the embedded database has one connection, so one there.
  ingest: { maxBatch: number; batchRows: number; concurrency: number };
  risk: RiskConfig;
  membership: { memberBrandCap: number; invitationTtlHours: number };
  // Statistical disclosure control of progress reports (src/domain/reports/disclosure-control.ts).
  reports: { minContributors: number; dominanceShare: number };
  enforcement: EnforcementConfig;
}

export interface EnforcementConfig {
  // Approved takedowns against one store that penalize it, and that close it.
  penaltyStrikes: number;
  closureStrikes: number;
  maxBulkTakedowns: number;
}

export interface LoginThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && !e.JWT_SECRET) {
    throw new ConfigError("Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production");
  }
  if (e.SELLER_CLOSURE_STRIKES <= e.SELLER_PENALTY_STRIKES) {
    throw new ConfigError("Invalid configuration:\n  SELLER_CLOSURE_STRIKES: must be greater than SELLER_PENALTY_STRIKES");
  }
  if (e.RISK_PRICE_FULL_RATIO >= e.RISK_PRICE_START_RATIO) {
    throw new ConfigError("Invalid configuration:\n  RISK_PRICE_FULL_RATIO: must be below RISK_PRICE_START_RATIO");
  }
  if (e.DATABASE_URL && !e.JWT_SECRET) {
    // A generated secret is only kept with embedded data; with a shared server every API process
    // must verify the same tokens, so the secret has to come from the environment.
    throw new ConfigError("Invalid configuration:\n  JWT_SECRET: required when DATABASE_URL is set");
  }
  if (e.NODE_ENV === "production" && !e.INTEL_HMAC_SECRET) {
    throw new ConfigError("Invalid configuration:\n  INTEL_HMAC_SECRET: required when NODE_ENV=production");
  }
  if (e.DATABASE_URL && !e.INTEL_HMAC_SECRET) {
    // Every API process must hash a value to the same key, and the stored hashes outlive any process.
    throw new ConfigError("Invalid configuration:\n  INTEL_HMAC_SECRET: required when DATABASE_URL is set");
  }
  if (e.JWT_SECRET !== undefined && e.JWT_SECRET === e.INTEL_HMAC_SECRET) {
    // A key for one use: signing everyone out after a leak must not orphan every stored hash too.
    throw new ConfigError("Invalid configuration:\n  INTEL_HMAC_SECRET: must differ from JWT_SECRET");
  }
  if (!e.DATABASE_URL && e.DATABASE_REPLICA_URLS) {
    throw new ConfigError("Invalid configuration:\n  DATABASE_REPLICA_URLS: needs DATABASE_URL (replicas are of a PostgreSQL server's database)");
  }
  if (!e.DATABASE_URL && e.API_WORKERS !== undefined && e.API_WORKERS > 1) {
    throw new ConfigError("Invalid configuration:\n  API_WORKERS: above 1 needs DATABASE_URL (the embedded database lives in one process)");
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    workers: e.API_WORKERS ?? (e.DATABASE_URL ? Math.min(availableParallelism(), MAX_API_WORKERS) : 1),
    database: e.DATABASE_URL
      ? { kind: "server", url: e.DATABASE_URL, replicaUrls: e.DATABASE_REPLICA_URLS ?? [], poolSize: e.DB_POOL_SIZE }
      : { kind: "embedded", dataDir: `${e.DATA_DIR}/pglite` },
    databaseTimeouts: { statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS, lockTimeoutMs: e.DB_LOCK_TIMEOUT_MS, connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS },
    dataDir: e.DATA_DIR,
    jwt: { secret: e.JWT_SECRET, ttlSeconds: e.JWT_TTL_SECONDS },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, windowSeconds: e.LOGIN_FAILURE_WINDOW_SECONDS },
    catalogue: { logoClashRefusalsPerDay: e.LOGO_CLASH_REFUSALS_PER_DAY },
    trustProxy: e.TRUST_PROXY,
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxCost: e.MAX_QUERY_COST,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxPageSize: e.MAX_PAGE_SIZE,
      readsPerOrganization: e.READS_PER_ORGANIZATION,
    },
    intel: {
      hmacSecret: e.INTEL_HMAC_SECRET,
      minMembers: e.INTEL_MATCH_MIN_MEMBERS,
      lookupsPerHour: e.INTEL_LOOKUPS_PER_HOUR,
      lookupsPerDay: e.INTEL_LOOKUPS_PER_DAY,
      maxQueriesPerMatch: e.INTEL_MAX_QUERIES_PER_MATCH,
      maxContributeBatch: e.INTEL_MAX_CONTRIBUTE_BATCH,
    },
    logLevel: e.LOG_LEVEL,
    membership: { memberBrandCap: e.MEMBER_BRAND_CAP, invitationTtlHours: e.INVITATION_TTL_HOURS },
    reports: { minContributors: e.REPORT_MIN_CONTRIBUTORS, dominanceShare: e.REPORT_DOMINANCE_SHARE },
    enforcement: {
      penaltyStrikes: e.SELLER_PENALTY_STRIKES,
      closureStrikes: e.SELLER_CLOSURE_STRIKES,
      maxBulkTakedowns: e.MAX_BULK_TAKEDOWNS,
    },
    ingest: {
      maxBatch: e.MAX_INGEST_BATCH,
      batchRows: e.INGEST_BATCH_ROWS,
      concurrency: e.DATABASE_URL ? e.INGEST_CONCURRENCY : 1,
    },
    risk: {
      weights: {
        PRICE_ANOMALY: e.RISK_WEIGHT_PRICE_ANOMALY,
        COUNTERFEIT_KEYWORDS: e.RISK_WEIGHT_COUNTERFEIT_KEYWORDS,
        LOGO_MATCH: e.RISK_WEIGHT_LOGO_MATCH,
        SPEC_MISMATCH: e.RISK_WEIGHT_SPEC_MISMATCH,
        REVIEW_BRUSHING: e.RISK_WEIGHT_REVIEW_BRUSHING,
        SELLER_HISTORY: e.RISK_WEIGHT_SELLER_HISTORY,
        INTEL_MATCH: e.RISK_WEIGHT_INTEL_MATCH,
      },
      flagThreshold: e.RISK_FLAG_THRESHOLD,
      logoMaxDistance: e.RISK_LOGO_MAX_DISTANCE,
      priceAnomalyStartRatio: e.RISK_PRICE_START_RATIO,
      priceAnomalyFullRatio: e.RISK_PRICE_FULL_RATIO,
      pricePlaceholderMaxMinor: e.RISK_PRICE_PLACEHOLDER_MAX_MINOR,
      counterfeitTerms: e.RISK_COUNTERFEIT_TERMS ?? DEFAULT_RISK_CONFIG.counterfeitTerms,
      comparativeMarkers: e.RISK_COMPARATIVE_MARKERS ?? DEFAULT_RISK_CONFIG.comparativeMarkers,
      negativeContexts: e.RISK_NEGATIVE_CONTEXTS ?? DEFAULT_RISK_CONFIG.negativeContexts,
      cnyPerUnit: { ...DEFAULT_RISK_CONFIG.cnyPerUnit, ...e.RISK_CNY_PER_UNIT },
      confirmedByMinMembers: e.RISK_CONFIRMED_MIN_MEMBERS,
    },
  };
}
