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
      ["API_WORKERS", "2.0"],
      ["REPORT_DOMINANCE_SHARE", ".9"],
    ]) {
      expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: must be a (whole )?number in decimal digits \\(unset it for its default\\)`));
    }
  });

  it("refuse a reference rate of 0, and any rate of CNY but 1", () => {
    expect(() => loadConfig({ RISK_CNY_PER_UNIT: "USD=0" })).toThrow("RISK_CNY_PER_UNIT: a rate must be above 0");
    expect(() => loadConfig({ RISK_CNY_PER_UNIT: "USD=7.1,CNY=3" })).toThrow("RISK_CNY_PER_UNIT: CNY is 1 CNY, always");
    expect(loadConfig({ RISK_CNY_PER_UNIT: "CNY=1,TWD=0.22" }).risk.cnyPerUnit).toMatchObject({ CNY: 1, TWD: 0.22 });
  });
});
