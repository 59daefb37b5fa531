import { createHash } from "node:crypto";
import { Scope } from "../../src/auth/scopes";
import { generateInvitationToken } from "../../src/auth/invitation-token";
import { viewerOfUserEmail } from "../../src/auth/resolve-viewer";
import { Brand, type Invitation } from "../../src/entities";
import { InvitationKind, OrgKind, OrgStatus, UserRole } from "../../src/entities/enums";
import { dataOf } from "../support/enforcement";
import { createInvitation, createOrganization, createUser } from "../support/factories";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// The default cap leaves room for every brand these tests add; the cap's own tests have an
// alliance of their own, which they fill.
let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
});
afterAll(() => api.close());

const INVITE_MEMBER = `mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { token invitation { id kind status email organizationName brands { name aliases } } }
}`;
const INVITE_USER = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token invitation { id role status } } }`;
const ACCEPT = `mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { token } }`;
const VIEWER = `{ viewer { email role organization { name kind } } }`;
const SUSPEND = `mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { status } }`;
const REINSTATE = `mutation($id: ID!) { reinstateMember(id: $id) { status } }`;
const PASSWORD = "a long enough password";

type Invited = { inviteMember: { token: string; invitation: { id: string; status: string } } };
type Accepted = { acceptInvitation: { token: string } };

const count = async (table: string, on = api) => Number((await on.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
const unique = () => Math.random().toString(36).slice(2, 8);

const insertMemberInvitation = (brandNames: string[], fields: Partial<Invitation> = {}, on = api, platform = platformAdmin.org) =>
  createInvitation(on.dataSource, platform, {
    kind: InvitationKind.MEMBER,
    email: `admin-${unique()}@new.test`,
    displayName: "New admin",
    role: UserRole.ADMIN,
    organizationName: `Org ${unique()}`,
    brands: brandNames.map((name) => ({ name, aliases: [] })),
    ...fields,
  });

describe("inviting a member", () => {
  it("creates the organization, its brands and its first admin on acceptance, once", async () => {
    const email = `Boss-${unique()}@Swatch.test`;
    const invited = await api.gql<Invited>(
      INVITE_MEMBER,
      { input: { organizationName: "Swatch Group", adminEmail: email, adminName: "Boss", brands: [{ name: `Omega ${unique()}`, aliases: ["欧米茄"] }] } },
      platformAdmin.as,
    );
    expect(invited.errors).toBeUndefined();
    const { token, invitation } = invited.data!.inviteMember;
    expect(token).toMatch(/^inv_/);
    expect(invitation.status).toBe("PENDING");
    const [row] = await api.dataSource.query(`SELECT token_hash, row_to_json(invitation)::text AS whole FROM invitation WHERE email = $1`, [email.toLowerCase()]);
    expect(row.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.whole).not.toContain(token);

    // A password out of bounds, of spaces only, or easy to guess is refused and leaves the
    // invitation to use.
    for (const password of ["eleven char", "x".repeat(201), " ".repeat(20)]) {
      const refused = await api.gql(ACCEPT, { token, password });
      expect(refused.errors?.[0]).toMatchObject({
        message: password.trim() ? "A password must be 12 to 200 characters" : "A password must hold more than spaces",
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    for (const password of ["password1234", email.toLowerCase()]) {
      const refused = await api.gql(ACCEPT, { token, password });
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^The password is too easy to guess: /), extensions: { code: "BAD_USER_INPUT" } });
    }
    expect(await count("app_user WHERE email = '" + email.toLowerCase() + "'")).toBe(0);
    const accepted = await api.gql<Accepted>(ACCEPT, { token, password: PASSWORD });
    expect(accepted.errors).toBeUndefined();
    const me = await api.gql(VIEWER, {}, { token: accepted.data!.acceptInvitation.token });
    expect(me.data).toEqual({ viewer: { email: email.toLowerCase(), role: "ADMIN", organization: { name: "Swatch Group", kind: "BRAND" } } });
    const brands = await api.gql<{ brands: { aliases: string[] }[] }>(`{ brands { name aliases } }`, {}, { token: accepted.data!.acceptInvitation.token });
    expect(brands.data?.brands).toEqual([expect.objectContaining({ aliases: ["欧米茄"] })]);
    // Its admins invite addresses at its admin's domain.
    const [{ email_domains: domains }] = await api.dataSource.query(`SELECT email_domains FROM organization WHERE name = 'Swatch Group'`);
    expect(domains).toEqual(["swatch.test"]);

    // Used: the same answer as a token that never existed or expired.
    const again = await api.gql(ACCEPT, { token, password: PASSWORD });
    const unknown = await api.gql(ACCEPT, { token: generateInvitationToken().token, password: PASSWORD });
    const expired = await api.gql(ACCEPT, { token: await insertMemberInvitation([`Old ${unique()}`], { expiresAt: new Date(Date.now() - 1000) }), password: PASSWORD });
    const malformed = await api.gql(ACCEPT, { token: "inv_nope", password: PASSWORD });
    // A bad token is told before the password is judged: the estimate is for invitees only.
    expect((await api.gql(ACCEPT, { token: generateInvitationToken().token, password: "password1234" })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(again.errors?.[0]).toMatchObject({ message: "This invitation is invalid, used or expired", extensions: { code: "UNAUTHENTICATED" } });
    for (const other of [unknown, expired, malformed]) expect(other).toEqual(again);
  });

  it("refuses brand names and aliases that would match another brand's listings, and so hand over its cases", async () => {
    const existing = await api.dataSource.manager.save(Brand, { ownerOrgId: cast.brandA.org.id, name: "Aurelion", aliases: ["奥瑞莲"] });
    const before = await count("invitation");
    const invite = (brands: { name: string; aliases?: string[] }[]) =>
      api.gql(INVITE_MEMBER, { input: { organizationName: `Grabber ${unique()}`, adminEmail: `g-${unique()}@grab.test`, adminName: "G", brands } }, platformAdmin.as);
    for (const brands of [
      [{ name: `Innocent ${unique()}`, aliases: ["奥瑞莲"] }],
      [{ name: `Innocent ${unique()}`, aliases: ["A u r e l i o n"] }],
      [{ name: "Aurelin" }],
      [{ name: "AURELION" }],
    ]) {
      const response = await invite(brands);
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: "CONFLICT" } });
      expect(response.errors?.[0].message).toContain(`reads as ${existing.name}`);
    }
    // Two brands of one invitation that read as each other.
    const twins = await invite([{ name: `Twinbrand ${unique()}` }, { name: "Other", aliases: ["Twinbrand"] }]);
    expect(twins.errors?.[0].extensions?.code).toBe("CONFLICT");
    // A name that folds to nothing, and too many aliases.
    const invisible = await invite([{ name: "\u200b" }]);
    expect(invisible.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    const many = await invite([{ name: `Many ${unique()}`, aliases: Array.from({ length: 21 }, (_, n) => `alias ${n}`) }]);
    expect(many.errors?.[0]).toMatchObject({ message: "A brand has at most 20 aliases", extensions: { code: "BAD_USER_INPUT" } });
    expect(await count("invitation")).toBe(before);
  });

  it("refuses a brand given twice, telling it as such rather than as a clash between two brands", async () => {
    const before = await count("invitation");
    const name = `Doublet ${unique()}`;
    const invite = (brands: { name: string; aliases?: string[] }[]) =>
      api.gql(INVITE_MEMBER, { input: { organizationName: `Doubler ${unique()}`, adminEmail: `d-${unique()}@double.test`, adminName: "D", brands } }, platformAdmin.as);
    const twice = await invite([{ name, aliases: ["Dbl"] }, { name: "Other brand" }, { name, aliases: ["Dbl"] }]);
    expect(twice.errors?.[0]).toMatchObject({
      message: `The brand "${name}" is given twice (brands[0] and brands[2]): give each brand once, with all its aliases`,
      extensions: { code: "BAD_USER_INPUT" },
    });
    // Spelt otherwise, but read alike: the same brand still.
    const respelt = await invite([{ name }, { name: ` ${name.toUpperCase()} ` }]);
    expect(respelt.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(respelt.errors?.[0].message).toContain(`The brand "${name}" is given twice (brands[0] and brands[1], as "${name.toUpperCase()}")`);
    expect(await count("invitation")).toBe(before);
  });

  it("is for platform admins only; others' invitations answer as missing ones, the platform's to members and members' to the platform", async () => {
    const input = { organizationName: "Sneaky", adminEmail: "s@s.test", adminName: "S", brands: [{ name: "Sneaky" }] };
    for (const persona of [cast.platformAnalyst, cast.brandAAdmin]) {
      const response = await api.gql(INVITE_MEMBER, { input }, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    await insertMemberInvitation([`Platform's own ${unique()}`]);
    const [platformInvitation] = await api.dataSource.query(`SELECT id, email FROM invitation WHERE owner_org_id = $1 LIMIT 1`, [
      platformAdmin.org.id,
    ]);
    const revoke = `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`;
    const foreign = await api.gql(revoke, { id: gid("Invitation", platformInvitation.id) }, cast.brandAAdmin.as);
    const missing = await api.gql(revoke, { id: gid("Invitation", "00000000-0000-4000-8000-000000000000") }, cast.brandAAdmin.as);
    expect(foreign.errors?.[0].extensions?.code).toBe("NOT_FOUND");
    expect(foreign).toEqual(missing);
    const listed = await api.gql(`{ invitations { email } }`, {}, cast.brandAAdmin.as);
    expect(JSON.stringify(listed.data)).not.toContain(platformInvitation.email);
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid("Invitation", platformInvitation.id) }, cast.brandAAdmin.as);
    expect(node.data).toEqual({ node: null });

    // And the other way: a member's invitations of its own people are its own, not the platform's.
    const email = `own-${unique()}@${cast.brandA.org.slug}.test`;
    const own = await api.gql<{ inviteUser: { invitation: { id: string } } }>(INVITE_USER, { input: { email, name: "Own", role: "VIEWER" } }, cast.brandAAdmin.as);
    expect(own.errors).toBeUndefined();
    const ownId = own.data!.inviteUser.invitation.id;
    const NODE = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await api.gql(NODE, { id: ownId }, cast.brandAAdmin.as)).data).toEqual({ node: { id: ownId } });
    expect((await api.gql(NODE, { id: ownId }, platformAdmin.as)).data).toEqual({ node: null });
    const byPlatform = await api.gql<{ invitations: { email: string }[] }>(`{ invitations { email } }`, {}, platformAdmin.as);
    expect(byPlatform.errors).toBeUndefined();
    expect(byPlatform.data!.invitations.map((invitation) => invitation.email)).not.toContain(email);
  });
});

