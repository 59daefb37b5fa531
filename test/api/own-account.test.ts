import { Scope } from "../../src/auth/scopes";
import { UserRole } from "../../src/entities/enums";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createCast, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// A user's own account: a new password, or every token ended, stops a leaked password or a stolen
// token everywhere at once.
let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  // Three failed sign-ins of an address are enough to be refused: the throttle is tried below.
  api = await startTestApi({ LOGIN_MAX_FAILURES: "3" });
  cast = await createCast(api);
});
afterAll(() => api.close());

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token expiresAt } }`;
const SIGN_OUT = `mutation { signOutEverywhere }`;
const VIEWER = `{ viewer { email } }`;
const NEW_PASSWORD = "a brand new passphrase";
const TOO_EASY = "The password is too easy to guess:";
const STALE =
  "This token was issued before its account's tokens were ended (the account disabled, its password changed, or signed out everywhere) or its organization suspended; sign in again (send login without it)";

// A user of brand A signed in twice, as on two devices.
async function twoSessions() {
  const user = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
  const signIn = async (password = TEST_PASSWORD) => {
    const response = await api.gql<{ login: { token: string } }>(LOGIN, { email: user.email, password });
    return response.data ? { token: response.data.login.token } : response.errors![0];
  };
  return { user, signIn, here: (await signIn()) as { token: string }, there: (await signIn()) as { token: string } };
}

const passwordHashOf = async (id: string) => (await api.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [id]))[0].password_hash as string;

describe("changePassword", () => {
  it("sets the new password, ends every token issued before, this one too, and answers a new one", async () => {
    const { user, signIn, here, there } = await twoSessions();
    const changed = await api.gql<{ changePassword: { token: string; expiresAt: string } }>(CHANGE, { current: TEST_PASSWORD, next: NEW_PASSWORD }, here);
    expect(changed.errors).toBeUndefined();
    for (const old of [here, there]) {
      expect((await api.gql(VIEWER, {}, old)).errors?.[0]).toMatchObject({ message: STALE, extensions: { code: "UNAUTHENTICATED" } });
    }
    expect((await api.gql(VIEWER, {}, { token: changed.data!.changePassword.token })).data).toEqual({ viewer: { email: user.email } });
    expect(await signIn()).toMatchObject({ message: "Invalid email or password" });
    expect((await api.gql(VIEWER, {}, (await signIn(NEW_PASSWORD)) as { token: string })).data).toEqual({ viewer: { email: user.email } });
    const events = await api.dataSource.query(`SELECT action, actor_user_id FROM audit_event WHERE target_id = $1`, [user.id]);
    expect(events).toEqual([{ action: "user.password.change", actor_user_id: user.id }]);
  });

  it("refuses a wrong current password as a failed sign-in, and a bad new one, changing nothing", async () => {
    const { user, signIn, here } = await twoSessions();
    const before = await passwordHashOf(user.id);
    const refusals: [string, string, string][] = [
      [TEST_PASSWORD, "too short", "A password must be 12 to 200 characters"],
      [TEST_PASSWORD, " ".repeat(12), "A password must hold more than spaces"],
      [TEST_PASSWORD, "password1234", `${TOO_EASY} This is similar to a commonly used password. Add more words that are less common.`],
      [TEST_PASSWORD, user.email, `${TOO_EASY} There should not be any personal or page related data. Add more words that are less common.`],
      [TEST_PASSWORD, TEST_PASSWORD, "The new password is the current one; choose another"],
      ["not my password", NEW_PASSWORD, "The current password is wrong (counted as a failed sign-in of your address)"],
    ];
    for (const [current, next, message] of refusals) {
      const response = await api.gql(CHANGE, { current, next }, here);
      expect(response.errors?.[0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT" } });
    }
    expect(await passwordHashOf(user.id)).toBe(before);
    expect((await api.gql(VIEWER, {}, here)).errors).toBeUndefined();
    // A stolen token cannot try passwords faster than a sign-in may: two more failures reach the
    // limit of three, and then the right password is refused too, to both.
    for (let attempt = 0; attempt < 2; attempt++) await api.gql(CHANGE, { current: `guess ${attempt}`, next: NEW_PASSWORD }, here);
    const limited = await api.gql(CHANGE, { current: TEST_PASSWORD, next: NEW_PASSWORD }, here);
    expect(limited.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
    expect(await signIn()).toMatchObject({ extensions: { code: "RATE_LIMITED" } });
    expect(await passwordHashOf(user.id)).toBe(before);
  });
});

describe("signOutEverywhere", () => {
  it("ends every token of the account, this one too, and no other account's; signing in again works", async () => {
    const { user, signIn, here, there } = await twoSessions();
    const colleague = await twoSessions();
    const ended = await api.gql<{ signOutEverywhere: string }>(SIGN_OUT, {}, here);
    expect(Date.now() - new Date(ended.data!.signOutEverywhere).getTime()).toBeLessThan(60_000);
    for (const old of [here, there]) {
      expect((await api.gql(VIEWER, {}, old)).errors?.[0]).toMatchObject({ message: STALE, extensions: { code: "UNAUTHENTICATED" } });
    }
    expect((await api.gql(VIEWER, {}, colleague.here)).errors).toBeUndefined();
    expect((await api.gql(VIEWER, {}, (await signIn()) as { token: string })).data).toEqual({ viewer: { email: user.email } });
  });
});

it("is a user's own: an API key has no account, and is refused both", async () => {
  const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
  for (const [mutation, variables] of [
    [CHANGE, { current: TEST_PASSWORD, next: NEW_PASSWORD }],
    [SIGN_OUT, {}],
  ] as const) {
    const response = await api.gql(mutation, variables, key.as);
    expect(response.errors?.[0]).toMatchObject({ message: "This is a signed-in user's own account: an API key has none", extensions: { code: "FORBIDDEN" } });
  }
});
