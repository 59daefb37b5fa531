import { createSecretKey } from "node:crypto";
import { request as httpRequest } from "node:http";
import { SignJWT } from "jose";
import { Scope } from "../../src/auth/scopes";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { createApiKeyRow, createOrganization, createUser, TEST_PASSWORD } from "../support/factories";
import { startTestApi, type Credentials, type TestApi } from "../support/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const VIEWER = `{ viewer { principal email name role scopes organization { name kind } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt } }`;

const secretKey = () => createSecretKey(Buffer.from(api.config.jwt.secret as string, "utf8"));

async function expectUnauthenticated(as: Credentials) {
  const response = await api.gql(VIEWER, {}, as);
  expect(response.status).toBe(401);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  return response;
}

describe("login", () => {
  it("exchanges a user's email and password for a token that identifies the user", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Login Brand");
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    const login = await api.gql<{ login: { token: string; expiresAt: string } }>(LOGIN, {
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(login.errors).toBeUndefined();
    const response = await api.gql(VIEWER, {}, { token: login.data!.login.token });
    expect(response.data).toEqual({
      viewer: {
        principal: "USER",
        email: user.email,
        name: user.displayName,
        role: "ANALYST",
        scopes: ["CATALOGUE_READ", "CATALOGUE_WRITE", "INFRINGEMENTS_READ", "INFRINGEMENTS_WRITE", "INTEL_READ", "INTEL_WRITE"],
        organization: { name: "Login Brand", kind: "BRAND" },
      },
    });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.VIEWER);
    const wrongPassword = await api.gql(LOGIN, { email: user.email, password: "not the password" });
    const unknownEmail = await api.gql(LOGIN, { email: "nobody@nowhere.test", password: TEST_PASSWORD });
    expect(wrongPassword.errors?.[0]).toMatchObject({ message: "Invalid email or password", extensions: { code: "UNAUTHENTICATED" } });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("tells a disabled user, or one of a suspended member, why, but only once the password is right", async () => {
    const db = api.dataSource;
    const suspendedOrg = await createOrganization(db, OrgKind.BRAND);
    const ofSuspended = await createUser(db, suspendedOrg, UserRole.ANALYST);
    await db.query(`UPDATE organization SET status = 'SUSPENDED' WHERE id = $1`, [suspendedOrg.id]);
    const disabled = await createUser(db, await createOrganization(db, OrgKind.BRAND), UserRole.ANALYST);
    await db.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [disabled.id]);

    const suspended = await api.gql(LOGIN, { email: ofSuspended.email, password: TEST_PASSWORD });
    expect(suspended.errors?.[0]).toMatchObject({
      message: "Your organization's membership is suspended; the platform's governance team can reinstate it",
      extensions: { code: "UNAUTHENTICATED" },
    });
    const off = await api.gql(LOGIN, { email: disabled.email, password: TEST_PASSWORD });
    expect(off.errors?.[0]).toMatchObject({ message: "This account is disabled; ask your organization's admin", extensions: { code: "UNAUTHENTICATED" } });
    for (const response of [suspended, off]) expect(response.data?.login ?? null).toBeNull();
    // Without the password, they answer as an unknown address does.
    const unknown = await api.gql(LOGIN, { email: "nobody-either@nowhere.test", password: "not the password" });
    for (const user of [ofSuspended, disabled]) expect(await api.gql(LOGIN, { email: user.email, password: "not the password" })).toEqual(unknown);
  });

  it("gives a viewer role read scopes only", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.VIEWER);
    const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
    const response = await api.gql<{ viewer: { scopes: string[] } }>(VIEWER, {}, { token });
    expect(response.data?.viewer.scopes).toEqual(["CATALOGUE_READ", "INFRINGEMENTS_READ", "INTEL_READ"]);
  });
});

