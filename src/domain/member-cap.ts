import type { EntityManager } from "typeorm";
import { InvitationKind, OrgKind, OrgStatus } from "../entities/enums";
import { ApiError, ErrorCode } from "../errors";
import { lockKey } from "../db/advisory-lock";
import { pendingInvitation } from "./pending-invitation";

// The cap counts BRANDS, not organizations: the alliance caps "active member brands", and one member
// organization may own several (Western Digital and SanDisk take two places). A brand counts when
// its organization is an ACTIVE member; a pending invitation reserves the places of its brands
// until it is accepted, revoked or expires, so that accepting it never finds the alliance full.

// Every change that can raise the count (invite, accept, reinstate) takes this transaction lock
// first, so two concurrent ones cannot both see the last free place.
export const lockMemberCap = (manager: EntityManager): Promise<void> => lockKey(manager, "member-cap");

async function memberBrandUsage(manager: EntityManager, now: Date): Promise<{ active: number; reserved: number }> {
  const [row]: { active: number; reserved: number }[] = await manager.query(
    `SELECT (SELECT count(*)::int FROM brand b JOIN organization o ON o.id = b.owner_org_id
              WHERE o.kind = $1 AND o.status = $2) AS active,
            (SELECT coalesce(sum(jsonb_array_length(i.brands)), 0)::int FROM invitation i
              WHERE i.kind = $3 AND ${pendingInvitation("i", "$4")}) AS reserved`,
    [OrgKind.BRAND, OrgStatus.ACTIVE, InvitationKind.MEMBER, now],
  );
  return row;
}

// Call under lockMemberCap. `reservedToo`: whether pending invitations' places count against the
// request (they do for a new invitation or a reinstatement, not for accepting one of them).
export async function assertMemberCapAllows(
  manager: EntityManager,
  cap: number,
  adding: number,
  now: Date,
  reservedToo: boolean,
): Promise<void> {
  const { active, reserved } = await memberBrandUsage(manager, now);
  const taken = active + (reservedToo ? reserved : 0);
  // A member without brands takes no place, even in a full (or over-full) alliance.
  if (adding > 0 && taken + adding > cap) {
    throw new ApiError(
      ErrorCode.CONFLICT,
      `The alliance is limited to ${cap} active member brands: ${active} are active and ${reserved} reserved by pending ` +
        `invitations, ${Math.max(0, cap - taken)} places left, and this needs ${adding}`,
      { memberBrandCap: cap, activeMemberBrands: active, reservedMemberBrands: reserved },
    );
  }
}
