import type { DataSource } from "typeorm";
import { inTransactionAs } from "../auth/live-credential";
import { checkNewPassword, hashPassword } from "../auth/password";
import { checkPasswordStrength } from "../auth/password-strength";
import { lockKey } from "../db/advisory-lock";
import { Organization, User } from "../entities";
import { OrgKind, OrgStatus, UserRole } from "../entities/enums";
import { recordAudit } from "./audit";
import { checkEmailAddress, domainOf } from "./email-domains";
import { assertEmailFree } from "./invitations";
import { checkName } from "./validation";

// An admin of the platform, made by the operator (the CLI). Organizations and users otherwise come
// only by invitation, which takes an admin to send; and a production deployment seeds no demo
// alliance, whose users' password is public. So this is how a production deployment gets its first
// admin (and the platform organization, when there is none yet).

// The slug the demo seed gives the platform too: a database that holds it is not seeded again.
const PLATFORM_SLUG = "platform";

export interface PlatformAdminInput {
  email: string;
  name: string;
  password: string;
  // Used only when the platform organization does not exist yet.
  organizationName: string;
}

export async function createPlatformAdmin(
  dataSource: DataSource,
  input: PlatformAdminInput,
  now = new Date(),
): Promise<{ user: User; organization: Organization; organizationCreated: boolean }> {
  const email = checkEmailAddress(input.email);
  const displayName = checkName(input.name, "name");
  const organizationName = checkName(input.organizationName, "the organization's name");
  checkNewPassword(input.password);
  await checkPasswordStrength(input.password, [email, displayName, organizationName]);
  const passwordHash = await hashPassword(input.password);
  return inTransactionAs(dataSource, null, async (manager) => {
    await lockKey(manager, "platform_organization");
    const existing = await manager.findOneBy(Organization, { kind: OrgKind.PLATFORM });
    const organization =
      existing ??
      (await manager.save(
        manager.create(Organization, {
          slug: PLATFORM_SLUG,
          name: organizationName,
          kind: OrgKind.PLATFORM,
          status: OrgStatus.ACTIVE,
          joinedAt: now,
          emailDomains: [domainOf(email)],
        }),
      ));
    await assertEmailFree(manager, email);
    const user = await manager.save(
      manager.create(User, { ownerOrgId: organization.id, email, displayName, role: UserRole.ADMIN, passwordHash, disabledAt: null }),
    );
    await recordAudit(manager, null, {
      action: "user.create",
      targetType: "User",
      targetId: user.id,
      after: { email, role: UserRole.ADMIN, organizationId: organization.id },
    });
    return { user, organization, organizationCreated: !existing };
  });
}
