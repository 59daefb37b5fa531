import type { EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { recordAudits } from "./audit";
import { pendingInvitation } from "./pending-invitation";

// An invitation lets someone in on its inviter's standing. An admin who is disabled or made
// another role, or a member that is suspended, can no longer let anyone in, and what they sent
// before must not either: a leaver's invitation of a spare address would bring them back as a new
// admin. So their pending invitations are revoked in the same transaction, listed as REVOKED, each
// with its audit event. Enabling the account or reinstating the member brings none back, as it
// brings back no token.
export type InvitationsOf = { invitedByUserId: string } | { organizationId: string };

export async function revokePendingInvitations(manager: EntityManager, viewer: Viewer, of: InvitationsOf, reason: string): Promise<void> {
  const [column, id] = "invitedByUserId" in of ? ["invited_by_user_id", of.invitedByUserId] : ["owner_org_id", of.organizationId];
  const now = new Date();
  // Through a WITH, for the rows alone: TypeORM hands back a bare UPDATE ... RETURNING with its count.
  const revoked: { id: string }[] = await manager.query(
    `WITH revoked AS (
       UPDATE invitation inv SET revoked_at = $1 WHERE inv.${column} = $2 AND ${pendingInvitation("inv", "$1")} RETURNING inv.id
     ) SELECT id FROM revoked ORDER BY id`,
    [now, id],
  );
  await recordAudits(
    manager,
    viewer,
    revoked.map((invitation) => ({ action: "invitation.revoke", targetType: "Invitation", targetId: invitation.id, after: { revokedAt: now, reason } })),
  );
}
