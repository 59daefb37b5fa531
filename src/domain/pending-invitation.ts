import type { Invitation } from "../entities";

// An invitation is pending until it is accepted, revoked or expires (the API's InvitationStatus).
// Only a pending one holds what it promises: member places, brand names, an address, a name.
// `nowSql`: the SQL expression of the moment to judge expiry at (a parameter).
export const pendingInvitation = (alias: string, nowSql: string) =>
  `(${alias}.accepted_at IS NULL AND ${alias}.revoked_at IS NULL AND ${alias}.expires_at > ${nowSql})`;

// The same of a loaded row.
export function invitationState(
  invitation: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">,
  now: Date,
): "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED" {
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.revokedAt) return "REVOKED";
  return invitation.expiresAt > now ? "PENDING" : "EXPIRED";
}
