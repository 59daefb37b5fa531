import { Client } from "pg";
import { Scope } from "../../src/auth/scopes";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { fromGlobalId } from "../../src/schema/global-id";
import { dataOf } from "../support/enforcement";
import { createOrganization, createUser, TEST_PASSWORD } from "../support/factories";
import { createCast, gid, userPersona, type Cast, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";
import { databaseUrl, serverUrl } from "../support/test-env";

// An organization's admin lists its users and disables the account of someone who left (and
// enables it again); no one reaches another organization's users.
let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

const USERS = `{ users { id email name role disabledAt } }`;
const DISABLE = `mutation($id: ID!) { disableUser(id: $id) { id email disabledAt } }`;
const ENABLE = `mutation($id: ID!) { enableUser(id: $id) { id disabledAt } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
type GqlResponse = Awaited<ReturnType<TestApi["gql"]>>;
type UserNode = { id: string; email: string; name: string; role: string; disabledAt: string | null };

const usersAs = (persona: Persona) => api.gql<{ users: UserNode[] }>(USERS, {}, persona.as);
const disabledAt = async (id: string) => ((await api.dataSource.query(`SELECT disabled_at FROM app_user WHERE id = $1`, [id]))[0].disabled_at as Date | null);

async function signedIn(org = cast.brandA.org, role = UserRole.ANALYST) {
  const user = await createUser(api.dataSource, org, role);
  const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
  return { user, id: gid("User", user.id), as: { token } };
}

describe("an organization's users", () => {
  it("are listed to its admins, with nothing of another organization's; others are refused", async () => {
    const ofB = await signedIn(cast.brandB.org);
    const response = await usersAs(cast.brandAAdmin);
    expect(response.errors).toBeUndefined();
    const listed = response.data!.users;
    expect(listed.map((u) => u.role).sort()).toEqual(expect.arrayContaining(["ADMIN", "ANALYST", "VIEWER"]));
    expect(listed.every((u) => u.email.endsWith(`@${cast.brandA.org.slug}.test`))).toBe(true);
    expect(listed.map((u) => u.email)).not.toContain(ofB.user.email);
    for (const persona of [cast.brandAAnalyst, cast.brandAViewer, cast.investigator]) {
      expect((await usersAs(persona)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    expect((await api.gql(USERS, {}, (await cast.keyFor(cast.brandA.org, [])).as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("who left are disabled: their sign-in and their token stop at once, and enabling lets them in again", async () => {
    const leaver = await signedIn();
    const viewer = `{ viewer { email } }`;
    expect((await api.gql(viewer, {}, leaver.as)).data).toEqual({ viewer: { email: leaver.user.email } });

    const disabled = await api.gql<{ disableUser: { disabledAt: string } }>(DISABLE, { id: leaver.id }, cast.brandAAdmin.as);
    expect(disabled.errors).toBeUndefined();
    expect(disabled.data?.disableUser.disabledAt).toEqual(expect.any(String));
    // Its still unexpired token is refused, and its holder told why.
    expect((await api.gql(viewer, {}, leaver.as)).errors?.[0]).toMatchObject({
      message: "This account is disabled; ask your organization's admin",
      extensions: { code: "UNAUTHENTICATED" },
    });
    const login = await api.gql(LOGIN, { email: leaver.user.email, password: TEST_PASSWORD });
    expect(login.errors?.[0]).toMatchObject({ message: "This account is disabled; ask your organization's admin", extensions: { code: "UNAUTHENTICATED" } });
    // Asked again, as a retried revocation: answered as it is.
    const again = await api.gql<{ disableUser: { disabledAt: string } }>(DISABLE, { id: leaver.id }, cast.brandAAdmin.as);
    expect(again.data?.disableUser.disabledAt).toBe(disabled.data?.disableUser.disabledAt);
    const events = await api.dataSource.query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY created_at`, [leaver.user.id]);
    expect(events).toEqual([{ action: "user.disable" }]);

    expect((await api.gql(ENABLE, { id: leaver.id }, cast.brandAAdmin.as)).data).toEqual({ enableUser: { id: leaver.id, disabledAt: null } });
    const fresh = (await api.gql<{ login: { token: string } }>(LOGIN, { email: leaver.user.email, password: TEST_PASSWORD })).data?.login.token;
    expect(fresh).toEqual(expect.any(String));
    expect((await api.gql(viewer, {}, { token: fresh! })).data).toEqual({ viewer: { email: leaver.user.email } });
    // The token it held when it left does not come back with the account.
    expect((await api.gql(viewer, {}, leaver.as)).errors?.[0]).toMatchObject({
      message: "This token was issued before its account's tokens were ended (the account disabled, its password changed, or signed out everywhere) or its organization suspended; sign in again (send login without it)",
      extensions: { code: "UNAUTHENTICATED" },
    });
    const enabledAgain = await api.gql(ENABLE, { id: leaver.id }, cast.brandAAdmin.as);
    expect(enabledAgain.errors?.[0]).toMatchObject({ message: "This account is enabled already", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("of another organization answer exactly as missing ones, and nothing changes", async () => {
    const ofB = await signedIn(cast.brandB.org);
    const missing = gid("User", "00000000-0000-4000-8000-000000000000");
    for (const mutation of [DISABLE, ENABLE]) {
      const foreign = await api.gql(mutation, { id: ofB.id }, cast.brandAAdmin.as);
      expect(foreign.errors?.[0]).toMatchObject({ message: "User not found", extensions: { code: "NOT_FOUND" } });
      expect(foreign).toEqual(await api.gql(mutation, { id: missing }, cast.brandAAdmin.as));
    }
    // Nor does a key of the user's own organization, whatever its scopes: managing users is for its admins.
    const key = await cast.keyFor(cast.brandB.org, [Scope.CATALOGUE_READ, Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE, Scope.INTEL_READ, Scope.INTEL_WRITE]);
    expect((await api.gql(DISABLE, { id: ofB.id }, key.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const node = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: ofB.id }, cast.brandAAdmin.as);
    expect(node).toEqual({ status: 200, data: { node: null } });
    expect(await disabledAt(ofB.user.id)).toBeNull();
  });

  it("always keep an enabled admin: no admin disables their own account, and two disabling each other get one through", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Two Admins Org");
    const [first, second] = [await signedIn(org, UserRole.ADMIN), await signedIn(org, UserRole.ADMIN)];
    const own = await api.gql(DISABLE, { id: first.id }, first.as);
    expect(own.errors?.[0]).toMatchObject({
      message: "You cannot disable your own account; another admin of your organization can",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const both = await Promise.all([api.gql(DISABLE, { id: second.id }, first.as), api.gql(DISABLE, { id: first.id }, second.as)]);
    expect(both.filter((response) => !response.errors)).toHaveLength(1);
    const [{ enabled }] = await api.dataSource.query(
      `SELECT count(*)::int AS enabled FROM app_user WHERE owner_org_id = $1 AND role = 'ADMIN' AND disabled_at IS NULL`,
      [org.id],
    );
    expect(enabled).toBe(1);
  });
});

// Two connections at once need a server: the embedded database has one.
(serverUrl ? describe : describe.skip)("an admin disabled while its own request waits", () => {
  // Holds the organization's row while `requests` start one after the other, each waiting for it in
  // turn, then lets them through; their answers, in the order started.
  async function inTurnBehindOrganization(orgId: string, requests: (() => Promise<GqlResponse>)[]): Promise<GqlResponse[]> {
    const [{ current_database: database }] = await api.dataSource.query(`SELECT current_database()`);
    const holder = new Client({ connectionString: databaseUrl(serverUrl!, database) });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT id FROM organization WHERE id = $1 FOR UPDATE`, [orgId]);
      const started: Promise<GqlResponse>[] = [];
      for (const request of requests) {
        started.push(request());
        for (let n = 0; n < started.length; ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          [{ n }] = await api.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
        }
      }
      await holder.query("COMMIT");
      return await Promise.all(started);
    } finally {
      await holder.end();
    }
  }

  it("acts no more: its request, admitted before, is refused once it gets the organization", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Three Admins Org");
    const [a, b, c] = [await signedIn(org, UserRole.ADMIN), await signedIn(org, UserRole.ADMIN), await signedIn(org, UserRole.ADMIN)];
    const [aDisablesB, bDisablesC] = await inTurnBehindOrganization(org.id, [
      () => api.gql(DISABLE, { id: b.id }, a.as),
      () => api.gql(DISABLE, { id: c.id }, b.as),
    ]);
    expect(aDisablesB.errors).toBeUndefined();
    expect(bDisablesC.errors?.[0]).toMatchObject({
      message: "This account is disabled; ask your organization's admin",
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(await disabledAt(b.user.id)).not.toBeNull();
    expect(await disabledAt(c.user.id)).toBeNull();
  });

  it("acts no more once another admin made it an analyst while the request waited", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Demoted While Waiting Org");
    const [a, b, c] = [await signedIn(org, UserRole.ADMIN), await signedIn(org, UserRole.ADMIN), await signedIn(org)];
    const CHANGE = `mutation($id: ID!, $role: UserRole!) { changeUserRole(id: $id, role: $role) { role } }`;
    const [demoted, bDisablesC] = await inTurnBehindOrganization(org.id, [
      () => api.gql(CHANGE, { id: b.id, role: "ANALYST" }, a.as),
      () => api.gql(DISABLE, { id: c.id }, b.as),
    ]);
    expect(demoted.errors).toBeUndefined();
    expect(bDisablesC.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(await disabledAt(c.user.id)).toBeNull();
  });

  it("acts no more once its organization was suspended while the request waited", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Suspended While Waiting Org");
    const [admin, leaver] = [await signedIn(org, UserRole.ADMIN), await signedIn(org)];
    const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
    const [suspended, disabling] = await inTurnBehindOrganization(org.id, [
      () =>
        api.gql(
          `mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { status } }`,
          { input: { id: gid("Organization", org.id), reason: "left the alliance" } },
          platformAdmin.as,
        ),
      () => api.gql(DISABLE, { id: leaver.id }, admin.as),
    ]);
    expect(suspended.errors).toBeUndefined();
    expect(disabling.errors?.[0]).toMatchObject({
      message: "Your organization's membership is suspended; the platform's governance team can reinstate it",
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(await disabledAt(leaver.user.id)).toBeNull();
  });
});

describe("the platform and another organization's users", () => {
  it("reads who they are (a feedback's author, an audit event's actor), but lists and disables only its own", async () => {
    const platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
    const ofA = await signedIn(cast.brandA.org);
    const NODE = `query($id: ID!) { node(id: $id) { ... on User { email name } } }`;
    expect(dataOf(await api.gql(NODE, { id: ofA.id }, platformAdmin.as))).toEqual({ node: { email: ofA.user.email, name: ofA.user.displayName } });
    // Brand B still finds nothing there, exactly as at a missing id.
    const missing = await api.gql(NODE, { id: gid("User", "00000000-0000-4000-8000-000000000000") }, cast.brandBAnalyst.as);
    expect(await api.gql(NODE, { id: ofA.id }, cast.brandBAnalyst.as)).toEqual(missing);

    const listed = dataOf(await usersAs(platformAdmin)).users.map((u) => u.email);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((email) => email.endsWith(`@${cast.platformAnalyst.org.slug}.test`))).toBe(true);
    const disable = await api.gql(DISABLE, { id: ofA.id }, platformAdmin.as);
    expect(disable.errors?.[0]).toMatchObject({ message: "User not found", extensions: { code: "NOT_FOUND" } });
    expect(await disabledAt(ofA.user.id)).toBeNull();
  });
});

describe("a user's role", () => {
  const CHANGE = `mutation($id: ID!, $role: UserRole!) { changeUserRole(id: $id, role: $role) { id role } }`;
  it("is changed by its organization's admin, from the user's next request, and audited", async () => {
    const analyst = await signedIn(cast.brandA.org, UserRole.ANALYST);
    const keys = `{ apiKeys { totalCount } }`;
    expect((await api.gql(keys, {}, analyst.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(dataOf(await api.gql(CHANGE, { id: analyst.id, role: "ADMIN" }, cast.brandAAdmin.as))).toEqual({ changeUserRole: { id: analyst.id, role: "ADMIN" } });
    // The same token, now an admin's.
    expect((await api.gql(keys, {}, analyst.as)).errors).toBeUndefined();
    const [event] = await api.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'user.role' AND target_id = $1`, [analyst.user.id]);
    expect(event).toEqual({ before: { role: "ANALYST" }, after: { role: "ADMIN" } });
  });

  it("is one its organization's kind has, not the one it is, and never leaves the organization without an enabled admin", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Role Change Org");
    const admin = await signedIn(org, UserRole.ADMIN);
    const viewer = await signedIn(org, UserRole.VIEWER);
    const roleOf = async (id: string) => (await api.dataSource.query(`SELECT role FROM app_user WHERE id = $1`, [fromGlobalId(id, "User")]))[0].role;
    const investigator = await api.gql(CHANGE, { id: viewer.id, role: "INVESTIGATOR" }, admin.as);
    expect(investigator.errors?.[0]).toMatchObject({ message: "BRAND organizations have the roles ADMIN, ANALYST, VIEWER", extensions: { code: "BAD_USER_INPUT" } });
    expect((await api.gql(CHANGE, { id: viewer.id, role: "VIEWER" }, admin.as)).errors?.[0].message).toBe("This user is VIEWER already");
    const last = await api.gql(CHANGE, { id: admin.id, role: "ANALYST" }, admin.as);
    expect(last.errors?.[0]).toMatchObject({ message: "This is your organization's last enabled admin; make another user admin first", extensions: { code: "BAD_USER_INPUT" } });
    expect([await roleOf(admin.id), await roleOf(viewer.id)]).toEqual(["ADMIN", "VIEWER"]);
    // Another organization's user, a non-admin and a key: as elsewhere.
    const ofB = await signedIn(cast.brandB.org);
    const foreign = await api.gql(CHANGE, { id: ofB.id, role: "VIEWER" }, admin.as);
    expect(foreign).toEqual(await api.gql(CHANGE, { id: gid("User", "00000000-0000-4000-8000-000000000000"), role: "VIEWER" }, admin.as));
    expect((await api.gql(CHANGE, { id: viewer.id, role: "ADMIN" }, viewer.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await roleOf(ofB.id)).toBe("ANALYST");
  });
  it("is one an admin may give itself while another admin remains, from its next request", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Hand Over Org");
    const [leaving, staying] = [await signedIn(org, UserRole.ADMIN), await signedIn(org, UserRole.ADMIN)];
    expect(dataOf(await api.gql(CHANGE, { id: leaving.id, role: "ANALYST" }, leaving.as))).toEqual({ changeUserRole: { id: leaving.id, role: "ANALYST" } });
    expect((await api.gql(CHANGE, { id: staying.id, role: "ANALYST" }, leaving.as)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await api.gql(CHANGE, { id: staying.id, role: "ANALYST" }, staying.as)).errors?.[0].message).toBe(
      "This is your organization's last enabled admin; make another user admin first",
    );
  });
});
