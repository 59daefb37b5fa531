import { chain, rule } from "graphql-shield";
import type { RequestContext } from "../context";
import { forbidden, unauthenticated } from "../errors";
import { parseGlobalId } from "../schema/global-id";
import { isNodeTypeName, type NodeTypeName } from "../schema/node-types";
import { Scope } from "./scopes";
import { OrgKind, UserRole } from "../entities/enums";
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

const bothScopes = (kind: OrgKind | null, read: Scope, write: Scope, message: string): Requirement => ({
  name: `${kind ?? "any"}:scopes(${read},${write})`,
  check: (viewer) => (kind === null || viewer.orgKind === kind) && viewer.scopes.has(read) && viewer.scopes.has(write),
  message,
});

// An agency holds no infringements:read: it reads cases (infringements, their listings, sellers,
// brands and test buys) with referrals:read, and its row scopes narrow that to the cases of the
// referrals sent to it. Every other organization reads cases with infringements:read.
const caseReadScope = (viewer: Viewer) => (viewer.orgKind === OrgKind.AGENCY ? Scope.REFERRALS_READ : Scope.INFRINGEMENTS_READ);

const REQUIREMENTS = {
  signedIn: { name: "signedIn", check: () => true, message: "" },
  catalogue: scope(Scope.CATALOGUE_READ),
  brands: {
    name: "brands",
    check: (viewer: Viewer) =>
      viewer.orgKind === OrgKind.AGENCY
        ? viewer.scopes.has(Scope.REFERRALS_READ)
        : viewer.scopes.has(Scope.CATALOGUE_READ) || viewer.scopes.has(Scope.INFRINGEMENTS_READ),
    message: "This needs one of the scopes catalogue:read, infringements:read (referrals:read for an agency)",
  },
  infringements: scope(Scope.INFRINGEMENTS_READ),
  cases: {
    name: "cases",
    check: (viewer: Viewer) => viewer.scopes.has(caseReadScope(viewer)),
    message: "This needs the infringements:read scope (referrals:read for an agency)",
  },
  // A brand sees the referrals holding its cases with infringements:read; the platform and agencies
  // need referrals:read.
  referrals: {
    name: "referrals",
    check: (viewer: Viewer) =>
      viewer.scopes.has(viewer.orgKind === OrgKind.BRAND ? Scope.INFRINGEMENTS_READ : Scope.REFERRALS_READ),
    message: "This needs the referrals:read scope (infringements:read for a brand)",
  },
  // What the platform wrote to the agency (it may name sellers and other brands' cases).
  referralDetails: {
    name: "referralDetails",
    check: (viewer: Viewer) => viewer.orgKind !== OrgKind.BRAND && viewer.scopes.has(Scope.REFERRALS_READ),
    message: "Only the platform and the agency a referral was sent to may read this field",
  },
  // A seller's registered name, contact and payment account: the platform, or an agency (whose row
  // scope already limits it to the sellers referred to it). A brand never.
  sellerIdentity: {
    name: "sellerIdentity",
    check: (viewer: Viewer) =>
      (isPlatform(viewer) && viewer.scopes.has(Scope.INFRINGEMENTS_READ)) ||
      (viewer.orgKind === OrgKind.AGENCY && viewer.scopes.has(Scope.REFERRALS_READ)),
    message: "Only the platform (with the infringements:read scope) and the agencies a seller was referred to (with referrals:read) may read its identity",
  },
  // The platform executes takedowns: it decides brands' requests, and takes listings down on its own.
  decideTakedowns: bothScopes(
    OrgKind.PLATFORM,
    Scope.INFRINGEMENTS_READ,
    Scope.INFRINGEMENTS_WRITE,
    "Only the platform, with the infringements:read and infringements:write scopes, decides takedowns and takes listings down",
  ),
  // A brand's genuine catalogue is its own to keep: the platform reads it (the risk model does),
  // and changes none.
  writeCatalogue: bothScopes(
    OrgKind.BRAND,
    Scope.CATALOGUE_READ,
    Scope.CATALOGUE_WRITE,
    "Only a brand, with the catalogue:read and catalogue:write scopes, keeps its catalogue",
  ),
  // The platform closes a request by deciding it; only the brand that asked takes it back (its row
  // scope narrows that to its own requests).
  withdrawTakedowns: bothScopes(
    OrgKind.BRAND,
    Scope.INFRINGEMENTS_READ,
    Scope.INFRINGEMENTS_WRITE,
    "Only the requesting brand, with the infringements:read and infringements:write scopes, withdraws a takedown request",
  ),
  createReferrals: bothScopes(
    OrgKind.PLATFORM,
    Scope.REFERRALS_READ,
    Scope.REFERRALS_WRITE,
    "Only the platform, with the referrals:read and referrals:write scopes, refers cases to an agency and withdraws a referral",
  ),
  updateReferrals: bothScopes(
    OrgKind.AGENCY,
    Scope.REFERRALS_READ,
    Scope.REFERRALS_WRITE,
    "Only an agency, with the referrals:read and referrals:write scopes, records a referral's progress",
  ),
  // A case is its brand's to work: the platform reads every case and decides takedowns, but a
  // review, a note, a test buy or a takedown request made by it would count as the brand's (in its
  // statistics and the alliance's reports) while the brand could not tell who made it.
  // Named apart from withdrawTakedowns, which checks the same: graphql-shield caches a request's
  // rule outcomes by name, denial message included.
  workOwnCases: {
    ...bothScopes(
      OrgKind.BRAND,
      Scope.INFRINGEMENTS_READ,
      Scope.INFRINGEMENTS_WRITE,
      "This needs the infringements:read and infringements:write scopes of the brand whose case it is (the platform decides takedowns; it does not work brands' cases)",
    ),
    name: "caseOwner:scopes(infringements:read,infringements:write)",
  },
  // A write answers with the record written, so it needs the read scope too; without it the change
  // would be made and then refused, and a client would retry it.
  writeInfringements: {
    name: "scopes(infringements:read,infringements:write)",
    check: (viewer: Viewer) => viewer.scopes.has(Scope.INFRINGEMENTS_READ) && viewer.scopes.has(Scope.INFRINGEMENTS_WRITE),
    message: "This needs the infringements:read and infringements:write scopes",
  },
  intel: scope(Scope.INTEL_READ),
  // Writes answer with what they wrote, so they need the read scope too.
  writeIntel: {
    name: "scopes(intel:read,intel:write)",
    check: (viewer: Viewer) => viewer.scopes.has(Scope.INTEL_READ) && viewer.scopes.has(Scope.INTEL_WRITE),
    message: "This needs the intel:read and intel:write scopes",
  },
  ownAccount: {
    name: "ownAccount",
    check: (viewer: Viewer) => viewer.principal === "USER",
    message: "This is a signed-in user's own account: an API key has none",
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
  platformAdmin: {
    name: "platformAdmin",
    check: (viewer: Viewer) => isPlatform(viewer) && isOrgAdmin(viewer),
    message: "Only a platform admin (a user, not an API key) may do this",
  },
  // Governance rules and alliance feedback: the platform and the members, not agencies.
  readGovernance: {
    name: "readGovernance",
    check: (viewer: Viewer) => viewer.orgKind !== OrgKind.AGENCY,
    message: "Governance is for the platform and the alliance's members",
  },
  // Feedback is people speaking for their organization (its own include PRIVATE complaints and
  // their authors): read by users, as it is written by them. No API key scope covers it.
  readFeedback: {
    name: "readFeedback",
    check: (viewer: Viewer) => viewer.orgKind !== OrgKind.AGENCY && viewer.principal === "USER",
    message: "Policy feedback is read by the platform's and the members' users: not by agencies, nor by API keys",
  },
  // A member's own report figures are its case and intelligence records: a key needs
  // infringements:read for them. Everyone else has none to read (null).
  ownFigures: {
    name: "ownFigures",
    check: (viewer: Viewer) => viewer.orgKind !== OrgKind.BRAND || viewer.scopes.has(Scope.INFRINGEMENTS_READ),
    message: "Your organization's own figures need the infringements:read scope",
  },
  // Submitting and endorsing feedback speaks for a member organization: its admins and analysts.
  memberVoice: {
    name: "memberVoice",
    check: (viewer: Viewer) =>
      viewer.orgKind === OrgKind.BRAND &&
      viewer.principal === "USER" &&
      (viewer.role === UserRole.ADMIN || viewer.role === UserRole.ANALYST),
    message: "Only a member organization's admins and analysts (users, not API keys) may do this",
  },
  // The audit log: organization admins and agency investigators (their own organization's events;
  // an agency has no admins) and platform users (all).
  readAudit: {
    name: "readAudit",
    check: (viewer: Viewer) =>
      isOrgAdmin(viewer) || (viewer.principal === "USER" && (isPlatform(viewer) || viewer.orgKind === OrgKind.AGENCY)),
    message: "Only organization admins, agency investigators and platform users may read the audit log",
  },
} satisfies Record<string, Requirement>;

// Who may read each Node type: every field of the type requires it, and node(id:) checks it
// before looking anything up.
const NODE_TYPE_REQUIREMENTS: Record<NodeTypeName, Requirement> = {
  Organization: REQUIREMENTS.signedIn,
  Brand: REQUIREMENTS.brands,
  Product: REQUIREMENTS.catalogue,
  Seller: REQUIREMENTS.cases,
  Listing: REQUIREMENTS.cases,
  Infringement: REQUIREMENTS.cases,
  InfringementNote: REQUIREMENTS.infringements,
  TestBuy: REQUIREMENTS.cases,
  TakedownRequest: REQUIREMENTS.infringements,
  Referral: REQUIREMENTS.referrals,
  LegalAction: REQUIREMENTS.infringements,
  ApiKey: REQUIREMENTS.organizationAdmin,
  User: REQUIREMENTS.organizationAdmin,
  Invitation: REQUIREMENTS.organizationAdmin,
  GovernanceRule: REQUIREMENTS.readGovernance,
  PolicyFeedback: REQUIREMENTS.readFeedback,
  // Drafts are kept from non-platform viewers by the row scope.
  ProgressReport: REQUIREMENTS.signedIn,
  AuditEvent: REQUIREMENTS.readAudit,
  Indicator: REQUIREMENTS.intel,
};

export const isAuthenticated = rule("isAuthenticated", { cache: "contextual" })(
  (_parent, _args, context: RequestContext) => (context.viewer ? true : unauthenticated()),
);

// One rule object per requirement: graphql-shield caches by rule name and refuses two rules of
// the same name.
const rulesOfRequirements = new Map<Requirement, ReturnType<typeof chain>>();

// A user holds its role's scopes: a VIEWER is told that its role only reads, rather than which
// write scope it lacks, which it could not get by itself.
const denialOf = (viewer: Viewer | null, requirement: Requirement) =>
  viewer?.principal === "USER" && viewer.role === UserRole.VIEWER && requirement.message.includes(":write")
    ? forbidden(`A VIEWER only reads; ${requirement.message.charAt(0).toLowerCase()}${requirement.message.slice(1)}`)
    : forbidden(requirement.message);

function requirementRule(requirement: Requirement) {
  let made = rulesOfRequirements.get(requirement);
  if (!made) {
    made = chain(
      isAuthenticated,
      rule(requirement.name, { cache: "contextual" })((_parent, _args, context: RequestContext) =>
        context.viewer && requirement.check(context.viewer) ? true : denialOf(context.viewer, requirement),
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
  readCases: requirementRule(REQUIREMENTS.cases),
  writeInfringements: requirementRule(REQUIREMENTS.writeInfringements),
  workOwnCases: requirementRule(REQUIREMENTS.workOwnCases),
  writeCatalogue: requirementRule(REQUIREMENTS.writeCatalogue),
  readReferralDetails: requirementRule(REQUIREMENTS.referralDetails),
  readSellerIdentity: requirementRule(REQUIREMENTS.sellerIdentity),
  decideTakedowns: requirementRule(REQUIREMENTS.decideTakedowns),
  withdrawTakedowns: requirementRule(REQUIREMENTS.withdrawTakedowns),
  createReferrals: requirementRule(REQUIREMENTS.createReferrals),
  updateReferrals: requirementRule(REQUIREMENTS.updateReferrals),
  manageOwnAccount: requirementRule(REQUIREMENTS.ownAccount),
  manageOrganization: requirementRule(REQUIREMENTS.organizationAdmin),
  readPlatformOnly: requirementRule(REQUIREMENTS.platformOnly),
  administerPlatform: requirementRule(REQUIREMENTS.platformAdmin),
  readGovernance: requirementRule(REQUIREMENTS.readGovernance),
  readFeedback: requirementRule(REQUIREMENTS.readFeedback),
  readOwnFigures: requirementRule(REQUIREMENTS.ownFigures),
  speakForMember: requirementRule(REQUIREMENTS.memberVoice),
  readAudit: requirementRule(REQUIREMENTS.readAudit),
  readIntel: requirementRule(REQUIREMENTS.intel),
  writeIntel: requirementRule(REQUIREMENTS.writeIntel),
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
