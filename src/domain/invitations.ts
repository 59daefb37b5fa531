import { randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { generateInvitationToken, hashInvitationToken, isWellFormedInvitationToken } from "../auth/invitation-token";
import type { TokenService } from "../auth/jwt";
import { checkNewPassword, hashPassword } from "../auth/password";
import { checkPasswordStrength } from "../auth/password-strength";
import { administeredUsers } from "../auth/ownership";
import { scopedQuery } from "../auth/scoped-query";
import { checkRoleOf, scopesOfRole } from "../auth/scopes";
import type { Viewer } from "../auth/viewer";
import type { Config } from "../config";
import { Brand, Invitation, Organization, User } from "../entities";
import { InvitationKind, OrgKind, OrgStatus, UserRole } from "../entities/enums";
import type { InvitedBrand } from "../entities/invitation.entity";
import { badInput, conflict, notFound, unauthenticated } from "../errors";
import { recordAudit } from "./audit";
import { brandNameClashes, checkInvitedBrands } from "./invited-brands";
import { assertMemberCapAllows, lockMemberCap } from "./member-cap";
import { checkName } from "./validation";
import { lockKey } from "../db/advisory-lock";
// eslint-disable-next-line no-restricted-imports -- acceptInvitation is anonymous: the token, used up in its transaction, is its credential.
import { inTransaction } from "../db/transaction";
import { inTransactionAs } from "../auth/live-credential";
import { invitationState, pendingInvitation } from "./pending-invitation";
import { checkEmailAddress, checkInvitableAddress, domainOf } from "./email-domains";

// One answer for a malformed, unknown, used, revoked or expired token, so that the answer tells
// nothing about which invitations exist.
const invalidInvitation = () => unauthenticated("This invitation is invalid, used or expired");

const expiryFrom = (now: Date, config: Config) => new Date(now.getTime() + config.membership.invitationTtlHours * 3_600_000);

// A new pending invitation by the viewer, and its token (shown once; only its hash is stored).
async function saveInvitation(
  manager: EntityManager,
  viewer: Viewer,
  expiresAt: Date,
  what: Pick<Invitation, "kind" | "email" | "displayName" | "role" | "organizationName" | "brands">,
): Promise<{ invitation: Invitation; token: string }> {
  const { token, hash } = generateInvitationToken();
  const invitation = await manager.save(
    manager.create(Invitation, {
      ...what,
      ownerOrgId: viewer.orgId,
      tokenHash: hash,
      invitedByUserId: viewer.principalId,
      expiresAt,
      acceptedAt: null,
      revokedAt: null,
      acceptedOrgId: null,
    }),
  );
  return { invitation, token };
}

export interface MemberInvitationInput {
  organizationName: string;
  adminEmail: string;
  adminName: string;
  brands: InvitedBrand[];
}

// The platform invites a new member: refused while the invitation's brands would not fit under
// the cap, when a brand, the organization's name or the admin's email is already taken, or while
// the platform's own invitation of that address is pending.
export async function inviteMember(
  dataSource: DataSource,
  config: Config,
  viewer: Viewer,
  input: MemberInvitationInput,
  now = new Date(),
): Promise<{ invitation: Invitation; token: string }> {
  const organizationName = checkName(input.organizationName, "The organization's name");
  const email = checkEmailAddress(input.adminEmail);
  const displayName = checkName(input.adminName, "The admin's name");
  const brands = checkInvitedBrands(input.brands, config.risk.counterfeitTerms);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    await lockMemberCap(manager);
    await assertOrganizationNameFree(manager, viewer, organizationName, now);
    const clashes = await brandNameClashes(manager, brands, now);
    if (clashes.length) throw conflict(`These brand names or aliases would match another brand's listings: ${clashes.join("; ")}`);
    await assertMemberCapAllows(manager, config.membership.memberBrandCap, brands.length, now, true);
    await assertEmailFree(manager, email);
    await assertNoPendingInvitation(manager, viewer, email, now);
    const { invitation, token } = await saveInvitation(manager, viewer, expiryFrom(now, config), {
      kind: InvitationKind.MEMBER,
      email,
      displayName,
      role: UserRole.ADMIN,
      organizationName,
      brands,
    });
    await recordAudit(manager, viewer, {
      action: "invitation.member.create",
      targetType: "Invitation",
      targetId: invitation.id,
      after: { organizationName, email, brands: brands.map((brand) => brand.name), expiresAt: invitation.expiresAt },
    });
    return { invitation, token };
  });
}

