import { UserRole } from "../../src/entities/enums";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createCast, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of arbitrary JSON
type Json = any;

// Every answer is the viewer's, and some carry a token or a key's secret: none may be kept by a
// browser's cache or a proxy's, and shown again to whoever comes next.
async function send(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ cacheControl: string | null; data: Json }> {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const { data, errors } = (await response.json()) as { data: Json; errors?: unknown };
  expect(errors).toBeUndefined();
  return { cacheControl: response.headers.get("cache-control"), data };
}

describe("answers that hold a token or a secret", () => {
  it("are sent Cache-Control: no-store: login, changePassword, createApiKey, inviteUser and acceptInvitation", async () => {
    const admin = await createUser(api.dataSource, cast.brandA.org, UserRole.ADMIN);
    const login = await send(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, {
      email: admin.email,
      password: TEST_PASSWORD,
    });
    expect(login.cacheControl).toBe("no-store");

    const changed = await send(
      `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token } }`,
      { current: TEST_PASSWORD, next: "a new password of some length" },
      login.data.login.token,
    );
    expect(changed.cacheControl).toBe("no-store");
    const token = changed.data.changePassword.token;

    const key = await send(`mutation { createApiKey(input: { name: "cached?", scopes: [CATALOGUE_READ] }) { secret } }`, {}, token);
    expect(key.cacheControl).toBe("no-store");

    const invited = await send(
      `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token } }`,
      { input: { email: `invitee@${cast.brandA.org.slug}.test`, name: "Invitee", role: "VIEWER" } },
      token,
    );
    expect(invited.cacheControl).toBe("no-store");

    const accepted = await send(`mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { token } }`, {
      token: invited.data.inviteUser.token,
      password: "the invitee's own password",
    });
    expect(accepted.cacheControl).toBe("no-store");
  });
});

describe("every other answer of the API", () => {
  it("is sent Cache-Control: no-store too: a query's, a GET's refusal, a refusal's, and the load balancer's check", async () => {
    const token = (cast.brandAAnalyst.as as { token: string }).token;
    expect((await send(`{ viewer { email } }`, {}, token)).cacheControl).toBe("no-store");

    const byGet = new URL(api.url);
    byGet.searchParams.set("query", "{ viewer { email } }");
    const get = await fetch(byGet, { headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "1" } });
    // Operations are POSTs (a GET's query string would sit in access logs): refused, and not cached either.
    expect(get.status).toBe(405);
    expect(get.headers.get("cache-control")).toBe("no-store");

    const refused = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("cache-control")).toBe("no-store");

    const health = await fetch(api.url.replace(/\/graphql$/, "/healthz"));
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).toBe("no-store");
  });
});
