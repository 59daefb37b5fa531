import { chain, rule } from "graphql-shield";
import type { RequestContext } from "../context";
import { forbidden, unauthenticated } from "../errors";
import { parseGlobalId } from "../schema/global-id";
import { isNodeTypeName, type NodeTypeName } from "../schema/node-types";
import { Scope } from "./scopes";
import { isOrgAdmin, isPlatform, type Viewer } from "./viewer";

// The building blocks of the permission map. A denial is a coded error that depends only on who
// asks and which field, never on the row, so it cannot tell whether a record exists.

interface Requirement {
  name: string;
  check: (viewer: Viewer) => boolean;
  message: string;
}

const scope = (s: Scope): Requirement => ({
  name: `scope(${s})`,
  check: (viewer) => viewer.scopes.has(s),
  message: `This needs the ${s} scope`,
});

const anyScope = (...scopes: Scope[]): Requirement => ({
  name: `anyScope(${scopes.join(",")})`,
  check: (viewer) => scopes.some((s) => viewer.scopes.has(s)),
  message: `This needs one of the scopes ${scopes.join(", ")}`,
});

const REQUIREMENTS = {
  signedIn: { name: "signedIn", check: () => true, message: "" },
  catalogue: scope(Scope.CATALOGUE_READ),
  brands: anyScope(Scope.CATALOGUE_READ, Scope.INFRINGEMENTS_READ),
  infringements: scope(Scope.INFRINGEMENTS_READ),
  // A write answers with the record written, so it needs the read scope too; without it the change
  // would be made and then refused, and a client would retry it.
  writeInfringements: {
    name: "scopes(infringements:read,infringements:write)",
    check: (viewer: Viewer) => viewer.scopes.has(Scope.INFRINGEMENTS_READ) && viewer.scopes.has(Scope.INFRINGEMENTS_WRITE),
    message: "This needs the infringements:read and infringements:write scopes",
  },
  organizationAdmin: {
    name: "organizationAdmin",
    check: isOrgAdmin,
    message: "Only an organization admin (a user, not an API key) may do this",
  },
  // Only the platform scans marketplaces; brands can never hold ingest:write (scopes.ts).
  ingestListings: {
    name: "ingestListings",
    check: (viewer: Viewer) => isPlatform(viewer) && viewer.scopes.has(Scope.INGEST_WRITE),
    message: "Only the platform, with the ingest:write scope, may ingest listings",
  },
  platformOnly: {
    name: "platformOnly",
    check: (viewer: Viewer) => isPlatform(viewer) && viewer.scopes.has(Scope.INFRINGEMENTS_READ),
    message: "Only the platform may read this field",
  },
} satisfies Record<string, Requirement>;

// Who may read each Node type: every field of the type requires it, and node(id:) checks it
// before looking anything up.
const NODE_TYPE_REQUIREMENTS: Record<NodeTypeName, Requirement> = {
  Organization: REQUIREMENTS.signedIn,
  Brand: REQUIREMENTS.brands,
  Product: REQUIREMENTS.catalogue,
  Seller: REQUIREMENTS.infringements,
  Listing: REQUIREMENTS.infringements,
  Infringement: REQUIREMENTS.infringements,
  InfringementNote: REQUIREMENTS.infringements,
  ApiKey: REQUIREMENTS.organizationAdmin,
};

export const isAuthenticated = rule("isAuthenticated", { cache: "contextual" })(
  (_parent, _args, context: RequestContext) => (context.viewer ? true : unauthenticated()),
);

// One rule object per requirement: graphql-shield caches by rule name and refuses two rules of
// the same name.
const rulesOfRequirements = new Map<Requirement, ReturnType<typeof chain>>();

function requirementRule(requirement: Requirement) {
  let made = rulesOfRequirements.get(requirement);
  if (!made) {
    made = chain(
      isAuthenticated,
      rule(requirement.name, { cache: "contextual" })((_parent, _args, context: RequestContext) =>
        context.viewer && requirement.check(context.viewer) ? true : forbidden(requirement.message),
      ),
    );
    rulesOfRequirements.set(requirement, made);
  }
  return made;
}

export const can = {
  readCatalogue: requirementRule(REQUIREMENTS.catalogue),
  readBrands: requirementRule(REQUIREMENTS.brands),
  readInfringements: requirementRule(REQUIREMENTS.infringements),
  writeInfringements: requirementRule(REQUIREMENTS.writeInfringements),
  manageOrganization: requirementRule(REQUIREMENTS.organizationAdmin),
  readPlatformOnly: requirementRule(REQUIREMENTS.platformOnly),
  ingestListings: requirementRule(REQUIREMENTS.ingestListings),
};

export const canReadNodeType = (typeName: NodeTypeName) => requirementRule(NODE_TYPE_REQUIREMENTS[typeName]);

function typeNameOf(globalId: string): string | null {
  try {
    return parseGlobalId(globalId).typeName;
  } catch {
    return null;
  }
}

// node(id:) reads its argument, so this rule is cached per call ("strict"), not per request.
export const canFetchNode = chain(
  isAuthenticated,
  rule("canFetchNode", { cache: "strict" })((_parent, args: { id?: unknown }, context: RequestContext) => {
    if (typeof args.id !== "string" || !context.viewer) return true;
    // A malformed id or an unknown type is for the resolver to answer (BAD_USER_INPUT, or null).
    const typeName = typeNameOf(args.id);
    if (!typeName || !isNodeTypeName(typeName)) return true;
    const requirement = NODE_TYPE_REQUIREMENTS[typeName];
    return requirement.check(context.viewer) ? true : forbidden(requirement.message);
  }),
);