describe("the member-brand cap", () => {
  // The cast has 2 member brands; the cap leaves room for 1 more, which two acceptances race for.
  const CAP = 3;
  let capped: TestApi;
  let cappedAdmin: Persona;
  beforeAll(async () => {
    capped = await startTestApi({ MEMBER_BRAND_CAP: String(CAP) });
    cappedAdmin = await userPersona(capped, (await createCast(capped)).platformAnalyst.org, UserRole.ADMIN);
  });
  afterAll(() => capped.close());

  const activeMemberBrands = async () => Number((await capped.dataSource.query(
    `SELECT count(*) AS n FROM brand b JOIN organization o ON o.id = b.owner_org_id WHERE o.kind = 'BRAND' AND o.status = 'ACTIVE'`,
  ))[0].n);

  it("refuses an invitation whose brands would exceed the cap, with a clear error, and creates nothing", async () => {
    const before = await count("invitation", capped);
    const response = await capped.gql(
      INVITE_MEMBER,
      { input: { organizationName: "Too big", adminEmail: `x-${unique()}@big.test`, adminName: "X", brands: [1, 2, 3, 4].map((n) => ({ name: `Big ${n} ${unique()}` })) } },
      cappedAdmin.as,
    );
    expect(response.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(response.errors?.[0].message).toMatch(new RegExp(`^The alliance is limited to ${CAP} active member brands: .*, \\d+ places left, and this needs 4$`));
    expect(await count("invitation", capped)).toBe(before);
  });

  it("lets only one of two concurrent acceptances take the last place", async () => {
    const used = await activeMemberBrands();
    // Written directly, past the invitation-time check, as if the cap had been lowered since.
    const tokens = await Promise.all(
      Array.from({ length: CAP - used + 1 }, (_, n) => insertMemberInvitation([`Race ${n} ${unique()}`], {}, capped, cappedAdmin.org)),
    );
    const results = await Promise.all(tokens.map((token) => capped.gql(ACCEPT, { token, password: PASSWORD })));
    const refused = results.filter((result) => result.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(await activeMemberBrands()).toBe(CAP);
  });
});

describe("an organization admin invites its own users", () => {
  it("with a role its kind allows; the user joins that organization", async () => {
    const email = `new-analyst-${unique()}@${cast.brandA.org.slug}.test`;
    const invited = await api.gql<{ inviteUser: { token: string } }>(INVITE_USER, { input: { email, name: "New analyst", role: "ANALYST" } }, cast.brandAAdmin.as);
    expect(invited.errors).toBeUndefined();
    const accepted = await api.gql<Accepted>(ACCEPT, { token: invited.data!.inviteUser.token, password: PASSWORD });
    const me = await api.gql<{ viewer: { role: string; organization: { name: string } } }>(VIEWER, {}, { token: accepted.data!.acceptInvitation.token });
    expect(me.data?.viewer).toMatchObject({ role: "ANALYST", organization: { name: cast.brandA.org.name } });
  });

  it("name the admin who made them, to the organization's admins, even after that admin is disabled", async () => {
    const admin = await createUser(api.dataSource, cast.brandA.org, UserRole.ADMIN);
    const as = { token: (await api.tokens.sign({ userId: admin.id, orgId: cast.brandA.org.id })).token };
    const email = `invited-${unique()}@${cast.brandA.org.slug}.test`;
    const invited = await api.gql<{ inviteUser: { invitation: { id: string } } }>(INVITE_USER, { input: { email, name: "Invited", role: "VIEWER" } }, as);
    expect(invited.errors).toBeUndefined();
    const { id } = invited.data!.inviteUser.invitation;
    const inviterOf = async () => {
      const listed = await api.gql<{ invitations: { id: string; invitedBy: { id: string; email: string; disabledAt: string | null } }[] }>(
        `{ invitations { id invitedBy { id email disabledAt } } }`,
        {},
        cast.brandAAdmin.as,
      );
      expect(listed.errors).toBeUndefined();
      return listed.data!.invitations.find((invitation) => invitation.id === id)?.invitedBy;
    };
    expect(await inviterOf()).toEqual({ id: gid("User", admin.id), email: admin.email, disabledAt: null });
    expect((await api.gql(`mutation($id: ID!) { disableUser(id: $id) { id } }`, { id: gid("User", admin.id) }, cast.brandAAdmin.as)).errors).toBeUndefined();
    expect(await inviterOf()).toMatchObject({ id: gid("User", admin.id), disabledAt: expect.any(String) });

    // The platform's member invitations name its admin, to the platform only.
    const made = await api.gql<Invited>(INVITE_MEMBER, { input: { organizationName: `Named ${unique()}`, adminEmail: `a-${unique()}@named.test`, adminName: "A", brands: [{ name: `Named ${unique()}` }] } }, platformAdmin.as);
    expect(made.errors).toBeUndefined();
    const platformEmail = (await api.gql<{ viewer: { email: string } }>(VIEWER, {}, platformAdmin.as)).data!.viewer.email;
    const byPlatform = await api.gql(`query($id: ID!) { node(id: $id) { ... on Invitation { invitedBy { email } } } }`, { id: made.data!.inviteMember.invitation.id }, platformAdmin.as);
    expect(byPlatform.data).toEqual({ node: { invitedBy: { email: platformEmail } } });
    const foreign = await api.gql(`query($id: ID!) { node(id: $id) { ... on Invitation { invitedBy { email } } } }`, { id: made.data!.inviteMember.invitation.id }, cast.brandAAdmin.as);
    expect(foreign).toEqual({ status: 200, data: { node: null } });
  });

  it("refuses to revoke an accepted invitation, a state no revocation can leave, and changes nothing", async () => {
    const email = `accepted-${unique()}@${cast.brandA.org.slug}.test`;
    const invited = await api.gql<{ inviteUser: { token: string; invitation: { id: string } } }>(
      `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token invitation { id } } }`,
      { input: { email, name: "Accepted", role: "VIEWER" } },
      cast.brandAAdmin.as,
    );
    expect((await api.gql(ACCEPT, { token: invited.data!.inviteUser.token, password: PASSWORD })).errors).toBeUndefined();
    const audit = await count("audit_event");
    const revoked = await api.gql(`mutation($id: ID!) { revokeInvitation(id: $id) { id } }`, { id: invited.data!.inviteUser.invitation.id }, cast.brandAAdmin.as);
    expect(revoked.errors?.[0]).toMatchObject({
      message: "This invitation was already accepted; suspend the member or disable the user instead",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await count("audit_event")).toBe(audit);
    const [row] = await api.dataSource.query(`SELECT revoked_at FROM invitation WHERE email = $1`, [email]);
    expect(row.revoked_at).toBeNull();
  });

  // An admin who left could otherwise come back as a new admin, through an invitation of a spare address.
  it.each([
    ["disabled", `mutation($id: ID!) { disableUser(id: $id) { id } }`, "its inviter's account was disabled"],
    ["made an analyst", `mutation($id: ID!) { changeUserRole(id: $id, role: ANALYST) { id } }`, "its inviter was made ANALYST"],
  ])("are revoked when their admin is %s, and stay revoked when the admin is enabled or promoted again", async (_how, change, reason) => {
    const admin = await createUser(api.dataSource, cast.brandA.org, UserRole.ADMIN);
    const as = { token: (await api.tokens.sign({ userId: admin.id, orgId: cast.brandA.org.id })).token };
    const email = `spare-${unique()}@${cast.brandA.org.slug}.test`;
    const invited = await api.gql<{ inviteUser: { token: string; invitation: { id: string } } }>(INVITE_USER, { input: { email, name: "Spare", role: "ADMIN" } }, as);
    expect(invited.errors).toBeUndefined();
    const { id } = invited.data!.inviteUser.invitation;
    // Another admin's invitation is not touched.
    const other = await api.gql<{ inviteUser: { token: string } }>(INVITE_USER, { input: { email: `kept-${unique()}@${cast.brandA.org.slug}.test`, name: "Kept", role: "VIEWER" } }, cast.brandAAdmin.as);

    expect((await api.gql(change, { id: gid("User", admin.id) }, cast.brandAAdmin.as)).errors).toBeUndefined();
    const statusOf = async () =>
      (await api.gql<{ invitations: { id: string; status: string }[] }>(`{ invitations { id status } }`, {}, cast.brandAAdmin.as)).data?.invitations.find((invitation) => invitation.id === id)?.status;
    expect(await statusOf()).toBe("REVOKED");
    const events = await api.dataSource.query(
      `SELECT action, after->>'reason' AS reason FROM audit_event WHERE target_type = 'Invitation' AND action = 'invitation.revoke' AND after->>'reason' = $1 AND target_id IN (SELECT id FROM invitation WHERE email = $2)`,
      [reason, email],
    );
    expect(events).toEqual([{ action: "invitation.revoke", reason }]);

    const undo = change.includes("disableUser") ? `mutation($id: ID!) { enableUser(id: $id) { id } }` : `mutation($id: ID!) { changeUserRole(id: $id, role: ADMIN) { id } }`;
    expect((await api.gql(undo, { id: gid("User", admin.id) }, cast.brandAAdmin.as)).errors).toBeUndefined();
    const accepted = await api.gql(ACCEPT, { token: invited.data!.inviteUser.token, password: PASSWORD });
    expect(accepted.errors?.[0]).toMatchObject({ message: "This invitation is invalid, used or expired", extensions: { code: "UNAUTHENTICATED" } });
    expect(await api.dataSource.query(`SELECT 1 FROM app_user WHERE email = $1`, [email])).toEqual([]);
    expect((await api.gql(ACCEPT, { token: other.data!.inviteUser.token, password: PASSWORD })).errors).toBeUndefined();
  });

  it("refuses a role of another organization kind, and analysts and keys altogether", async () => {
    const before = await count("invitation");
    const wrongRole = await api.gql(INVITE_USER, { input: { email: `i@${cast.brandA.org.slug}.test`, name: "I", role: "INVESTIGATOR" } }, cast.brandAAdmin.as);
    expect(wrongRole.errors?.[0]).toMatchObject({ message: "BRAND organizations have the roles ADMIN, ANALYST, VIEWER", extensions: { code: "BAD_USER_INPUT" } });
    const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]);
    for (const persona of [cast.brandAAnalyst, key]) {
      const response = await api.gql(INVITE_USER, { input: { email: `v@${cast.brandA.org.slug}.test`, name: "V", role: "VIEWER" } }, persona.as);
      expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect(await count("invitation")).toBe(before);
  });
});

describe("the email domains an organization's admins invite at", () => {
  const SET = `mutation($input: SetEmailDomainsInput!) { setEmailDomains(input: $input) { id emailDomains } }`;
  const inviteAs = (persona: Persona, email: string) => api.gql(INVITE_USER, { input: { email, name: "Someone", role: "VIEWER" } }, persona.as);

  it("keep a member's admin from trying another organization's people's addresses, which acceptance would tell", async () => {
    // An address of brand B's: A's admin could accept its own invitation and learn from the refusal
    // that B has such a user.
    const ofB = (await api.dataSource.query(`SELECT email FROM app_user WHERE owner_org_id = $1 LIMIT 1`, [cast.brandB.org.id]))[0].email;
    const before = { invitations: await count("invitation"), audit: await count("audit_event") };
    // Nor an address that only looks like one of its own (a Cyrillic а for the a).
    const lookalike = await inviteAs(cast.brandAAdmin, `\u0430dmin@${cast.brandA.org.slug}.test`);
    expect(lookalike.errors?.[0]).toMatchObject({
      message: `"\u0430dmin@${cast.brandA.org.slug}.test" is not an email address (in ASCII letters; an internationalized domain in its xn-- form)`,
      extensions: { code: "BAD_USER_INPUT" },
    });
    // Nor one that is no address: a domain no organization could be given, a local part past
    // RFC 5321's 64 characters or not a dot-atom.
    const domain = `${cast.brandA.org.slug}.test`;
    for (const malformed of ["boss@-.-", `a,b<c>@${domain}`, `${"x".repeat(65)}@${domain}`, `a..b@${domain}`, `.a@${domain}`, `a@${domain}.`]) {
      const refused = await inviteAs(cast.brandAAdmin, malformed);
      expect(refused.errors?.[0]).toMatchObject({ message: `"${malformed}" is not an email address (in ASCII letters; an internationalized domain in its xn-- form)` });
    }
    for (const email of [ofB, `nobody-${unique()}@${cast.brandB.org.slug}.test`, `someone@${cast.brandA.org.slug}.test.evil`]) {
      const refused = await inviteAs(cast.brandAAdmin, email);
      expect(refused.errors?.[0]).toMatchObject({
        message: `Invite addresses at your organization's email domains (${cast.brandA.org.slug}.test); the platform adds others`,
        extensions: { code: "BAD_USER_INPUT", allowedDomains: [`${cast.brandA.org.slug}.test`] },
      });
    }
    expect({ invitations: await count("invitation"), audit: await count("audit_event") }).toEqual(before);
    // A local part of 64 characters, RFC 5321's most, is an address.
    expect((await inviteAs(cast.brandAAdmin, `${"x".repeat(64)}@${domain}`)).errors).toBeUndefined();
  });

  it("are the platform's to set, checked, and read by the platform only", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, `Domains ${unique()}`);
    const admin = await userPersona(api, org, UserRole.ADMIN);
    const id = gid("Organization", org.id);
    expect((await inviteAs(admin, `outside-counsel-${unique()}@lawfirm.test`)).errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const set = await api.gql(SET, { input: { organizationId: id, domains: [" LawFirm.test ", `@${org.slug}.test`, "lawfirm.test"] } }, platformAdmin.as);
    expect(set).toEqual({ status: 200, data: { setEmailDomains: { id, emailDomains: ["lawfirm.test", `${org.slug}.test`] } } });
    expect((await inviteAs(admin, `outside-counsel-${unique()}@LAWFIRM.test`)).errors).toBeUndefined();
    const [event] = await api.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'organization.emailDomains' AND target_id = $1`, [org.id]);
    expect(event).toEqual({ before: { emailDomains: [`${org.slug}.test`] }, after: { emailDomains: ["lawfirm.test", `${org.slug}.test`] } });

    const before = await count("audit_event");
    for (const domains of [[], ["not a domain"], ["x@y.test"], Array.from({ length: 21 }, (_, i) => `d${i}.test`)]) {
      const refused = await api.gql(SET, { input: { organizationId: id, domains } }, platformAdmin.as);
      expect(refused.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    }
    for (const persona of [admin, cast.platformAnalyst]) {
      expect((await api.gql(SET, { input: { organizationId: id, domains: ["mine.test"] } }, persona.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const missing = await api.gql(SET, { input: { organizationId: gid("Organization", "00000000-0000-4000-8000-000000000000"), domains: ["a.test"] } }, platformAdmin.as);
    expect(missing.errors?.[0]).toMatchObject({ message: "Organization not found", extensions: { code: "NOT_FOUND" } });
    expect(await count("audit_event")).toBe(before);
    // A member reads no organization's domains, its own included: its admins learn them from a refusal.
    const READ = `query($id: ID!) { node(id: $id) { ... on Organization { emailDomains } } }`;
    expect((await api.gql(READ, { id }, admin.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    // Refused alone: the rest of the answer stands.
    const beside = await api.gql(`{ viewer { organization { name emailDomains } } }`, {}, admin.as);
    expect(beside.data).toEqual({ viewer: { organization: { name: org.name, emailDomains: null } } });
    expect(beside.errors?.[0]).toMatchObject({ path: ["viewer", "organization", "emailDomains"], extensions: { code: "FORBIDDEN" } });
    expect(dataOf(await api.gql(READ, { id }, platformAdmin.as))).toEqual({ node: { emailDomains: ["lawfirm.test", `${org.slug}.test`] } });
  });
});

describe("suspending a member", () => {
  it("refuses its users and keys on the very next request, keeps its data, and lets them in again on reinstatement, with new tokens", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, `Suspendable ${unique()}`);
    const user = await userPersona(api, org, UserRole.ANALYST);
    const key = await cast.keyFor(org, [Scope.CATALOGUE_READ]);
    expect((await api.gql(VIEWER, {}, user.as)).errors).toBeUndefined();
    expect((await api.gql(VIEWER, {}, key.as)).errors).toBeUndefined();

    const suspended = await api.gql(SUSPEND, { input: { id: gid("Organization", org.id), reason: "unpaid dues" } }, platformAdmin.as);
    expect(suspended.data).toEqual({ suspendMember: { status: "SUSPENDED" } });
    for (const persona of [user, key]) {
      const refused = await api.gql(VIEWER, {}, persona.as);
      expect(refused.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    }
    // A user's token, which this API signed, and a live key are told why.
    for (const persona of [user, key]) {
      expect((await api.gql(VIEWER, {}, persona.as)).errors?.[0].message).toBe(
        "Your organization's membership is suspended; the platform's governance team can reinstate it",
      );
    }
    // Nor does a token signed since (by the secret's holder), nor the operator's CLI acting as its user.
    const [{ id: userId, email }] = await api.dataSource.query(`SELECT id, email FROM app_user WHERE owner_org_id = $1`, [org.id]);
    const { token: signedSince } = await api.tokens.sign({ userId, orgId: org.id });
    expect((await api.gql(VIEWER, {}, { token: signedSince })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await viewerOfUserEmail(api.dataSource.manager, email)).toBeNull();
    expect(Number((await api.dataSource.query(`SELECT count(*) AS n FROM api_key WHERE owner_org_id = $1`, [org.id]))[0].n)).toBe(1);

    // Why and when, for the governance team; every member reads when, not why.
    const STANDING = `query($id: ID!) { node(id: $id) { ... on Organization { status statusChangedAt statusReason } } }`;
    const standing = await api.gql<{ node: { status: string; statusChangedAt: string; statusReason: string } }>(STANDING, { id: gid("Organization", org.id) }, platformAdmin.as);
    expect(standing.data?.node).toMatchObject({ status: "SUSPENDED", statusReason: "unpaid dues" });
    expect(Date.now() - new Date(standing.data!.node.statusChangedAt).getTime()).toBeLessThan(60_000);
    const asMember = await api.gql(STANDING, { id: gid("Organization", org.id) }, cast.brandAAnalyst.as);
    expect(asMember.errors?.map((error) => [error.path?.join("."), error.extensions?.code])).toEqual([["node.statusReason", "FORBIDDEN"]]);

    const back = await api.gql(REINSTATE, { id: gid("Organization", org.id) }, platformAdmin.as);
    expect(back.data).toEqual({ reinstateMember: { status: "ACTIVE" } });
    expect((await api.gql<{ node: { statusReason: string | null } }>(STANDING, { id: gid("Organization", org.id) }, platformAdmin.as)).data?.node.statusReason).toBeNull();
    // The key, which its admins manage, works again; a token from before does not come back to
    // life, and its user signs in again.
    expect((await api.gql(VIEWER, {}, key.as)).errors).toBeUndefined();
    expect((await api.gql(VIEWER, {}, user.as)).errors?.[0]).toMatchObject({
      message: "This token was issued before its account's tokens were ended (the account disabled, its password changed, or signed out everywhere) or its organization suspended; sign in again (send login without it)",
      extensions: { code: "UNAUTHENTICATED" },
    });
    const { token } = await api.tokens.sign({ userId: (await api.dataSource.query(`SELECT id FROM app_user WHERE owner_org_id = $1`, [org.id]))[0].id, orgId: org.id });
    expect((await api.gql(VIEWER, {}, { token })).errors).toBeUndefined();
  });

  it("revokes its pending invitations, which its reinstatement does not bring back", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, `Inviting ${unique()}`);
    const admin = await userPersona(api, org, UserRole.ADMIN);
    const invited = await api.gql<{ inviteUser: { token: string } }>(INVITE_USER, { input: { email: `later-${unique()}@${org.slug}.test`, name: "Later", role: "ANALYST" } }, admin.as);
    expect(invited.errors).toBeUndefined();
    expect((await api.gql(SUSPEND, { input: { id: gid("Organization", org.id), reason: "breach" } }, platformAdmin.as)).errors).toBeUndefined();
    expect((await api.gql(REINSTATE, { id: gid("Organization", org.id) }, platformAdmin.as)).errors).toBeUndefined();
    const accepted = await api.gql(ACCEPT, { token: invited.data!.inviteUser.token, password: PASSWORD });
    expect(accepted.errors?.[0]).toMatchObject({ message: "This invitation is invalid, used or expired", extensions: { code: "UNAUTHENTICATED" } });
    const [row] = await api.dataSource.query(`SELECT revoked_at IS NOT NULL AS revoked FROM invitation WHERE owner_org_id = $1`, [org.id]);
    expect(row).toEqual({ revoked: true });
  });

  it("refuses to suspend a suspended member or reinstate an active one, naming its status, and writes nothing", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, `Unchanged ${unique()}`);
    const id = gid("Organization", org.id);
    const state = async () => ({
      status: (await api.dataSource.query(`SELECT status FROM organization WHERE id = $1`, [org.id]))[0].status,
      audit: await count("audit_event"),
    });

    const active = await state();
    const reinstated = await api.gql(REINSTATE, { id }, platformAdmin.as);
    expect(reinstated.data).toBeNull();
    expect(reinstated.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", status: "ACTIVE" });
    expect(reinstated.errors?.[0].message).toMatch(/already ACTIVE/);
    expect(await state()).toEqual(active);

    expect((await api.gql(SUSPEND, { input: { id } }, platformAdmin.as)).errors).toBeUndefined();
    const suspended = await state();
    const again = await api.gql(SUSPEND, { input: { id, reason: "again" } }, platformAdmin.as);
    expect(again.data).toBeNull();
    expect(again.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", status: "SUSPENDED" });
    expect(again.errors?.[0].message).toMatch(/already SUSPENDED/);
    expect(await state()).toEqual(suspended);
  });

  it("refuses an agency, which is no member, either way, and writes nothing", async () => {
    const agency = await createOrganization(api.dataSource, OrgKind.AGENCY, `Agency ${unique()}`);
    const investigator = await userPersona(api, agency, UserRole.INVESTIGATOR);
    const id = gid("Organization", agency.id);
    const auditBefore = await count("audit_event");

    const suspended = await api.gql(SUSPEND, { input: { id, reason: "leaks" } }, platformAdmin.as);
    expect(suspended.data).toBeNull();
    expect(suspended.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(suspended.errors?.[0].message).toMatch(/^Only members .* this one is of kind AGENCY$/);
    expect((await api.gql(VIEWER, {}, investigator.as)).errors).toBeUndefined();

    // One suspended by hand is not let in through reinstateMember either.
    await api.dataSource.query(`UPDATE organization SET status = $2 WHERE id = $1`, [agency.id, OrgStatus.SUSPENDED]);
    const reinstated = await api.gql(REINSTATE, { id }, platformAdmin.as);
    expect(reinstated.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(reinstated.errors?.[0].message).toBe(suspended.errors?.[0].message);
    const [row] = await api.dataSource.query(`SELECT status FROM organization WHERE id = $1`, [agency.id]);
    expect(row.status).toBe(OrgStatus.SUSPENDED);
    expect(await count("audit_event")).toBe(auditBefore);
  });

  it("is the platform admins' only, and never the platform itself", async () => {
    const target = { input: { id: gid("Organization", cast.brandB.org.id) } };
    for (const persona of [cast.brandAAdmin, cast.platformAnalyst]) {
      expect((await api.gql(SUSPEND, target, persona.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    const [status] = await api.dataSource.query(`SELECT status FROM organization WHERE id = $1`, [cast.brandB.org.id]);
    expect(status.status).toBe(OrgStatus.ACTIVE);
    const self = await api.gql(SUSPEND, { input: { id: gid("Organization", platformAdmin.org.id) } }, platformAdmin.as);
    expect(self.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("organizations", () => {
  it("expose no users, emails or keys: the type's fields are public, but for the platform's statusReason and emailDomains", async () => {
    const type = await api.gql<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "Organization") { fields { name } } }`, {}, cast.brandAAdmin.as);
    expect(type.data?.__type.fields.map((field) => field.name).sort()).toEqual(["emailDomains", "id", "joinedAt", "kind", "name", "status", "statusChangedAt", "statusReason"]);
  });

  it("are listed in one order when their names tie: by name, then by id", async () => {
    // Written in the order opposite to their ids: listed by name alone, they could come as written.
    const name = `Namesake ${unique()}`;
    const ids = ["ffffffff-ffff-4fff-bfff-ffffffffffff", "00000000-0000-4000-8000-00000000000a"];
    for (const id of ids) {
      await api.dataSource.query(`INSERT INTO organization (id, slug, name, kind) VALUES ($1, $2, $3, 'AGENCY')`, [id, `namesake-${id.slice(0, 8)}`, name]);
    }
    const listed = await api.gql<{ organizations: { id: string; name: string }[] }>(`{ organizations(kind: AGENCY) { id name } }`, {}, cast.brandAAnalyst.as);
    expect(listed.data!.organizations.filter((org) => org.name === name).map((org) => org.id)).toEqual([...ids].reverse().map((id) => gid("Organization", id)));
  });
});