// An organization's admin invites a user of its own organization, with a role its kind allows.
export async function inviteUser(
  dataSource: DataSource,
  config: Config,
  viewer: Viewer,
  input: { email: string; name: string; role: UserRole },
  now = new Date(),
): Promise<{ invitation: Invitation; token: string }> {
  const email = checkEmailAddress(input.email);
  const displayName = checkName(input.name, "The user's name");
  checkRoleOf(viewer.orgKind, input.role);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    checkInvitableAddress(await manager.findOneByOrFail(Organization, { id: viewer.orgId }), email);
    // Only the viewer's own users are looked at: whether another organization uses an address is
    // not the admin's to learn. A duplicate is refused at acceptance, to the holder of the token,
    // who is the admin as much as the invitee: hence the organization's own domains only.
    const ownUser = await administeredUsers(manager, viewer, "u").andWhere("u.email = :email", { email }).getExists();
    if (ownUser) throw conflict("A user of your organization already has this email");
    await assertNoPendingInvitation(manager, viewer, email, now);
    const { invitation, token } = await saveInvitation(manager, viewer, expiryFrom(now, config), {
      kind: InvitationKind.USER,
      email,
      displayName,
      role: input.role,
      organizationName: null,
      brands: [],
    });
    await recordAudit(manager, viewer, {
      action: "invitation.user.create",
      targetType: "Invitation",
      targetId: invitation.id,
      after: { email, role: input.role, expiresAt: invitation.expiresAt },
    });
    return { invitation, token };
  });
}

export async function revokeInvitation(dataSource: DataSource, viewer: Viewer, id: string): Promise<Invitation> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const invitation = await scopedQuery(manager, viewer, Invitation, "inv")
      .andWhere("inv.id = :id", { id })
      .setLock("pessimistic_write")
      .getOne();
    if (!invitation) throw notFound("Invitation");
    if (invitation.acceptedAt) throw badInput("This invitation was already accepted; suspend the member or disable the user instead");
    if (invitation.revokedAt) return invitation;
    invitation.revokedAt = new Date();
    await manager.update(Invitation, { id }, { revokedAt: invitation.revokedAt });
    await recordAudit(manager, viewer, { action: "invitation.revoke", targetType: "Invitation", targetId: id });
    return invitation;
  });
}

