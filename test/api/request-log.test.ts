import { createSecretKey } from "node:crypto";
import { SignJWT } from "jose";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { Scope } from "../../src/auth/scopes";
import { createApiKeyRow, createOrganization, createUser, TEST_PASSWORD } from "../support/factories";
import { logLines } from "../support/log-lines";
import { createCast, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let cast: Cast;
let log: ReturnType<typeof logLines>;
beforeAll(async () => {
  log = logLines();
  api = await startTestApi({}, { logger: log.logger });
  cast = await createCast(api);
});
afterAll(() => api.close());

// The request lines logged while `send` ran: every request ends in exactly one, written once its
// answer has left (the connection's close follows the answer).
async function requestLines(send: () => Promise<unknown>) {
  const from = log.lines.length;
  await send();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return log.lines.slice(from).filter((line) => line.message === "request");
}

describe("the request log", () => {
  it("writes one info line per request: its operation, who asked, how long it took and how it ended", async () => {
    const lines = await requestLines(() => api.gql(`query Dashboard { infringements(first: 1) { totalCount } }`, {}, cast.brandAAnalyst.as));
    expect(lines).toEqual([
      {
        level: "info",
        message: "request",
        fields: {
          requestId: expect.any(String),
          operation: "Dashboard",
          operationType: "query",
          principal: "USER",
          organizationKind: "BRAND",
          organizationId: cast.brandA.org.id,
          durationMs: expect.any(Number),
          outcome: "ok",
          status: 200,
        },
      },
    ]);
  });

  it("names an operation without a name anonymous, and an API key's request as the key's", async () => {
    const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ]);
    const [line] = await requestLines(() => api.gql(`{ infringements(first: 1) { totalCount } }`, {}, key.as));
    expect(line.fields).toMatchObject({ operation: "anonymous", operationType: "query", principal: "API_KEY", organizationId: cast.brandA.org.id, outcome: "ok" });
  });

  it("says the codes of the errors answered, those of a request refused before GraphQL ran too, with its HTTP status", async () => {
    const [forbidden] = await requestLines(() => api.gql(`query Keys { apiKeys(first: 1) { totalCount } }`, {}, cast.brandAViewer.as));
    expect(forbidden.fields).toMatchObject({ operation: "Keys", outcome: "error", errorCodes: ["FORBIDDEN"], status: 200 });

    const [unauthenticated] = await requestLines(() => api.gql(`query Mine { viewer { email } }`, {}, { token: "not-a-token" }));
    expect(unauthenticated.fields).toMatchObject({ principal: null, organizationId: null, outcome: "error", errorCodes: ["UNAUTHENTICATED"], status: 401 });

    const [unreadable] = await requestLines(() => api.post("{not json"));
    expect(unreadable.fields).toMatchObject({ operation: "anonymous", operationType: null, outcome: "error", errorCodes: ["BAD_USER_INPUT"], status: 400 });
  });

  // An operator looking for a client whose credentials stopped working finds it by its operation,
  // and sees its credentials refused, as neither an anonymous request nor anyone's.
  it("names the operation sent and says the credentials were refused, for every refusal, never holding the token or key", async () => {
    const org = await createOrganization(api.dataSource, OrgKind.BRAND);
    const user = await createUser(api.dataSource, org, UserRole.ANALYST);
    const expired = await new SignJWT({ org: org.id })
      .setSubject(user.id)
      .setIssuer("alliance-api")
      .setAudience("alliance-api")
      .setIssuedAt()
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(createSecretKey(Buffer.from(api.config.jwt.secret as string, "utf8")));
    const revoked = await createApiKeyRow(api.dataSource, org, [Scope.INFRINGEMENTS_READ], { revokedAt: new Date() });
    const suspendedOrg = await createOrganization(api.dataSource, OrgKind.BRAND);
    const suspended = await api.tokens.sign({ userId: (await createUser(api.dataSource, suspendedOrg, UserRole.ANALYST)).id, orgId: suspendedOrg.id });
    await api.dataSource.query(`UPDATE organization SET status = 'SUSPENDED' WHERE id = $1`, [suspendedOrg.id]);
    const refused = {
      "bad token": { authorization: "Bearer not-a-token" },
      "expired token": { authorization: `Bearer ${expired}` },
      "revoked key": { "x-api-key": revoked.secret },
      "unknown key": { "x-api-key": `ak_${"A".repeat(43)}` },
      "suspended organization": { authorization: `Bearer ${suspended.token}` },
    };
    const DOCUMENT = `query Dashboard { infringements(first: 1) { totalCount } }`;
    for (const [name, headers] of Object.entries(refused)) {
      const [named] = await requestLines(() => api.post(JSON.stringify({ query: DOCUMENT, operationName: "Dashboard" }), headers));
      const [unnamed] = await requestLines(() => api.post(JSON.stringify({ query: DOCUMENT }), headers));
      for (const line of [named, unnamed]) {
        expect({ name, fields: line.fields }).toEqual({
          name,
          fields: {
            requestId: expect.any(String),
            operation: "Dashboard",
            operationType: null,
            principal: null,
            organizationKind: null,
            organizationId: null,
            credentials: "refused",
            durationMs: expect.any(Number),
            outcome: "error",
            errorCodes: ["UNAUTHENTICATED"],
            status: 401,
          },
        });
        const written = JSON.stringify(line);
        for (const secret of Object.values(headers)) expect(written).not.toContain(secret.replace("Bearer ", ""));
      }
    }
  });

  it("names an operation sent by a name no document holds, or in a document that does not parse, as the client named it", async () => {
    const [wrongName] = await requestLines(() => api.post(JSON.stringify({ query: `query A { viewer { email } }`, operationName: "B" }), { authorization: "Bearer x" }));
    expect(wrongName.fields).toMatchObject({ operation: "B", credentials: "refused" });
    const [unparsed] = await requestLines(() => api.post(JSON.stringify({ query: `query A {` }), { authorization: "Bearer x" }));
    expect(unparsed.fields).toMatchObject({ operation: "anonymous", credentials: "refused" });
    const [notAName] = await requestLines(() => api.post(JSON.stringify({ query: `query A { viewer { email } }`, operationName: "a b\nc" }), { authorization: "Bearer x" }));
    expect(notAName.fields).toMatchObject({ operation: "anonymous", credentials: "refused" });
  });

  // Passwords and private indicator values travel as variables; e-mail addresses name people.
  it("holds no variable values, e-mail address, token or key", async () => {
    const user = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
    const secrets = [user.email, TEST_PASSWORD, "+86 139 0013 9000", "counterfeit-shop.example"];
    const key = await cast.keyFor(cast.brandA.org, [Scope.INTEL_READ]);
    const lines = await requestLines(async () => {
      const signIn = await api.gql<{ login: { token: string } }>(
        `mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
        { email: user.email, password: TEST_PASSWORD },
      );
      secrets.push(signIn.data!.login.token);
      const match = await api.gql(
        `query Match($queries: [IndicatorQueryInput!]!) { matchIndicators(queries: $queries) { matched } }`,
        { queries: [{ kind: "PHONE", value: secrets[2] }, { kind: "DOMAIN", value: secrets[3] }] },
        key.as,
      );
      expect(match.errors).toBeUndefined();
    });
    expect(lines.map((line) => [line.fields?.operation, line.fields?.outcome])).toEqual([
      ["SignIn", "ok"],
      ["Match", "ok"],
    ]);
    secrets.push((key.as as { apiKey: string }).apiKey);
    const written = JSON.stringify(lines);
    for (const secret of secrets) expect(written).not.toContain(secret);
  });
});
