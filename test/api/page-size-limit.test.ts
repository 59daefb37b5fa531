import { OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createInfringement, createListing, createOrganization, createSeller, createUser } from "../support/factories";
import { startTestApi, type TestApi } from "../support/test-api";

// A MAX_PAGE_SIZE below the default page of 20 bounds the default page too.
let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi({ MAX_PAGE_SIZE: "5" });
  const db = api.dataSource;
  const org = await createOrganization(db, OrgKind.BRAND);
  const brand = await createBrand(db, org);
  const seller = await createSeller(db);
  for (let i = 0; i < 7; i += 1) await createInfringement(db, brand, await createListing(db, seller));
  const user = await createUser(db, org, UserRole.ANALYST);
  token = (await api.tokens.sign({ userId: user.id, orgId: org.id })).token;
});
afterAll(() => api.close());

describe("a MAX_PAGE_SIZE below 20", () => {
  it("makes the page asked for without `first` that size, and refuses a larger `first`", async () => {
    const page = await api.gql<{ infringements: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ infringements { edges { cursor } pageInfo { hasNextPage } } }`,
      {},
      { token },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.infringements.edges).toHaveLength(5);
    expect(page.data?.infringements.pageInfo.hasNextPage).toBe(true);
    const tooLarge = await api.gql(`{ infringements(first: 6) { totalCount } }`, {}, { token });
    expect(tooLarge.errors?.[0]).toMatchObject({ message: "`first` must be between 0 and 5", extensions: { code: "BAD_USER_INPUT" } });
  });
});
