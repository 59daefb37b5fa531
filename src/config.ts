import { z } from "zod";

// Every setting comes from the environment and is validated once at start, so a bad value stops the
// process with a message naming the variable instead of failing later in a request.
const int = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: int(4000, 0).pipe(z.number().max(65535)),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  DB_POOL_SIZE: int(10),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_TTL_SECONDS: int(8 * 3600, 60),
  MAX_QUERY_DEPTH: int(8),
  MAX_QUERY_ALIASES: int(15),
  // graphql-armor's cost grows by 1.5x a nesting level; a full dashboard page query costs about 9,000.
  MAX_QUERY_COST: int(20000),
  MAX_QUERY_TOKENS: int(2000),
  MAX_BODY_BYTES: int(100_000),
  MAX_PAGE_SIZE: int(100),
  INTEL_HMAC_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  INTEL_MATCH_MIN_MEMBERS: int(2),
  INTEL_LOOKUPS_PER_HOUR: int(500),
  INTEL_LOOKUPS_PER_DAY: int(2000),
  INTEL_MAX_QUERIES_PER_MATCH: int(100),
  INTEL_MAX_CONTRIBUTE_BATCH: int(1000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  MEMBER_BRAND_CAP: int(20),
  INVITATION_TTL_HOURS: int(7 * 24),
  REPORT_MIN_CONTRIBUTORS: int(3, 2),
  REPORT_DOMINANCE_SHARE: z.coerce.number().gt(0.5).max(1).default(0.8),
  SELLER_PENALTY_STRIKES: int(3),
  SELLER_CLOSURE_STRIKES: int(5),
  MAX_BULK_TAKEDOWNS: int(100),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  nodeEnv: Env["NODE_ENV"];
  port: number;
  database: { kind: "server"; url: string; poolSize: number } | { kind: "embedded"; dataDir: string };
  dataDir: string;
  jwt: { secret: string | undefined; ttlSeconds: number };
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxTokens: number;
    maxBodyBytes: number;
    maxPageSize: number;
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
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: "server", url: e.DATABASE_URL, poolSize: e.DB_POOL_SIZE }
      : { kind: "embedded", dataDir: `${e.DATA_DIR}/pglite` },
    dataDir: e.DATA_DIR,
    jwt: { secret: e.JWT_SECRET, ttlSeconds: e.JWT_TTL_SECONDS },
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxCost: e.MAX_QUERY_COST,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxPageSize: e.MAX_PAGE_SIZE,
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
  };
}
