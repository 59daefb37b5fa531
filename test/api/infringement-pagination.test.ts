import { movedCursor } from "../support/cursors";
import type { Brand, SuspectedInfringement } from "../../src/entities";
import { InfringementStatus, Marketplace, OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createInfringement, createListing, createOrganization, createSeller, createUser } from "../support/factories";
import { gid } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

let api: TestApi;
let token: string;
let brands: Brand[];
let rows: SuspectedInfringement[];

// Eleven infringements with repeated scores and detection times, so that ordering has ties that
// only the id breaks, spread over two brands, statuses and marketplaces.
beforeAll(async () => {
  api = await startTestApi();
  const db = api.dataSource;
  const org = await createOrganization(db, OrgKind.BRAND);
  brands = [await createBrand(db, org), await createBrand(db, org)];
  const user = await createUser(db, org, UserRole.ANALYST);
  token = (await api.tokens.sign({ userId: user.id, orgId: org.id })).token;
  const statuses = [InfringementStatus.FLAGGED, InfringementStatus.UNDER_REVIEW, InfringementStatus.CONFIRMED];
  rows = [];
  for (let i = 0; i < 11; i += 1) {
    const seller = await createSeller(db, { marketplace: i % 2 ? Marketplace.TMALL : Marketplace.TAOBAO });
    const listing = await createListing(db, seller);
    rows.push(
      await createInfringement(db, brands[i % 2], listing, {
        riskScore: [70, 85, 85, 99][i % 4],
        detectedAt: new Date(Date.UTC(2026, 9, 1 + (i % 5), 12, 0, 0, 250)),
        status: statuses[i % 3],
      }),
    );
  }
});
afterAll(() => api.close());

const PAGE = `query($first: Int!, $after: String, $filter: InfringementFilter, $orderBy: InfringementOrder) {
  infringements(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
  }
}`;

type Page = { infringements: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] } };

async function walk(variables: Record<string, unknown>, pageSize: number) {
  const seen: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let guard = 0; guard < 20; guard += 1) {
    const response: { data?: Page | null; errors?: unknown[] } = await api.gql<Page>(PAGE, { ...variables, first: pageSize, after }, { token });
    expect(response.errors).toBeUndefined();
    const connection = response.data!.infringements;
    totals.add(connection.totalCount);
    seen.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { seen, totals: [...totals] };
}

const compare = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

function expected(rowsIn: SuspectedInfringement[], key: (row: SuspectedInfringement) => number, direction: "ASC" | "DESC") {
  const sign = direction === "ASC" ? 1 : -1;
  return [...rowsIn]
    .sort((a, b) => sign * (compare(key(a), key(b)) || compare(a.id, b.id)))
    .map((row) => gid("Infringement", row.id));
}

