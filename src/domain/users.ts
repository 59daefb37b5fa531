import type { DataSource, EntityManager } from "typeorm";
import { standingRefusal } from "../auth/account-standing";
import { administeredUsers } from "../auth/ownership";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { inTransactionAs } from "../auth/live-credential";
import { Organization, User } from "../entities";
import { OrgStatus, UserRole } from "../entities/enums";
import { checkRoleOf } from "../auth/scopes";
import { badInput, forbidden, notFound } from "../errors";
import { recordAudit } from "./audit";
import { revokePendingInvitations } from "./invitation-revocation";

// An organization's admin disables the account of someone who left: it can no longer sign in, and
// its tokens stop at once (every request resolves its viewer against the stored user). An admin
// enables it again. The organization always keeps an enabled admin: an admin does not disable
// their own account, and the organization's row is locked first, so that two admins disabling
// each other at once cannot both succeed.

async function lockedUser(manager: EntityManager, viewer: Viewer, id: string): Promise<User> {
  const org = await scopedQuery(manager, viewer, Organization, "org").andWhere("org.id = :orgId", { orgId: viewer.orgId }).setLock("pessimistic_write").getOne();
  // An admin disabled or made another role, or a member suspended, while this request waited for
  // the organization acts no more: its viewer was resolved before the lock.
  const actor =
    viewer.principal === "USER"
      ? await administeredUsers(manager, viewer, "actor").andWhere("actor.id = :actorId", { actorId: viewer.principalId }).getOne()
      : null;
  const refusal = standingRefusal({
    disabled: viewer.principal === "USER" && (!actor || actor.disabledAt !== null),
    orgStatus: org?.status ?? OrgStatus.SUSPENDED,
  });
  if (refusal) throw refusal;
  if (actor && actor.role !== UserRole.ADMIN) throw forbidden("Only an organization admin (a user, not an API key) may do this");
  const user = await administeredUsers(manager, viewer, "u").andWhere("u.id = :id", { id }).setLock("pessimistic_write").getOne();
  if (!user) throw notFound("User");
  return user;
}

// With the organization locked (lockedUser), so that two admins demoting or disabling each other
// at once cannot both succeed.
async function refuseLastEnabledAdmin(manager: EntityManager, viewer: Viewer, user: User, remedy: string): Promise<void> {
  const others = await administeredUsers(manager, viewer, "admin")
    .andWhere("admin.role = :admin AND admin.disabled_at IS NULL AND admin.id <> :id", { admin: UserRole.ADMIN, id: user.id })
    .getCount();
  if (others === 0) throw badInput(`This is your organization's last enabled admin; ${remedy}`);
}

// Like a revocation, asking again answers with the account as it is, so that a retry succeeds.
export async function disableUser(dataSource: DataSource, viewer: Viewer, id: string): Promise<User> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const user = await lockedUser(manager, viewer, id);
    if (user.disabledAt) return user;
    if (viewer.principal === "USER" && user.id === viewer.principalId) {
      throw badInput("You cannot disable your own account; another admin of your organization can");
    }
    if (user.role === UserRole.ADMIN) await refuseLastEnabledAdmin(manager, viewer, user, "enable another admin first");
    user.disabledAt = new Date();
    await manager.update(User, { id: user.id }, { disabledAt: user.disabledAt });
    await recordAudit(manager, viewer, { action: "user.disable", targetType: "User", targetId: user.id, after: { email: user.email } });
    await revokePendingInvitations(manager, viewer, { invitedByUserId: user.id }, "its inviter's account was disabled");
    return user;
  });
}

export async function enableUser(dataSource: DataSource, viewer: Viewer, id: string): Promise<User> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const user = await lockedUser(manager, viewer, id);
    if (!user.disabledAt) throw badInput("This account is enabled already");
    const before = { disabledAt: user.disabledAt };
    user.disabledAt = null;
    // Tokens issued before now stay dead: they may be the ones that got the account disabled.
    await manager.update(User, { id: user.id }, { disabledAt: null, tokensValidFrom: new Date() });
    await recordAudit(manager, viewer, { action: "user.enable", targetType: "User", targetId: user.id, before, after: { email: user.email } });
    return user;
  });
}

// An admin gives a user of its organization another role its kind allows; it applies from the
// user's next request (each request reads the role). The organization keeps an enabled admin.
export async function changeUserRole(dataSource: DataSource, viewer: Viewer, input: { id: string; role: UserRole }): Promise<User> {
  checkRoleOf(viewer.orgKind, input.role);
  // An admin handing over its own role ends the write with the role it gave itself (live-credential.ts).
  const endsAs = input.id === viewer.principalId ? { ...viewer, role: input.role } : viewer;
  return inTransactionAs(dataSource, endsAs, async (manager) => {
    const user = await lockedUser(manager, viewer, input.id);
    if (user.role === input.role) throw badInput(`This user is ${user.role} already`);
    if (user.role === UserRole.ADMIN && !user.disabledAt) await refuseLastEnabledAdmin(manager, viewer, user, "make another user admin first");
    const before = { role: user.role };
    user.role = input.role;
    await manager.update(User, { id: user.id }, { role: input.role });
    await recordAudit(manager, viewer, { action: "user.role", targetType: "User", targetId: user.id, before, after: { role: input.role } });
    if (before.role === UserRole.ADMIN) {
      await revokePendingInvitations(manager, viewer, { invitedByUserId: user.id }, `its inviter was made ${input.role}`);
    }
    return user;
  });
}
