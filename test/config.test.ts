import { ConfigError, loadConfig } from "../src/config";

// TRUST_PROXY: which proxies in front may name the client, in Express's terms.
describe("TRUST_PROXY", () => {
  it("trusts no proxy by default, and takes a number of hops or addresses, ranges and Express's names", () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: " loopback, 10.0.0.0/8 ,fd00::/8,192.0.2.7 " }).trustProxy).toEqual(["loopback", "10.0.0.0/8", "fd00::/8", "192.0.2.7"]);
  });

  it("refuses anything else at start, naming the variable and the entry", () => {
    for (const [value, bad] of [["proxy.example", "proxy.example"], ["10.0.0.0/33", "10.0.0.0/33"], ["loopback,", ""], ["-1", "-1"]]) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(`TRUST_PROXY: "${bad}" is neither a number of hops, an address or range, nor loopback, linklocal or uniquelocal`);
    }
  });
});

describe("numbers in the environment", () => {
  it("are read in decimal digits, with surrounding spaces allowed", () => {
    const config = loadConfig({ PORT: " 4100 ", DB_STATEMENT_TIMEOUT_MS: "0", REPORT_DOMINANCE_SHARE: "0.75", RISK_PRICE_START_RATIO: "0.8" });
    expect([config.port, config.databaseTimeouts.statementTimeoutMs, config.reports.dominanceShare, config.risk.priceAnomalyStartRatio]).toEqual([4100, 0, 0.75, 0.8]);
  });

  it("refuse an empty value, hexadecimal, exponents and other shapes, naming the variable, where they were read as 0 or as JavaScript reads them", () => {
    for (const [name, value] of [
      ["PORT", ""],
      ["PORT", " "],
      ["PORT", "0x10"],
      ["PORT", "1e3"],
      ["DB_STATEMENT_TIMEOUT_MS", ""],
      ["RISK_FLAG_THRESHOLD", ""],
      ["RISK_WEIGHT_PRICE_ANOMALY", ""],
      ["RISK_PRICE_FULL_RATIO", ""],
      ["RISK_PRICE_PLACEHOLDER_MAX_MINOR", "0.5"],
      ["API_WORKERS", "2.0"],
      ["REPORT_DOMINANCE_SHARE", ".9"],
    ]) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: must be a (whole )?number in decimal digits \\(unset it for its default\\)`));
    }
  });

  it("refuse a reference rate of 0, and any rate of CNY but 1", () => {
    expect(() => loadConfig({ RISK_CNY_PER_UNIT: "USD=0" })).toThrow("RISK_CNY_PER_UNIT: a rate must be above 0");
    // Digits past a double's range read as Infinity: a 1.00 USD price at that rate was above every MSRP, and got no price signal.
    expect(() => loadConfig({ RISK_CNY_PER_UNIT: `USD=${"9".repeat(400)}` })).toThrow("RISK_CNY_PER_UNIT: a rate must be above 0, and finite");
    expect(() => loadConfig({ RISK_CNY_PER_UNIT: "USD=7.1,CNY=3" })).toThrow("RISK_CNY_PER_UNIT: CNY is 1 CNY, always");
    expect(loadConfig({ RISK_CNY_PER_UNIT: "CNY=1,TWD=0.22" }).risk.cnyPerUnit).toMatchObject({ CNY: 1, TWD: 0.22 });
  });
});

// Values the schema took that failed only later: a timer past Node's largest, a date past
// JavaScript's, a URL the driver could not read.
describe("values that would fail later", () => {
  const refusal = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error(`${JSON.stringify(env)} was accepted`);
  };

  it("refuse a database time limit over a day, where Node's timers overflowed (at 2^31-1 ms, less the client's 5 s margin)", () => {
    for (const name of ["DB_STATEMENT_TIMEOUT_MS", "DB_LOCK_TIMEOUT_MS", "DB_CONNECT_TIMEOUT_MS"]) {
      for (const value of ["86400001", "2147478648", "3000000000"]) {
        expect(refusal({ [name]: value })).toBe(`Invalid configuration:\n  ${name}: must be at most 86400000 (a day)`);
      }
    }
    const config = loadConfig({ DB_STATEMENT_TIMEOUT_MS: "86400000", DB_LOCK_TIMEOUT_MS: "86400000", DB_CONNECT_TIMEOUT_MS: "86400000" });
    expect(config.databaseTimeouts).toEqual({ statementTimeoutMs: 86400000, lockTimeoutMs: 86400000, connectTimeoutMs: 86400000 });
  });

  it("refuse a sign-in window over a day and more than 1000 failures in it, which the throttle's SQL could not take", () => {
    expect(refusal({ LOGIN_FAILURE_WINDOW_SECONDS: "1000000000000000" })).toBe("Invalid configuration:\n  LOGIN_FAILURE_WINDOW_SECONDS: must be at most 86400 (a day)");
    expect(refusal({ LOGIN_FAILURE_WINDOW_SECONDS: "86401" })).toMatch(/LOGIN_FAILURE_WINDOW_SECONDS: must be at most 86400/);
    expect(refusal({ LOGIN_MAX_FAILURES: "3000000000" })).toBe("Invalid configuration:\n  LOGIN_MAX_FAILURES: must be at most 1000");
    expect(loadConfig({ LOGIN_FAILURE_WINDOW_SECONDS: "86400", LOGIN_MAX_FAILURES: "1000" }).login).toEqual({ maxFailures: 1000, windowSeconds: 86400 });
  });

  it("refuse a logo clash budget of none, which would refuse every logo, and of more than 100 a day, which would be none", () => {
    expect(refusal({ LOGO_CLASH_REFUSALS_PER_DAY: "0" })).toMatch(/LOGO_CLASH_REFUSALS_PER_DAY: Too small/);
    expect(refusal({ LOGO_CLASH_REFUSALS_PER_DAY: "101" })).toBe("Invalid configuration:\n  LOGO_CLASH_REFUSALS_PER_DAY: must be at most 100");
    expect([loadConfig({}).catalogue, loadConfig({ LOGO_CLASH_REFUSALS_PER_DAY: "100" }).catalogue]).toEqual([
      { logoClashRefusalsPerDay: 5 },
      { logoClashRefusalsPerDay: 100 },
    ]);
  });

  it("refuse a token lifetime over a year and an invitation's over 90 days, where the dates were invalid", () => {
    expect(refusal({ JWT_TTL_SECONDS: "99999999999999" })).toBe("Invalid configuration:\n  JWT_TTL_SECONDS: must be at most 31536000 (a year)");
    expect(refusal({ JWT_TTL_SECONDS: "31536001" })).toMatch(/JWT_TTL_SECONDS: must be at most 31536000/);
    expect(refusal({ INVITATION_TTL_HOURS: "99999999999" })).toBe("Invalid configuration:\n  INVITATION_TTL_HOURS: must be at most 2160 (90 days)");
    expect(refusal({ INVITATION_TTL_HOURS: "2161" })).toMatch(/INVITATION_TTL_HOURS: must be at most 2160/);
    const config = loadConfig({ JWT_TTL_SECONDS: "31536000", INVITATION_TTL_HOURS: "2160" });
    expect([config.jwt.ttlSeconds, config.membership.invitationTtlHours]).toEqual([31536000, 2160]);
  });

  it("refuse more API workers or pooled connections than a machine or a server could use", () => {
    const server = { DATABASE_URL: "postgres://db.example/alliance", JWT_SECRET: "j".repeat(40), INTEL_HMAC_SECRET: "h".repeat(40) };
    expect(refusal({ ...server, API_WORKERS: "1000" })).toMatch(/^Invalid configuration:\n {2}API_WORKERS: Too big: expected number to be <=256$/);
    expect(refusal({ ...server, DB_POOL_SIZE: "100000" })).toMatch(/^Invalid configuration:\n {2}DB_POOL_SIZE: Too big: expected number to be <=1000$/);
    const config = loadConfig({ ...server, API_WORKERS: "256", DB_POOL_SIZE: "1000" });
    expect([config.workers, config.database.kind === "server" && config.database.poolSize]).toEqual([256, 1000]);
  });

  it("refuse a database URL the driver cannot read, in a line that never shows it", () => {
    const advice = "percent-encode any of @ : / ? # [ ] in its user name or password";
    for (const url of ["postgres://postgres:S3cretPW@[bad/audit_ops", "postgres://postgres:S3cret#PW@db.example/alliance", "postgres://db.example:99999/alliance", "mysql://db.example/alliance"]) {
      const message = refusal({ DATABASE_URL: url, JWT_SECRET: "j".repeat(40), INTEL_HMAC_SECRET: "h".repeat(40) });
      expect(message).toBe(`Invalid configuration:\n  DATABASE_URL: must be a postgres:// or postgresql:// URL (${advice})`);
    }
    const replicas = refusal({ DATABASE_URL: "postgres://db.example/a", DATABASE_REPLICA_URLS: "postgres://r1.example/a,postgres://u:S3cretPW@[r2/a", JWT_SECRET: "j".repeat(40), INTEL_HMAC_SECRET: "h".repeat(40) });
    expect(replicas).toBe(`Invalid configuration:\n  DATABASE_REPLICA_URLS: must be postgres:// URLs separated by commas (${advice})`);
    // What pg reads: a password with @ in it, an IPv6 address, no host (the local socket) with or without a user.
    for (const url of ["postgres://u:p@ss@db.example/a", "postgresql://[::1]:5432/a", "postgres:///a", "postgres://u@/a?host=/var/run/postgresql"]) {
      expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: "j".repeat(40), INTEL_HMAC_SECRET: "h".repeat(40) }).database).toMatchObject({ url });
    }
  });

  it("refuse a secret of whitespace, and one secret for both uses", () => {
    for (const name of ["JWT_SECRET", "INTEL_HMAC_SECRET"]) {
      for (const value of [" ".repeat(40), `${" ".repeat(20)}${"s".repeat(20)}\t`]) {
        expect(refusal({ [name]: value })).toBe(`Invalid configuration:\n  ${name}: must be at least 32 characters, not counting whitespace around them`);
      }
    }
    expect(refusal({ JWT_SECRET: "s".repeat(40), INTEL_HMAC_SECRET: "s".repeat(40) })).toBe("Invalid configuration:\n  INTEL_HMAC_SECRET: must differ from JWT_SECRET");
  });
});

describe("RISK_COMPARATIVE_MARKERS", () => {
  it("replaces the built-in markers, and must name one", () => {
    expect(loadConfig({}).risk.comparativeMarkers).toContain("compatible with");
    expect(loadConfig({ RISK_COMPARATIVE_MARKERS: "for, 适用于 " }).risk.comparativeMarkers).toEqual(["for", "适用于"]);
    expect(() => loadConfig({ RISK_COMPARATIVE_MARKERS: " , " })).toThrow("RISK_COMPARATIVE_MARKERS: must name at least one term");
  });
});

describe("RISK_NEGATIVE_CONTEXTS", () => {
  it("replaces the built-in phrases in which a brand's name does not count", () => {
    expect(loadConfig({}).risk.negativeContexts).toContain("三星堆");
    expect(loadConfig({ RISK_NEGATIVE_CONTEXTS: " 三星堆, Sonny Angel " }).risk.negativeContexts).toEqual(["三星堆", "Sonny Angel"]);
  });
});
