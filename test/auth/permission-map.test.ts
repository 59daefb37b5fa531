import { isObjectType } from "graphql";
import type { ShieldRule } from "graphql-shield/typings/types";
import { missingPermissions } from "../../src/auth/permission-completeness";
import { permissionMap } from "../../src/auth/permissions";
import { secureSchema } from "../../src/auth/secure-schema";
import { buildBaseSchema } from "../../src/schema/build-schema";

// How a rule reads in review: its name, or its parts for a combination.
function describeRule(rule: ShieldRule): string {
  const candidate = rule as unknown as { name?: string; getRules?: () => ShieldRule[]; constructor: { name: string } };
  if (candidate.constructor.name === "RuleTrue") return "allow";
  if (candidate.constructor.name === "RuleFalse") return "deny";
  if (candidate.getRules) {
    const kind = candidate.constructor.name.replace(/^Rule/, "").toLowerCase();
    return `${kind}(${candidate.getRules().map(describeRule).join(", ")})`;
  }
  return candidate.name ?? "?";
}

describe("permission map", () => {
  const schema = buildBaseSchema();

  it("names every field of every object type, and nothing else", () => {
    expect(missingPermissions(schema, permissionMap)).toEqual([]);
  });

  it("makes the server refuse a schema with an unguarded field", () => {
    const { Listing: _listing, ...withoutListing } = permissionMap;
    const problems = missingPermissions(schema, withoutListing);
    expect(problems).toContain("Listing.title has no rule");
    expect(() => secureSchema(schema, withoutListing)).toThrow(/Listing\.title has no rule/);
    expect(() => secureSchema(schema)).not.toThrow();
  });

  it("reports entries for fields that no longer exist", () => {
    const stale = { ...permissionMap, Listing: { ...permissionMap.Listing, formerField: permissionMap.Listing.title } };
    expect(missingPermissions(schema, stale)).toEqual(["Listing.formerField is in the permission map but not in the schema"]);
  });

  it("covers object types only the map can see, including connection and payload types", () => {
    const objectTypes = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
      .map((type) => type.name)
      .sort();
    expect(Object.keys(permissionMap).sort()).toEqual(objectTypes);
  });

  it("names each distinct rule apart, since graphql-shield caches a request's outcomes by rule name", () => {
    const rulesByName = new Map<string, Set<ShieldRule>>();
    const collect = (rule: ShieldRule) => {
      const candidate = rule as unknown as { name?: string; getRules?: () => ShieldRule[] };
      if (candidate.getRules) return candidate.getRules().forEach(collect);
      if (candidate.name) rulesByName.set(candidate.name, (rulesByName.get(candidate.name) ?? new Set()).add(rule));
    };
    Object.values(permissionMap).forEach((fields) => Object.values(fields).forEach((rule) => collect(rule as ShieldRule)));
    const shared = [...rulesByName].filter(([, rules]) => rules.size > 1).map(([name]) => name);
    expect(rulesByName.size).toBeGreaterThan(10);
    expect(shared).toEqual([]);
  });

  // A diff in this snapshot changes who can read or do what: review it as such.
  it("matches the reviewed snapshot", () => {
    const lines = Object.entries(permissionMap).flatMap(([type, fields]) =>
      Object.entries(fields).map(([field, rule]) => `${type}.${field}: ${describeRule(rule as ShieldRule)}`),
    );
    expect(lines.join("\n")).toMatchSnapshot();
  });
});
