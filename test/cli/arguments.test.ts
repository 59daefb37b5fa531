import { InvalidArgumentError } from "commander";
import { isoDate, positiveInt, scopeList, seedNumber } from "../../src/cli/arguments";
import { generateListings } from "../../src/generator/marketplace-generator";
import { Scope } from "../../src/auth/scopes";

// The CLI's option values are checked as strictly as the configuration's.

it("takes a count in digits only", () => {
  expect(positiveInt("3000")).toBe(3000);
  expect(positiveInt(" 12 ")).toBe(12);
  for (const value of ["0", "-1", "1e3", "0x10", "1.5", "", "12abc", "99999999999999999999"]) {
    expect(() => positiveInt(value)).toThrow(new InvalidArgumentError("expected a whole number above 0, in digits"));
  }
});

it("takes a seed of 0 as a seed, and none the generator would take for a smaller one", () => {
  expect(seedNumber("0")).toBe(0);
  expect(seedNumber("2017")).toBe(2017);
  expect(seedNumber("4294967295")).toBe(4294967295);
  for (const value of ["-1", "1e3", "0x10", "1.5", "", "4294967296", "99999999999999999999"]) {
    expect(() => seedNumber(value)).toThrow(new InvalidArgumentError("expected a whole number from 0 to 4294967295, in digits"));
  }
  const now = new Date("2026-11-01T00:00:00Z");
  const listings = (seed: number) => JSON.stringify([...generateListings({ listings: 5, seed, now })]);
  expect(listings(0)).toBe(listings(0));
  expect(listings(0)).not.toBe(listings(1));
});

it("takes scopes it knows, comma-separated, and names an empty one as such", () => {
  expect(scopeList("infringements:read, intel:read")).toEqual([Scope.INFRINGEMENTS_READ, Scope.INTEL_READ]);
  expect(() => scopeList("infringements:read,")).toThrow('an empty scope in "infringements:read,": separate scopes with single commas');
  expect(() => scopeList("infringements:raed")).toThrow(/^unknown scopes infringements:raed; known: /);
});

it("takes an ISO 8601 date or a date-time with its zone, and nothing Date would guess at", () => {
  expect(isoDate("2027-03-05").toISOString()).toBe("2027-03-05T00:00:00.000Z");
  expect(isoDate("2027-03-05T12:30:00+08:00").toISOString()).toBe("2027-03-05T04:30:00.000Z");
  expect(isoDate("2027-03-05T12:30:00.123Z").toISOString()).toBe("2027-03-05T12:30:00.123Z");
  for (const value of ["March 5 2027", "2027-03-05 12:00", "2027-03-05T12:00:00", "2027-02-30", "2027-13-01", "tomorrow", ""]) {
    expect(() => isoDate(value)).toThrow(/^expected an ISO 8601 date or date-time with its zone/);
  }
});
