import { Scope } from "../../src/auth/scopes";
import { InfringementStatus, UserRole } from "../../src/entities/enums";
import { CREATE_REFERRAL, dataOf } from "../support/enforcement";
import { createInfringement, createListing } from "../support/factories";
import { createCast, gid, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// A mutation commits before its answer is read: one whose selection holds a field the caller may
// not read is refused before it runs, rather than answered `data: null` over a change it made.
let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { name organization { name emailDomains } } } }`;
const keysNamed = async (name: string) => Number((await api.dataSource.query(`SELECT count(*) AS n FROM api_key WHERE name = $1`, [name]))[0].n);

it("refuses a brand's createApiKey that asks for its organization's emailDomains (the platform's), and makes no key", async () => {
  const input = { input: { name: "SIEM sync", scopes: ["INFRINGEMENTS_READ"] } };
  const refused = await api.gql(CREATE_KEY, input, cast.brandAAdmin.as);
  expect(refused.status).toBe(200);
  expect(refused.data).toBeNull();
  expect(refused.errors).toEqual([
    expect.objectContaining({ path: ["createApiKey", "apiKey", "organization", "emailDomains"], extensions: { code: "FORBIDDEN" } }),
  ]);
  expect(await keysNamed("SIEM sync")).toBe(0);

  // The name is still free: the same request without the field makes the key, its secret shown.
  const made = await api.gql<{ createApiKey: { secret: string } }>(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { name organization { name } } } }`,
    input,
    cast.brandAAdmin.as,
  );
  expect(made.errors).toBeUndefined();
  expect(made.data!.createApiKey.secret).toMatch(/^ak_/);
  expect(await keysNamed("SIEM sync")).toBe(1);
});

it("finds the field through a fragment and an alias, and leaves the case and its history as they were", async () => {
  const caseRow = async () =>
    (await api.dataSource.query(
      `SELECT status, (SELECT count(*) FROM infringement_note n WHERE n.infringement_id = i.id)::int AS notes FROM suspected_infringement i WHERE id = $1`,
      [cast.infringementA.id],
    ))[0];
  const before = await caseRow();
  const REVIEW = `mutation($input: ReviewInfringementInput!) { reviewInfringement(input: $input) { id ...Owner } }
    fragment Owner on Infringement { brand { owner { domains: emailDomains } } }`;
  const input = { input: { id: gid("Infringement", cast.infringementA.id), status: "UNDER_REVIEW", note: "looking" } };
  const refused = await api.gql(REVIEW, input, cast.brandAAnalyst.as);
  expect(refused.data).toBeNull();
  expect(refused.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
    [["reviewInfringement", "brand", "owner", "domains"], "FORBIDDEN"],
  ]);
  expect(await caseRow()).toEqual(before);

  const reviewed = await api.gql(`mutation($input: ReviewInfringementInput!) { reviewInfringement(input: $input) { status } }`, input, cast.brandAAnalyst.as);
  expect(reviewed.data).toEqual({ reviewInfringement: { status: "UNDER_REVIEW" } });
  expect(await caseRow()).toEqual({ status: "UNDER_REVIEW", notes: before.notes + 1 });
});

it("refuses an agency's updateReferral and a brand key's review that ask for emailDomains, and changes neither", async () => {
  const listing = await createListing(api.dataSource, cast.seller, { title: "AA referred replica" });
  const confirmed = await createInfringement(api.dataSource, cast.brandA.brand, listing, { status: InfringementStatus.CONFIRMED });
  const { createReferral } = dataOf(
    await api.gql<{ createReferral: { id: string } }>(
      CREATE_REFERRAL,
      { agencyId: gid("Organization", cast.investigator.org.id), ids: [gid("Infringement", confirmed.id)] },
      cast.platformAnalyst.as,
    ),
  );
  const takenUp = await api.gql(
    `mutation($input: UpdateReferralInput!) { updateReferral(input: $input) { status agency { emailDomains } } }`,
    { input: { id: createReferral.id, status: "INVESTIGATING" } },
    cast.investigator.as,
  );
  expect(takenUp.data).toBeNull();
  expect(takenUp.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[["updateReferral", "agency", "emailDomains"], "FORBIDDEN"]]);
  expect((await api.dataSource.query(`SELECT status FROM referral`))[0]).toEqual({ status: "REFERRED" });

  const key = await cast.keyFor(cast.brandA.org, [Scope.INFRINGEMENTS_READ, Scope.INFRINGEMENTS_WRITE]);
  const status = async () => (await api.dataSource.query(`SELECT status FROM suspected_infringement WHERE id = $1`, [cast.infringementAShared.id]))[0].status;
  const reviewed = await api.gql(
    `mutation($input: ReviewInfringementInput!) { reviewInfringement(input: $input) { status brand { owner { emailDomains } } } }`,
    { input: { id: gid("Infringement", cast.infringementAShared.id), status: "UNDER_REVIEW" } },
    key.as,
  );
  expect(reviewed.data).toBeNull();
  expect(reviewed.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
  expect(await status()).toBe("FLAGGED");
});

it("runs the same selection for the platform, which may read the field", async () => {
  const made = await api.gql<{ createApiKey: { apiKey: { organization: { emailDomains: string[] } } } }>(
    CREATE_KEY,
    { input: { name: "platform sync", scopes: ["INFRINGEMENTS_READ"] } },
    (await cast.userOf(cast.platformAnalyst.org, UserRole.ADMIN)).as,
  );
  expect(made.errors).toBeUndefined();
  expect(made.data!.createApiKey.apiKey.organization.emailDomains).toEqual(expect.any(Array));
});

it("answers an anonymous mutation UNAUTHENTICATED with HTTP 401, as before", async () => {
  const refused = await api.gql(CREATE_KEY, { input: { name: "anonymous", scopes: ["INFRINGEMENTS_READ"] } });
  expect(refused.status).toBe(401);
  expect(refused.data).toBeNull();
  expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  expect(await keysNamed("anonymous")).toBe(0);
});