// Anonymous: the token is the credential. Creates the member organization, its brands and its
// first admin (MEMBER), or the user (USER), in one transaction, and signs the new user in.
export async function acceptInvitation(
  dataSource: DataSource,
  config: Config,
  tokens: TokenService,
  input: { token: string; password: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  checkNewPassword(input.password);
  const token = input.token.trim();
  if (!isWellFormedInvitationToken(token)) throw invalidInvitation();
  const user = await inTransaction(dataSource, async (manager) => {
    // No viewer yet, so no row scope: the token itself names the one invitation it opens.
    const invitation = await manager
      .createQueryBuilder(Invitation, "inv")
      .where("inv.token_hash = :hash", { hash: hashInvitationToken(token) })
      .setLock("pessimistic_write")
      .getOne();
    if (!invitation || invitationState(invitation, now) !== "PENDING") throw invalidInvitation();
    // Judged and hashed once the token proved good: a bad one (guessed, used, expired) costs no
    // estimate and no hash, and what its quick answer tells, that it is bad, is what the answer
    // says anyway.
    await checkPasswordStrength(input.password, [invitation.email, invitation.displayName, invitation.organizationName ?? ""]);
    const passwordHash = await hashPassword(input.password);
    const orgId =
      invitation.kind === InvitationKind.MEMBER
        ? await createMemberOrganization(manager, config, invitation, now)
        : await activeInvitingOrganization(manager, invitation);
    await assertEmailFree(manager, invitation.email);
    const created = await manager.save(
      manager.create(User, {
        ownerOrgId: orgId,
        email: invitation.email,
        displayName: invitation.displayName,
        role: invitation.role,
        passwordHash,
        disabledAt: null,
      }),
    );
    await manager.update(Invitation, { id: invitation.id }, { acceptedAt: now, acceptedOrgId: orgId });
    const org = await manager.findOneByOrFail(Organization, { id: orgId });
    const newUser: Viewer = {
      principal: "USER",
      principalId: created.id,
      orgId,
      orgKind: org.kind,
      role: created.role,
      scopes: new Set(scopesOfRole(org.kind, created.role)),
    };
    await recordAudit(manager, newUser, {
      action: "invitation.accept",
      targetType: "Invitation",
      targetId: invitation.id,
      after: { kind: invitation.kind, organizationId: orgId, userId: created.id },
    });
    return created;
  });
  return tokens.sign({ userId: user.id, orgId: user.ownerOrgId });
}

async function createMemberOrganization(manager: EntityManager, config: Config, invitation: Invitation, now: Date): Promise<string> {
  await lockMemberCap(manager);
  // Its own places are already reserved; only members reinstated since could have taken them.
  await assertMemberCapAllows(manager, config.membership.memberBrandCap, invitation.brands.length, now, false);
  // Another brand may have come in since the invitation: its holder is told only that it clashes.
  if ((await brandNameClashes(manager, invitation.brands, now, { invitationId: invitation.id })).length) {
    throw conflict("A brand of this invitation now clashes with another brand's names; ask the platform for a new invitation");
  }
  const name = invitation.organizationName ?? invitation.displayName;
  // inviteMember refused a name already taken; one can have been taken since only by an invitation
  // made before that check, or by an organization created another way.
  if (await manager.createQueryBuilder(Organization, "o").where(sameOrganizationName("o.name"), { name }).getExists()) {
    throw conflict("An organization of this name has joined since this invitation was made; ask the platform for a new invitation");
  }
  const org = await manager.save(
    manager.create(Organization, {
      slug: slugOf(name),
      name,
      kind: OrgKind.BRAND,
      status: OrgStatus.ACTIVE,
      joinedAt: now,
      emailDomains: [domainOf(invitation.email)],
    }),
  );
  await manager.insert(
    Brand,
    invitation.brands.map((brand) => ({ ownerOrgId: org.id, name: brand.name, aliases: brand.aliases })),
  );
  return org.id;
}

// A user invitation of a suspended organization opens nothing, and answers like any bad token.
async function activeInvitingOrganization(manager: EntityManager, invitation: Invitation): Promise<string> {
  const org = await manager.findOneBy(Organization, { id: invitation.ownerOrgId });
  if (!org || org.status !== OrgStatus.ACTIVE) throw invalidInvitation();
  return org.id;
}

// Only one of two pending invitations of one address could ever be accepted: the other would stay
// PENDING, dead. Only the viewer's organization's own invitations are looked at (its row scope),
// which its admins list anyway: another organization's invitation of the address is neither
// found nor told, as with accounts (inviteUser).
async function assertNoPendingInvitation(manager: EntityManager, viewer: Viewer, email: string, now: Date) {
  // Two invitations of one address by one organization must not both pass the check.
  await lockKey(manager, "invitation", viewer.orgId, email);
  const pending = await scopedQuery(manager, viewer, Invitation, "inv")
    .andWhere(`inv.email = :email AND ${pendingInvitation("inv", ":now")}`, { email, now })
    .getOne();
  if (pending) {
    throw conflict(
      `Your organization's invitation of ${email} (made ${pending.createdAt.toISOString()}) is pending until ` +
        `${pending.expiresAt.toISOString()}; revoke it (revokeInvitation) before inviting this address again`,
    );
  }
}

// Names are compared trimmed and case-folded: "Swatch Group" and "swatch group " are one member to
// anyone reading the directory, a referral or a report.
const sameOrganizationName = (column: string) => `lower(btrim(${column})) = lower(btrim(:name))`;

// Against every organization and every pending member invitation: the platform sees them all (its
// row scopes), so naming the one that has the name tells it nothing new. Call under lockMemberCap,
// which every member invitation takes, so two invitations of one name cannot both pass.
async function assertOrganizationNameFree(manager: EntityManager, viewer: Viewer, name: string, now: Date) {
  const organization = await scopedQuery(manager, viewer, Organization, "o").andWhere(sameOrganizationName("o.name"), { name }).getOne();
  if (organization) throw conflict(`The ${organization.kind} organization "${organization.name}" already has this name; choose another`);
  const invitation = await scopedQuery(manager, viewer, Invitation, "inv")
    .andWhere(`inv.kind = :member AND ${sameOrganizationName("inv.organization_name")} AND ${pendingInvitation("inv", ":now")}`, {
      member: InvitationKind.MEMBER,
      name,
      now,
    })
    .getOne();
  if (invitation) {
    throw conflict(
      `The pending invitation of ${invitation.email} (until ${invitation.expiresAt.toISOString()}) already names the organization ` +
        `"${invitation.organizationName}"; revoke it (revokeInvitation) or choose another name`,
    );
  }
}

// Under a lock of the address: two organizations' invitations of one address (a member's of a user
// at its domain, the platform's of a new member's admin) accepted at once would both find it free,
// and the second account would break the unique email, an internal error rather than this answer.
export async function assertEmailFree(manager: EntityManager, email: string) {
  await lockKey(manager, "user_email", email);
  if (await manager.existsBy(User, { email })) throw conflict("An account with this email already exists; invite another address");
}

function slugOf(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${base || "member"}-${randomBytes(3).toString("hex")}`;
}
