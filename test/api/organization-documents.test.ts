import * as graphqlParser from "graphql/language/parser";
import { Scope } from "../../src/auth/scopes";
import { UserRole } from "../../src/entities/enums";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createCast, type Cast } from "../support/personas";
import { startTestApi, type Credentials, type TestApi } from "../support/test-api";

// A document the server has parsed and validated is used again without either only for the
// organization that sent it: the time of an answer would otherwise tell a member whether another
// tenant had sent the same text, with a listing id or a blind-match value written into it.
let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

// Apollo parses a text only when it has no document for it: on a cache miss.
const parses = jest.spyOn(graphqlParser, "parse");
const parsesOf = (text: string) => parses.mock.calls.filter(([source]) => source === text).length;

async function send(text: string, as: Credentials, variables: Record<string, unknown> = {}) {
  const response = await api.gql(text, variables, as);
  expect(response.errors).toBeUndefined();
  return response;
}

describe("parsed documents", () => {
  it("are used again within the organization that sent them, and never for another", async () => {
    const text = `{ infringements(first: 5, filter: { listingExternalIds: ["6612345"] }) { totalCount } }`;
    await send(text, cast.brandAAnalyst.as);
    await send(text, cast.brandAAnalyst.as);
    await send(text, cast.brandAViewer.as);
    expect(parsesOf(text)).toBe(1);

    await send(text, cast.brandBAnalyst.as);
    expect(parsesOf(text)).toBe(2);
    await send(text, (await cast.keyFor(cast.brandB.org, [Scope.INFRINGEMENTS_READ])).as);
    expect(parsesOf(text)).toBe(2);

    await send(text, cast.platformAnalyst.as);
    expect(parsesOf(text)).toBe(3);
  });

  it("are not kept for requests without a viewer, which are answered all the same", async () => {
    const user = await createUser(api.dataSource, cast.brandA.org, UserRole.ANALYST);
    const login = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
    for (let i = 0; i < 2; i++) {
      const response = await send(login, undefined, { email: user.email, password: TEST_PASSWORD });
      expect(response.data).toEqual({ login: { token: expect.any(String) } });
    }
    expect(parsesOf(login)).toBe(2);
  });
});
