import { IndicatorExpiryWithinDates1796670000000 } from "../../src/db/migrations/1796670000000-IndicatorExpiryWithinDates";
import { brandMember, contribute } from "../support/intel";
import { gid } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";
import { runMigrationSteps } from "../support/migration-steps";

// An expiry stored past the year 9999 (rounded up to its day before expiries had a bound) broke
// every list that held the indicator; the migration brings it back within the dates a reader can be sent.
let api: TestApi;
afterAll(() => api.close());

it("ends an expiry stored past the year 9999 on its last day, and the lists holding it answer again", async () => {
  api = await startTestApi();
  const member = await brandMember(api, "Far Expiry Brand");
  const [id] = await contribute(api, member, [{ kind: "KEYWORD", value: "far expiry", distribution: "ALLIANCE_ANONYMOUS" }]);
  const [near] = await contribute(api, member, [{ kind: "KEYWORD", value: "near expiry", distribution: "ALLIANCE", expiresAt: "2030-01-01T00:00:00.000Z" }]);
  await api.dataSource.query(`UPDATE indicator SET expires_at = '10000-01-01 00:00:00+00' WHERE id = $1`, [id]);
  const LIST = `{ indicators(first: 50, filter: { contributedByMe: true }) { edges { node { id expiresAt } } } }`;
  expect((await api.gql(LIST, {}, member.as)).errors?.[0].extensions?.code).toBe("INTERNAL_SERVER_ERROR");

  await runMigrationSteps(api.dataSource, new IndicatorExpiryWithinDates1796670000000(), "up");
  const listed = await api.gql<{ indicators: { edges: { node: { id: string; expiresAt: string } }[] } }>(LIST, {}, member.as);
  expect(listed.errors).toBeUndefined();
  expect(Object.fromEntries(listed.data!.indicators.edges.map(({ node }) => [node.id, node.expiresAt]))).toEqual({
    [gid("Indicator", id)]: "9999-12-31T00:00:00.000Z",
    [gid("Indicator", near)]: "2030-01-01T00:00:00.000Z",
  });
});