describe("paging through infringements", () => {
  it.each([
    ["DETECTED_AT", "DESC"],
    ["DETECTED_AT", "ASC"],
    ["RISK_SCORE", "DESC"],
    ["RISK_SCORE", "ASC"],
  ] as const)("by %s %s visits every row once, in order, with ties broken by id", async (field, direction) => {
    const key = field === "RISK_SCORE" ? (row: SuspectedInfringement) => row.riskScore : (row: SuspectedInfringement) => row.detectedAt.getTime();
    const { seen, totals } = await walk({ orderBy: { field, direction } }, 3);
    expect(seen).toEqual(expected(rows, key, direction));
    expect(totals).toEqual([11]);
  });

  it("gives every edge a cursor that continues the list right after that edge", async () => {
    type Edges = { infringements: { pageInfo: { endCursor: string }; edges: { cursor: string; node: { id: string } }[] } };
    const EDGES = `query($after: String) { infringements(first: 4, after: $after) { pageInfo { endCursor } edges { cursor node { id } } } }`;
    const all = expected(rows, (row) => row.detectedAt.getTime(), "DESC");
    const first = (await api.gql<Edges>(EDGES, {}, { token })).data!.infringements;
    expect(first.edges.map((edge) => edge.node.id)).toEqual(all.slice(0, 4));
    expect(first.pageInfo.endCursor).toBe(first.edges[3].cursor);
    const afterSecond = (await api.gql<Edges>(EDGES, { after: first.edges[1].cursor }, { token })).data!.infringements;
    expect(afterSecond.edges.map((edge) => edge.node.id)).toEqual(all.slice(2, 6));
  });

  it("answers first: 0 with no rows, the count, and whether any row exists, after a cursor too", async () => {
    const all = expected(rows, (row) => row.detectedAt.getTime(), "DESC");
    const counted = await api.gql<Page>(PAGE, { first: 0 }, { token });
    expect(counted.errors).toBeUndefined();
    expect(counted.data!.infringements).toEqual({ totalCount: 11, pageInfo: { hasNextPage: true, endCursor: null }, edges: [] });
    const last = (await api.gql<Page>(PAGE, { first: 11 }, { token })).data!.infringements;
    expect(last.edges.map((edge) => edge.node.id)).toEqual(all);
    const afterLast = await api.gql<Page>(PAGE, { first: 0, after: last.pageInfo.endCursor }, { token });
    expect(afterLast.data!.infringements).toMatchObject({ pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    const none = await api.gql<Page>(PAGE, { first: 0, filter: { statuses: ["REMOVED"] } }, { token });
    expect(none.data!.infringements).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it("keeps filters and sorting together across pages", async () => {
    const filter = {
      brandIds: [gid("Brand", brands[0].id)],
      statuses: [InfringementStatus.FLAGGED, InfringementStatus.CONFIRMED],
      minRiskScore: 80,
      detectedFrom: "2026-10-02T00:00:00Z",
    };
    const matching = rows.filter(
      (row) =>
        row.brandId === brands[0].id &&
        [InfringementStatus.FLAGGED, InfringementStatus.CONFIRMED].includes(row.status) &&
        row.riskScore >= 80 &&
        row.detectedAt >= new Date("2026-10-02T00:00:00Z"),
    );
    expect(matching.length).toBeGreaterThan(1);
    const { seen, totals } = await walk({ filter, orderBy: { field: "RISK_SCORE", direction: "DESC" } }, 1);
    expect(seen).toEqual(expected(matching, (row) => row.riskScore, "DESC"));
    expect(totals).toEqual([matching.length]);
  });

  it("filters by one status among several brands, by detection time, across pages", async () => {
    const filter = { brandIds: brands.map((brand) => gid("Brand", brand.id)), statuses: [InfringementStatus.UNDER_REVIEW] };
    const matching = rows.filter((row) => row.status === InfringementStatus.UNDER_REVIEW);
    expect(matching.length).toBeGreaterThan(1);
    expect(matching.length).toBeLessThan(rows.length);
    const { seen, totals } = await walk({ filter, orderBy: { field: "DETECTED_AT", direction: "DESC" } }, 2);
    expect(seen).toEqual(expected(matching, (row) => row.detectedAt.getTime(), "DESC"));
    expect(totals).toEqual([matching.length]);
  });

  it("filters by sellers and statuses together, across pages", async () => {
    // Each row has a seller of its own: the first seven sellers, of which only some rows are FLAGGED or CONFIRMED.
    const sellerIds = rows.slice(0, 7).map((row) => row.sellerId);
    const statuses = [InfringementStatus.FLAGGED, InfringementStatus.CONFIRMED];
    const matching = rows.filter((row) => sellerIds.includes(row.sellerId) && statuses.includes(row.status));
    expect(matching.length).toBeGreaterThan(2);
    expect(matching.length).toBeLessThan(7);
    const filter = { sellerIds: sellerIds.map((id) => gid("Seller", id)), statuses };
    const { seen, totals } = await walk({ filter, orderBy: { field: "RISK_SCORE", direction: "ASC" } }, 2);
    expect(seen).toEqual(expected(matching, (row) => row.riskScore, "ASC"));
    expect(totals).toEqual([matching.length]);
  });

  it("filters by marketplace and a detection window", async () => {
    const filter = { marketplaces: ["TMALL"], detectedFrom: "2026-10-02T00:00:00Z", detectedTo: "2026-10-04T00:00:00Z" };
    const matching = rows.filter(
      (row, i) => i % 2 === 1 && row.detectedAt >= new Date("2026-10-02T00:00:00Z") && row.detectedAt < new Date("2026-10-04T00:00:00Z"),
    );
    const { seen } = await walk({ filter }, 100);
    expect(seen.sort()).toEqual(matching.map((row) => gid("Infringement", row.id)).sort());
  });
});

const BACK = `query($last: Int, $before: String, $filter: InfringementFilter, $orderBy: InfringementOrder) {
  infringements(last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }
  }
}`;

type BackPage = {
  infringements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: { id: string } }[];
  };
};

// From the end back to the start, last rows first: the pages put together in reading order.
async function walkBack(variables: Record<string, unknown>, pageSize: number, as = token) {
  const pages: string[][] = [];
  let before: string | null = null;
  for (let guard = 0; guard < 20; guard += 1) {
    const response: { data?: BackPage | null; errors?: unknown[] } = await api.gql<BackPage>(BACK, { ...variables, last: pageSize, before }, { token: as });
    expect(response.errors).toBeUndefined();
    const { pageInfo, edges } = response.data!.infringements;
    pages.unshift(edges.map((edge) => edge.node.id));
    // Paging backward reads towards the start: what follows is not looked up.
    expect(pageInfo.hasNextPage).toBe(false);
    expect(pageInfo.startCursor).toBe(edges[0]?.cursor ?? null);
    if (!pageInfo.hasPreviousPage) break;
    before = pageInfo.startCursor;
  }
  return pages.flat();
}

describe("paging backward through infringements", () => {
  it.each([
    ["DETECTED_AT", "DESC"],
    ["RISK_SCORE", "ASC"],
  ] as const)("by %s %s visits every row once, and the pages read in the list's order", async (field, direction) => {
    const key = field === "RISK_SCORE" ? (row: SuspectedInfringement) => row.riskScore : (row: SuspectedInfringement) => row.detectedAt.getTime();
    expect(await walkBack({ orderBy: { field, direction } }, 3)).toEqual(expected(rows, key, direction));
  });

  it("goes back from a forward page's startCursor to the rows just before it, with filters kept", async () => {
    const filter = { statuses: [InfringementStatus.FLAGGED, InfringementStatus.CONFIRMED] };
    const orderBy = { field: "RISK_SCORE", direction: "DESC" };
    const matching = expected(
      rows.filter((row) => row.status !== InfringementStatus.UNDER_REVIEW),
      (row) => row.riskScore,
      "DESC",
    );
    const FORWARD = `query($after: String, $filter: InfringementFilter, $orderBy: InfringementOrder) {
      infringements(first: 3, after: $after, filter: $filter, orderBy: $orderBy) { pageInfo { hasPreviousPage startCursor endCursor } edges { node { id } } }
    }`;
    type Forward = { infringements: { pageInfo: { hasPreviousPage: boolean; startCursor: string; endCursor: string }; edges: { node: { id: string } }[] } };
    const first = (await api.gql<Forward>(FORWARD, { filter, orderBy }, { token })).data!.infringements;
    expect(first.pageInfo.hasPreviousPage).toBe(false);
    const second = (await api.gql<Forward>(FORWARD, { after: first.pageInfo.endCursor, filter, orderBy }, { token })).data!.infringements;
    expect(second.pageInfo.hasPreviousPage).toBe(false);
    expect(second.edges.map((edge) => edge.node.id)).toEqual(matching.slice(3, 6));

    const back = await api.gql<BackPage>(BACK, { last: 2, before: second.pageInfo.startCursor, filter, orderBy }, { token });
    expect(back.errors).toBeUndefined();
    expect(back.data!.infringements.edges.map((edge) => edge.node.id)).toEqual(matching.slice(1, 3));
    expect(back.data!.infringements.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(back.data!.infringements.totalCount).toBe(matching.length);
  });

  it("says whether rows precede a backward page, also when the page takes exactly what is left", async () => {
    const all = expected(rows, (row) => row.detectedAt.getTime(), "DESC");
    const whole = (await api.gql<BackPage>(BACK, { last: all.length }, { token })).data!.infringements;
    expect(whole.edges.map((edge) => edge.node.id)).toEqual(all);
    expect(whole.pageInfo.hasPreviousPage).toBe(false);
    const allButOne = (await api.gql<BackPage>(BACK, { last: all.length - 1 }, { token })).data!.infringements;
    expect(allButOne.edges.map((edge) => edge.node.id)).toEqual(all.slice(1));
    expect(allButOne.pageInfo.hasPreviousPage).toBe(true);
    const rest = (await api.gql<BackPage>(BACK, { last: 5, before: allButOne.pageInfo.startCursor }, { token })).data!.infringements;
    expect(rest.edges.map((edge) => edge.node.id)).toEqual(all.slice(0, 1));
    expect(rest.pageInfo.hasPreviousPage).toBe(false);
  });

  it("shows another brand's analyst nothing of these rows, from the end or before one of their cursors", async () => {
    const db = api.dataSource;
    const otherOrg = await createOrganization(db, OrgKind.BRAND);
    const otherBrand = await createBrand(db, otherOrg);
    const ownRow = await createInfringement(db, otherBrand, await createListing(db, await createSeller(db, {})), {
      detectedAt: new Date(Date.UTC(2026, 10, 1)),
    });
    const other = await createUser(db, otherOrg, UserRole.ANALYST);
    const otherToken = (await api.tokens.sign({ userId: other.id, orgId: otherOrg.id })).token;
    expect(await walkBack({}, 5, otherToken)).toEqual([gid("Infringement", ownRow.id)]);

    const theirs = (await api.gql<BackPage>(BACK, { last: 1 }, { token })).data!.infringements;
    // Their cursor is of another list (their rows): refused as any other list's.
    const refused = await api.gql<BackPage>(BACK, { last: 5, before: theirs.pageInfo.startCursor }, { token: otherToken });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    // Its position forged into a cursor of its own list tells nothing either.
    const own = (await api.gql<BackPage>(BACK, { last: 1 }, { token: otherToken })).data!.infringements;
    const probe = await api.gql<BackPage>(BACK, { last: 5, before: movedCursor(own.pageInfo.startCursor!, theirs.pageInfo.startCursor!) }, { token: otherToken });
    expect(probe.errors).toBeUndefined();
    // Their own row is newer than the cursor's: it is all that comes before it in their list.
    expect(probe.data!.infringements.edges.map((edge) => edge.node.id)).toEqual([gid("Infringement", ownRow.id)]);
    expect(probe.data!.infringements.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: false });
  });
});
