import { OrgKind, UserRole } from "../entities/enums";
import { badInput } from "../errors";

// What a principal may do, as scopes. A user holds the scopes of its role; an API key holds the
// scopes it was created with, always a subset of what its organization may hold.
export enum Scope {
  CATALOGUE_READ = "catalogue:read",
  CATALOGUE_WRITE = "catalogue:write",
  INFRINGEMENTS_READ = "infringements:read",
  INFRINGEMENTS_WRITE = "infringements:write",
  INTEL_READ = "intel:read",
  INTEL_WRITE = "intel:write",
  INGEST_WRITE = "ingest:write",
  REFERRALS_READ = "referrals:read",
  REFERRALS_WRITE = "referrals:write",
}

const ALL_SCOPES = Object.values(Scope);

export const ORG_KIND_SCOPES: Record<OrgKind, readonly Scope[]> = {
  // Every scope but the catalogue's write: the platform reads the brands' catalogues and keeps none.
  [OrgKind.PLATFORM]: ALL_SCOPES.filter((scope) => scope !== Scope.CATALOGUE_WRITE),
  [OrgKind.BRAND]: [
    Scope.CATALOGUE_READ,
    Scope.CATALOGUE_WRITE,
    Scope.INFRINGEMENTS_READ,
    Scope.INFRINGEMENTS_WRITE,
    Scope.INTEL_READ,
    Scope.INTEL_WRITE,
  ],
  [OrgKind.AGENCY]: [Scope.REFERRALS_READ, Scope.REFERRALS_WRITE],
};

const ORG_KIND_ROLES: Record<OrgKind, readonly UserRole[]> = {
  [OrgKind.PLATFORM]: [UserRole.ADMIN, UserRole.ANALYST],
  [OrgKind.BRAND]: [UserRole.ADMIN, UserRole.ANALYST, UserRole.VIEWER],
  [OrgKind.AGENCY]: [UserRole.INVESTIGATOR],
};

// A role given to a user of an organization of this kind (an invitation, a change): one its kind has.
export function checkRoleOf(kind: OrgKind, role: UserRole): UserRole {
  const roles = ORG_KIND_ROLES[kind];
  if (!roles.includes(role)) throw badInput(`${kind} organizations have the roles ${roles.join(", ")}`, { allowedRoles: roles });
  return role;
}

const isReadScope = (scope: Scope) => scope.endsWith(":read");

// A write answers with what it wrote, so every write scope but ingest's needs its read scope too
// (the permission rules check both): a key with the write alone could do nothing.
export const READ_SCOPE_OF_WRITE: Partial<Record<Scope, Scope>> = {
  [Scope.CATALOGUE_WRITE]: Scope.CATALOGUE_READ,
  [Scope.INFRINGEMENTS_WRITE]: Scope.INFRINGEMENTS_READ,
  [Scope.INTEL_WRITE]: Scope.INTEL_READ,
  [Scope.REFERRALS_WRITE]: Scope.REFERRALS_READ,
};

export function scopesOfRole(orgKind: OrgKind, role: UserRole): Scope[] {
  const orgScopes = ORG_KIND_SCOPES[orgKind];
  return role === UserRole.VIEWER ? orgScopes.filter(isReadScope) : [...orgScopes];
}
