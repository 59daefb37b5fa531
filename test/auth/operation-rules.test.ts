import { parse, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import { secureSchema, settleOperationRules } from "../../src/auth/secure-schema";
import { Scope, scopesOfRole } from "../../src/auth/scopes";
import type { Viewer } from "../../src/auth/viewer";
import type { RequestContext } from "../../src/context";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { buildBaseSchema } from "../../src/schema/build-schema";

// settleOperationRules settles, before an operation runs, the per-request rules of the fields it
// selects, so that the guarded fields answer at once instead of through a promise; what it
// settles must be exactly what the rule would have decided for that request, allowed or refused.

const schema = secureSchema(buildBaseSchema());
const sellerField = (name: string) =>
  (schema.getType("Seller") as GraphQLObjectType).getFields()[name].resolve as GraphQLFieldResolver<unknown, RequestContext>;

const viewerOf = (orgKind: OrgKind): Viewer => ({
  principal: "USER",
  principalId: "00000000-0000-4000-8000-000000000001",
  orgId: "00000000-0000-4000-8000-000000000002",
  orgKind,
  role: UserRole.ANALYST,
  scopes: new Set(scopesOfRole(orgKind, UserRole.ANALYST)),
});
const contextOf = (orgKind: OrgKind) => ({ viewer: viewerOf(orgKind) }) as unknown as RequestContext;

// A row as the loaders give it (the schema calls publicName `name`).
const seller = { id: "00000000-0000-4000-8000-000000000003", publicName: "Star Store 666", riskSignals: [] };
const read = (field: string, context: RequestContext) =>
  sellerField(field)(seller, {}, context, { fieldName: field } as GraphQLResolveInfo);

const isPromise = (value: unknown) => typeof (value as Promise<unknown> | null)?.then === "function";

const SELLERS = parse(`{ infringements(first: 5) { edges { node { seller { name riskSignals { kind } } } } } }`);
const NAMES_ONLY = parse(`{ infringements(first: 5) { edges { node { seller { name } } } } }`);

describe("settling an operation's rules before it runs", () => {
  it("answers an allowed field at once and refuses a forbidden one at once, as the rule decides", async () => {
    const brand = contextOf(OrgKind.BRAND);
    expect(isPromise(read("name", brand))).toBe(true);

    await settleOperationRules(schema, SELLERS, brand);
    expect(read("name", brand)).toBe("Star Store 666");
    expect(() => read("riskSignals", brand)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN" }) }));
  });

  it("settles only the rules of the fields the operation selects", async () => {
    const brand = contextOf(OrgKind.BRAND);
    await settleOperationRules(schema, NAMES_ONLY, brand);
    expect(read("name", brand)).toBe("Star Store 666");
    // riskSignals has a rule of its own, not selected here: it is still decided when it runs.
    const riskSignals = read("riskSignals", brand);
    expect(isPromise(riskSignals)).toBe(true);
    await expect(riskSignals).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });

  it("keeps each request's outcomes to that request", async () => {
    const brand = contextOf(OrgKind.BRAND);
    const platform = contextOf(OrgKind.PLATFORM);
    await settleOperationRules(schema, SELLERS, brand);
    expect(isPromise(read("riskSignals", platform))).toBe(true);

    await settleOperationRules(schema, SELLERS, platform);
    expect(read("riskSignals", platform)).toEqual([]);
    expect(() => read("riskSignals", brand)).toThrow();
  });

  it("refuses a seller's fields to a key without infringements:read", async () => {
    const ingestKey = { viewer: { ...viewerOf(OrgKind.BRAND), principal: "API_KEY", role: null, scopes: new Set([Scope.INGEST_WRITE]) } } as unknown as RequestContext;
    await settleOperationRules(schema, SELLERS, ingestKey);
    expect(() => read("name", ingestKey)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN" }) }));
  });

  it("lets an agency's analyst read a referred seller's name (rows are its row scope's to limit), not the platform's signals", async () => {
    const agency = contextOf(OrgKind.AGENCY);
    await settleOperationRules(schema, SELLERS, agency);
    expect(read("name", agency)).toBe("Star Store 666");
    expect(() => read("riskSignals", agency)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN" }) }));
  });

  it("refuses every guarded field to a request without a viewer", async () => {
    const anonymous = { viewer: null } as unknown as RequestContext;
    await settleOperationRules(schema, SELLERS, anonymous);
    expect(() => read("name", anonymous)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) }));
  });
});
