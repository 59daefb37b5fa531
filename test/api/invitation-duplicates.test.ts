import { InvitationKind, UserRole } from "../../src/entities/enums";
import { createInvitation } from "../support/factories";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Invitations that could never all be accepted: two pending for one address, two members of one name.
let api: TestApi;
let cast: Cast;
let platformAdmin: Persona;
let brandBAdmin: Persona;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  brandBAdmin = await userPersona(api, cast.brandB.org, UserRole.ADMIN);
});
afterAll(() => api.close());

const INVITE_MEMBER = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id } } }`;
const INVITE_USER = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token invitation { id } } }`;
const ACCEPT = `mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { token } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id } }`;
const PASSWORD = "a long enough password";

type Invited = { token: string; invitation: { id: string } };
const unique = () => Math.random().toString(36).slice(2, 8);
const count = async (table: string) => Number((await api.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
// What a refused invitation must leave as it was.
const footprint = async () => ({ invitations: await count("invitation"), audit: await count("audit_event"), organizations: await count("organization") });

const inviteUser = async (email: string, persona: Persona) =>
  api.gql<{ inviteUser: Invited }>(INVITE_USER, { input: { email, name: "Invitee", role: "VIEWER" } }, persona.as);
const inviteMember = async (organizationName: string, adminEmail = `admin-${unique()}@member.test`) =>
  api.gql<{ inviteMember: Invited }>(
    INVITE_MEMBER,
    { input: { organizationName, adminEmail, adminName: "Admin", brands: [{ name: `Brandname ${unique()}` }] } },
    platformAdmin.as,
  );

describe("a second pending invitation of one address", () => {
  it("is refused to the organization that made the first, naming it, and writes nothing; revoked or expired ones do not count", async () => {
    const email = `twice-${unique()}@${cast.brandA.org.slug}.test`;
    const first = await inviteUser(email, cast.brandAAdmin);
    expect(first.errors).toBeUndefined();
    const [pending] = await api.dataSource.query(`SELECT created_at, expires_at FROM invitation WHERE email = $1`, [email]);
    const before = await footprint();
    const second = await inviteUser(` ${email.toUpperCase()}`, cast.brandAAdmin);
    expect(second.data).toBeNull();
    expect(second.errors?.[0]).toMatchObject({
      message:
        `Your organization's invitation of ${email} (made ${pending.created_at.toISOString()}) is pending until ` +
        `${pending.expires_at.toISOString()}; revoke it (revokeInvitation) before inviting this address again`,
      extensions: { code: "CONFLICT" },
    });
    expect(await footprint()).toEqual(before);

    expect((await api.gql(REVOKE, { id: first.data!.inviteUser.invitation.id }, cast.brandAAdmin.as)).errors).toBeUndefined();
    const afterRevoking = await inviteUser(email, cast.brandAAdmin);
    expect(afterRevoking.errors).toBeUndefined();
    // Accepted, the address is the organization's user: that refusal, not this one.
    expect((await api.gql(ACCEPT, { token: afterRevoking.data!.inviteUser.token, password: PASSWORD })).errors).toBeUndefined();
    expect((await inviteUser(email, cast.brandAAdmin)).errors?.[0].message).toBe("A user of your organization already has this email");

    const expired = `expired-${unique()}@${cast.brandA.org.slug}.test`;
    await createInvitation(api.dataSource, cast.brandA.org, { email: expired, expiresAt: new Date(Date.now() - 1000) });
    expect((await inviteUser(expired, cast.brandAAdmin)).errors).toBeUndefined();
  });

  it("is refused once when two are sent at once", async () => {
    const email = `race-${unique()}@${cast.brandA.org.slug}.test`;
    const results = await Promise.all([inviteUser(email, cast.brandAAdmin), inviteUser(email, cast.brandAAdmin)]);
    expect(results.map((result) => result.errors?.[0].extensions?.code ?? "MADE").sort()).toEqual(["CONFLICT", "MADE"]);
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM invitation WHERE email = $1`, [email]))[0].n).toBe(1);
  });

  it("is made when another organization invited the address: that invitation is neither found nor told", async () => {
    // Two members whose people share a domain (the platform set it on both).
    const SET = `mutation($input: SetEmailDomainsInput!) { setEmailDomains(input: $input) { emailDomains } }`;
    for (const org of [cast.brandA.org, cast.brandB.org]) {
      const domains = [`${org.slug}.test`, "both.test"];
      const set = await api.gql(SET, { input: { organizationId: gid("Organization", org.id), domains } }, platformAdmin.as);
      expect(set).toEqual({ status: 200, data: { setEmailDomains: { emailDomains: domains.sort() } } });
    }
    const email = `shared-${unique()}@both.test`;
    expect((await inviteUser(email, cast.brandAAdmin)).errors).toBeUndefined();
    const [ofA] = await api.dataSource.query(`SELECT id, created_at, expires_at FROM invitation WHERE email = $1`, [email]);
    // Brand B gets the answer it gets for an address nobody invited.
    const ofB = await inviteUser(email, brandBAdmin);
    const fresh = await inviteUser(`fresh-${unique()}@both.test`, brandBAdmin);
    expect(ofB.errors).toBeUndefined();
    expect(Object.keys(ofB.data!.inviteUser)).toEqual(Object.keys(fresh.data!.inviteUser));
    // B's own second invitation is refused naming B's, never A's.
    const againB = await inviteUser(email, brandBAdmin);
    expect(againB.errors?.[0].extensions?.code).toBe("CONFLICT");
    for (const response of [ofB, againB]) {
      const text = JSON.stringify(response);
      for (const trace of [cast.brandA.org.name, ofA.id, gid("Invitation", ofA.id), ofA.created_at.toISOString(), ofA.expires_at.toISOString()]) {
        expect(text).not.toContain(trace);
      }
    }
  });

  it("is refused to the platform for a new member's admin it already invited", async () => {
    const email = `admin-${unique()}@twice.test`;
    const first = await inviteMember(`Twice ${unique()}`, email);
    expect(first.errors).toBeUndefined();
    const before = await footprint();
    const second = await inviteMember(`Twice ${unique()}`, email);
    expect(second.data).toBeNull();
    expect(second.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(second.errors?.[0].message).toMatch(new RegExp(`^Your organization's invitation of ${email} \\(made .*\\) is pending until `));
    expect(await footprint()).toEqual(before);
  });
});

describe("a member invitation of an organization name already in use", () => {
  it("is refused when an organization has the name, trimmed and in any case, naming it, and writes nothing", async () => {
    const before = await footprint();
    for (const [name, holder] of [
      ["  brand org a ", `The BRAND organization "Brand Org A"`],
      ["AGENCY", `The AGENCY organization "Agency"`],
      // Full-width letters, and a character that shows nothing, make no other name.
      ["Ｂｒａｎｄ Org A", `The BRAND organization "Brand Org A"`],
      ["Bra\u200Bnd Org A", `The BRAND organization "Brand Org A"`],
    ]) {
      const response = await inviteMember(name);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]).toMatchObject({ message: `${holder} already has this name; choose another`, extensions: { code: "CONFLICT" } });
    }
    expect(await footprint()).toEqual(before);
  });

  it("is refused for a name with control or text-direction characters, which would read otherwise than it compares", async () => {
    const before = await footprint();
    for (const name of ["Brand \u202Egro", "Brand\u0007 Org", "\u2066Brand Org\u2069"]) {
      expect((await inviteMember(name)).errors?.[0]).toMatchObject({
        message: "The organization's name must not hold control or text-direction characters",
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    expect(await footprint()).toEqual(before);
  });

  it("is refused while a pending member invitation has the name, naming it, and writes nothing; revoked, the name is free", async () => {
    const name = `Nordlicht ${unique()}`;
    const first = await inviteMember(name);
    expect(first.errors).toBeUndefined();
    const [pending] = await api.dataSource.query(`SELECT email, expires_at FROM invitation WHERE organization_name = $1`, [name]);
    const before = await footprint();
    const second = await inviteMember(` ${name.toUpperCase()}`);
    expect(second.data).toBeNull();
    expect(second.errors?.[0]).toMatchObject({
      message:
        `The pending invitation of ${pending.email} (until ${pending.expires_at.toISOString()}) already names the organization ` +
        `"${name}"; revoke it (revokeInvitation) or choose another name`,
      extensions: { code: "CONFLICT" },
    });
    expect(await footprint()).toEqual(before);

    expect((await api.gql(REVOKE, { id: first.data!.inviteMember.invitation.id }, platformAdmin.as)).errors).toBeUndefined();
    expect((await inviteMember(name)).errors).toBeUndefined();
  });

  it("made before names were checked: the first accepted creates the organization, the second is refused and creates nothing", async () => {
    const name = `Legacy ${unique()}`;
    const member = { kind: InvitationKind.MEMBER, role: UserRole.ADMIN, brands: [{ name: `Legacybrand ${unique()}`, aliases: [] }] };
    const first = await createInvitation(api.dataSource, platformAdmin.org, { ...member, organizationName: name });
    const second = await createInvitation(api.dataSource, platformAdmin.org, {
      ...member,
      organizationName: name.toLowerCase(),
      brands: [{ name: `Legacybrand ${unique()}`, aliases: [] }],
    });
    expect((await api.gql(ACCEPT, { token: first, password: PASSWORD })).errors).toBeUndefined();
    const accepted = { ...(await footprint()), users: await count("app_user") };
    const refused = await api.gql(ACCEPT, { token: second, password: PASSWORD });
    expect(refused.errors?.[0]).toMatchObject({
      message: "An organization of this name has joined since this invitation was made; ask the platform for a new invitation",
      extensions: { code: "CONFLICT" },
    });
    expect({ ...(await footprint()), users: await count("app_user") }).toEqual(accepted);
  });
});

describe("two organizations' invitations of one address, accepted at once", () => {
  it("make one account: the other acceptance is answered CONFLICT", async () => {
    // Two members whose people share a domain (the platform set it on both) each invite one person.
    const SET = `mutation($input: SetEmailDomainsInput!) { setEmailDomains(input: $input) { emailDomains } }`;
    for (const org of [cast.brandA.org, cast.brandB.org]) {
      const domains = [`${org.slug}.test`, "shared-people.test"];
      expect((await api.gql(SET, { input: { organizationId: gid("Organization", org.id), domains } }, platformAdmin.as)).errors).toBeUndefined();
    }
    for (let round = 0; round < 10; round++) {
      const email = `both-${unique()}@shared-people.test`;
      const invited = [await inviteUser(email, cast.brandAAdmin), await inviteUser(email, brandBAdmin)];
      const answers = await Promise.all(invited.map((response) => api.gql(ACCEPT, { token: response.data!.inviteUser.token, password: PASSWORD })));
      const refusals = answers.flatMap((answer) => answer.errors ?? []);
      expect(refusals).toMatchObject([{ message: "An account with this email already exists; invite another address", extensions: { code: "CONFLICT" } }]);
      const [{ accounts }] = await api.dataSource.query(`SELECT count(*)::int AS accounts FROM app_user WHERE email = $1`, [email]);
      expect(accounts).toBe(1);
    }
  });
});