describe("tokens that are not ours and valid are refused", () => {
  let userId: string;
  let orgId: string;
  beforeAll(async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    userId = user.id;
    orgId = org.id;
  });

  const claims = () => ({ org: orgId });
  const base = () => new SignJWT(claims()).setSubject(userId).setIssuer("alliance-api").setAudience("alliance-api").setIssuedAt();

  it("refuses an anonymous request for anything but login", async () => {
    const response = await api.gql(VIEWER);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    // As the README says: a bare __typename names the root type and nothing more, and is answered.
    expect(await api.gql(`{ __typename }`)).toMatchObject({ status: 200, data: { __typename: "Query" } });
  });

  it("lets only a signed-in client read the schema, which graphql-shield does not guard", async () => {
    const INTROSPECT = `{ __schema { mutationType { fields { name } } } }`;
    const TYPE = `query { ...T } fragment T on Query { __type(name: "Seller") { fields { name } } }`;
    for (const query of [INTROSPECT, TYPE]) {
      const anonymous = await api.gql(query);
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors?.[0]).toMatchObject({
        message: "Sign in to read the schema (send a Bearer token or an x-api-key header); schema.graphql holds it too",
        extensions: { code: "UNAUTHENTICATED" },
      });
    }
    const { token } = await api.tokens.sign({ userId, orgId });
    const signedIn = await api.gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(INTROSPECT, {}, { token });
    expect(signedIn.data?.__schema.mutationType.fields.map((field) => field.name)).toContain("login");
  });

  it("suggests the schema's names to a signed-in client who misspells one, and to no one else", async () => {
    const MISSPELT = `{ infringementz(firts: 1) { totalCount } }`;
    const { token } = await api.tokens.sign({ userId, orgId });
    const messages = async (as?: { token: string }) => (await api.gql(MISSPELT, {}, as)).errors?.map((error) => [error.message, error.extensions?.code]);
    expect(await messages({ token })).toEqual([
      ['Cannot query field "infringementz" on type "Query". Did you mean "infringement" or "infringements"?', "BAD_USER_INPUT"],
    ]);
    expect(await messages()).toEqual([['Cannot query field "infringementz" on type "Query".', "BAD_USER_INPUT"]]);
    const ENUM = `{ organizations(kind: BRANDS) { name } }`;
    expect((await api.gql(ENUM, {}, { token })).errors?.[0].message).toBe('Value "BRANDS" does not exist in "OrgKind" enum. Did you mean the enum value "BRAND"?');
    expect((await api.gql(ENUM)).errors?.[0].message).toBe('Value "BRANDS" does not exist in "OrgKind" enum.');
  });

  it("reads the Bearer scheme in any case, as HTTP names it", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
    for (const scheme of ["bearer", "BEARER"]) {
      const response = await api.gql<{ viewer: { email: string } }>(`{ viewer { email } }`, {}, { headers: { authorization: `${scheme} ${token}` } });
      expect(response.data?.viewer.email).toBe(user.email);
    }
  });

  it("refuses garbage and a header that is not a Bearer token", async () => {
    await expectUnauthenticated({ token: "not-a-jwt" });
    await expectUnauthenticated({ headers: { authorization: "Basic dXNlcjpwYXNz" } });
  });

  it("refuses an expired token", async () => {
    const token = await base().setProtectedHeader({ alg: "HS256" }).setExpirationTime(Math.floor(Date.now() / 1000) - 10).sign(secretKey());
    await expectUnauthenticated({ token });
  });

  it("refuses a token issued in the future, or longer ago than a token lives, whatever its exp says", async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (iat: number, exp: number) =>
      new SignJWT(claims()).setSubject(userId).setIssuer("alliance-api").setAudience("alliance-api").setIssuedAt(iat)
        .setProtectedHeader({ alg: "HS256", typ: "JWT" }).setExpirationTime(exp).sign(secretKey());
    // The control: ours, as the server signs them.
    expect((await api.gql(VIEWER, {}, { token: await signed(now, now + 600) })).errors).toBeUndefined();
    await expectUnauthenticated({ token: await signed(now + 365 * 86_400, now + 366 * 86_400) });
    await expectUnauthenticated({ token: await signed(now - 30 * 86_400, now + 100 * 365 * 86_400) });
  });

  it("refuses an unsigned token (alg none)", async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const token = `${encode({ alg: "none", typ: "JWT" })}.${encode({ ...claims(), sub: userId, iss: "alliance-api", aud: "alliance-api", iat: now, exp: now + 600 })}.`;
    await expectUnauthenticated({ token });
  });

  it("refuses a token signed with another secret, or with another algorithm", async () => {
    const otherSecret = createSecretKey(Buffer.from("a".repeat(64), "utf8"));
    const wrongKey = await base().setProtectedHeader({ alg: "HS256" }).setExpirationTime("10m").sign(otherSecret);
    const wrongAlgorithm = await base().setProtectedHeader({ alg: "HS512" }).setExpirationTime("10m").sign(secretKey());
    await expectUnauthenticated({ token: wrongKey });
    await expectUnauthenticated({ token: wrongAlgorithm });
  });

  it("refuses a token of another issuer, or for another audience, though signed with this secret", async () => {
    const signed = (issuer: string, audience: string) =>
      new SignJWT(claims()).setSubject(userId).setIssuer(issuer).setAudience(audience).setIssuedAt()
        .setProtectedHeader({ alg: "HS256", typ: "JWT" }).setExpirationTime("10m").sign(secretKey());
    // The control: ours, as the server signs them.
    expect((await api.gql(VIEWER, {}, { token: await signed("alliance-api", "alliance-api") })).errors).toBeUndefined();
    await expectUnauthenticated({ token: await signed("another-service", "alliance-api") });
    await expectUnauthenticated({ token: await signed("alliance-api", "another-service") });
  });

  it("refuses a valid token of a user who has since been disabled", async () => {
    // A user of its own: the other tests' tokens are of a user still enabled.
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
    expect((await api.gql(VIEWER, {}, { token })).errors).toBeUndefined();
    await api.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
    await expectUnauthenticated({ token });
  });
});

