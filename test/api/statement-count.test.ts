import { InfringementNote } from "../../src/entities";
import { BrandDashboardDocument } from "../__generated__/graphql";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createInfringement, createListing, createOrganization, createSeller, createUser } from "../support/factories";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let token: string;

// 60 infringements, each on its own listing from its own seller, each with a note: any per-row
// query would show as a statement count that grows with the page size.
beforeAll(async () => {
  api = await startTestApi();
  const db = api.dataSource;
  const org = await createOrganization(db, OrgKind.BRAND);
  const brands = [await createBrand(db, org), await createBrand(db, org)];
  const user = await createUser(db, org, UserRole.ANALYST);
  for (let i = 0; i < 60; i += 1) {
    const seller = await createSeller(db);
    const listing = await createListing(db, seller);
    const infringement = await createInfringement(db, brands[i % 2], listing, { riskScore: 70 + (i % 30) });
    await db.manager.insert(InfringementNote, { ownerOrgId: org.id, infringementId: infringement.id, authorUserId: user.id, body: `note ${i}` });
  }
  token = (await api.tokens.sign({ userId: user.id, orgId: org.id })).token;
});
afterAll(() => api.close());


async function statementsFor(first: number) {
  api.statements.reset();
  const response = await api.gql(BrandDashboardDocument, { first }, { token });
  expect(response.errors).toBeUndefined();
  expect(response.data?.infringements.edges).toHaveLength(first);
  return { count: api.statements.count, statements: [...api.statements.statements] };
}

describe("SQL statements per request", () => {
  it("are the same small number for a page of 5 and a page of 50", async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    console.log(`dashboard query: ${five.count} SQL statements at first=5, ${fifty.count} at first=50`);
    expect(fifty.count).toBe(five.count);
    // viewer, the page (with its listings and sellers), count, then one batch each for brands and
    // notes (and their authors).
    expect(fifty.count).toBeLessThanOrEqual(6);
  });

  it("sends no page statement for a page of no rows asked only for its totalCount", async () => {
    const COUNTED = `query($first: Int!) { infringements(first: $first) { totalCount } }`;
    const countedWith = async (first: number) => {
      api.statements.reset();
      const response = await api.gql<{ infringements: { totalCount: number } }>(COUNTED, { first }, { token });
      expect(response.errors).toBeUndefined();
      return { totalCount: response.data!.infringements.totalCount, count: api.statements.count };
    };
    const onePage = await countedWith(1);
    const noPage = await countedWith(0);
    expect(noPage.totalCount).toBe(60);
    expect(noPage.totalCount).toBe(onePage.totalCount);
    // The viewer and the count; a page of one row reads its row besides.
    expect(noPage.count).toBe(onePage.count - 1);
  });
});
