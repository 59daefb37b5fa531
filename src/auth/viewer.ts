import { OrgKind, UserRole } from "../entities/enums";
import type { Scope } from "./scopes";

// The one principal behind a request: a signed-in user or an API key, always of one organization.
export interface Viewer {
  principal: "USER" | "API_KEY";
  // The user's id, or the API key's id.
  principalId: string;
  orgId: string;
  orgKind: OrgKind;
  // A user's role; API keys have scopes only.
  role: UserRole | null;
  scopes: ReadonlySet<Scope>;
  // A user signed in with a token: the token's iat, to the millisecond. None for the operator's CLI,
  // which acts as a user by email, and for a user who has just accepted an invitation.
  tokenIssuedAt?: number;
}

export const isPlatform = (viewer: Viewer) => viewer.orgKind === OrgKind.PLATFORM;

export const isOrgAdmin = (viewer: Viewer) => viewer.principal === "USER" && viewer.role === UserRole.ADMIN;