describe("API keys as credentials", () => {
  it("identifies the key, with exactly its scopes, and records its use", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND, "Keyed Brand");
    const { apiKey, secret } = await createApiKeyRow(api.dataSource, org, [Scope.INFRINGEMENTS_READ]);
    const response = await api.gql(VIEWER, {}, { apiKey: secret });
    expect(response.data).toEqual({
      viewer: {
        principal: "API_KEY",
        email: null,
        name: apiKey.name,
        role: null,
        scopes: ["INFRINGEMENTS_READ"],
        organization: { name: "Keyed Brand", kind: "BRAND" },
      },
    });
    const [row] = await api.dataSource.query(`SELECT last_used_at FROM api_key WHERE id = $1`, [apiKey.id]);
    expect(row.last_used_at).not.toBeNull();
  });

  it("refuses revoked, expired, unknown and malformed keys", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const revoked = await createApiKeyRow(api.dataSource, org, [Scope.INFRINGEMENTS_READ], { revokedAt: new Date() });
    const expired = await createApiKeyRow(api.dataSource, org, [Scope.INFRINGEMENTS_READ], { expiresAt: new Date(Date.now() - 1000) });
    await expectUnauthenticated({ apiKey: revoked.secret });
    await expectUnauthenticated({ apiKey: expired.secret });
    await expectUnauthenticated({ apiKey: `ak_${"A".repeat(43)}` });
    await expectUnauthenticated({ apiKey: "hunter2" });
  });

  it("refuses a request carrying both a token and a key", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
    const { secret } = await createApiKeyRow(api.dataSource, org, [Scope.INFRINGEMENTS_READ]);
    await expectUnauthenticated({ headers: { authorization: `Bearer ${token}`, "x-api-key": secret } });
  });

  it("refuses a request with two Authorization headers, which a proxy in front might read otherwise than Node", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
    // Sent as two header lines (node:http writes raw header pairs so; fetch would join them into one).
    const body = JSON.stringify({ query: VIEWER });
    const headers = ["host", new URL(api.url).host, "content-type", "application/json", "content-length", String(Buffer.byteLength(body)), "authorization", `Bearer ${token}`, "authorization", "Bearer x.y.z"];
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(api.url, { method: "POST", headers }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body }));
      });
      request.on("error", reject);
      request.end(body);
    });
    expect(JSON.parse(answer.body).errors?.[0]).toMatchObject({ message: "Send one Authorization header, not 2", extensions: { code: "UNAUTHENTICATED" } });
    // One of them alone is answered.
    expect((await api.gql(VIEWER, {}, { token })).errors).toBeUndefined();
  });

  it("refuses every credential of a suspended organization at once", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    const { token } = await api.tokens.sign({ userId: user.id, orgId: org.id });
    const { secret } = await createApiKeyRow(api.dataSource, org, [Scope.INFRINGEMENTS_READ]);
    await api.dataSource.query(`UPDATE organization SET status = 'SUSPENDED' WHERE id = $1`, [org.id]);
    await expectUnauthenticated({ token });
    await expectUnauthenticated({ apiKey: secret });
    const login = await api.gql(LOGIN, { email: user.email, password: TEST_PASSWORD });
    expect(login.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});
