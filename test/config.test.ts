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
