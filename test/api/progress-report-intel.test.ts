import { UserRole } from "../../src/entities/enums";
import { brandMember, contribute, MATCH } from "../support/intel";
import { createCast, gid, userPersona, type Persona } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Shared intelligence in the progress report of May 2024: four members share indicators (one of
// them also a PRIVATE one, which the alliance gets nothing from), and three of them run blind
// matches that find a value the others shared.
let api: TestApi;
let platformAdmin: Persona;
const members: (Persona & { org: { id: string } })[] = [];

interface Cell { category: string | null; marketplace: string | null; value: number | null; suppression: string | null; ownValue: number | null }
interface Table { metric: string; marketplaces: string[]; cells: Cell[] }

beforeAll(async () => {
  api = await startTestApi();
  const cast = await createCast(api);
  platformAdmin = await userPersona(api, cast.platformAnalyst.org, UserRole.ADMIN);
  for (const name of ["Intel A", "Intel B", "Intel C", "Intel D"]) members.push(await brandMember(api, name));
  const [a, b, c, d] = members;
  const keyword = (value: string, distribution: string) => ({ kind: "KEYWORD", value, distribution });
  await contribute(api, a, [keyword("a one", "ALLIANCE"), keyword("a two", "ALLIANCE"), keyword("shared phrase", "ALLIANCE"), keyword("a secret", "PRIVATE")]);
  await contribute(api, b, [keyword("b one", "MATCH_ONLY"), keyword("b two", "MATCH_ONLY"), keyword("shared phrase", "ALLIANCE_ANONYMOUS")]);
  await contribute(api, c, [keyword("c one", "ALLIANCE_ANONYMOUS"), keyword("shared phrase", "ALLIANCE_ANONYMOUS")]);
  await contribute(api, d, [keyword("d one", "ALLIANCE"), keyword("d two", "ALLIANCE"), keyword("d three", "ALLIANCE")]);
  // The platform's own, which members read with their contributor: counted, they would make a
  // member's hidden MATCH_ONLY count the total less what members can list.
  await contribute(api, cast.platformAnalyst, [keyword("platform one", "ALLIANCE"), keyword("platform two", "ALLIANCE")]);
  // Twice each: three members with 1 each would be withheld (each would know the others' figures).
  for (const persona of [a, b, d, a, b, d, cast.platformAnalyst]) {
    const response = await api.gql(MATCH, { queries: [{ kind: "KEYWORD", value: "Shared Phrase" }, { kind: "KEYWORD", value: "nobody has this" }] }, persona.as);
    expect(response.errors).toBeUndefined();
  }
  await api.dataSource.query(`UPDATE indicator SET created_at = '2024-05-10T12:00:00Z'`);
  await api.dataSource.query(`UPDATE audit_event SET created_at = '2024-05-11T12:00:00Z' WHERE action = 'intel.match'`);

  const generated = await api.gql<{ generateProgressReport: { id: string } }>(
    `mutation { generateProgressReport(period: "2024-05") { id } }`, {}, platformAdmin.as);
  expect(generated.errors).toBeUndefined();
  const id = generated.data!.generateProgressReport.id;
  await api.gql(`mutation($id: ID!) { reviewProgressReport(input: { id: $id }) { status } }`, { id }, platformAdmin.as);
  const published = await api.gql(`mutation($id: ID!) { publishProgressReport(id: $id) { status } }`, { id }, platformAdmin.as);
  expect(published.errors).toBeUndefined();
});
afterAll(() => api.close());

async function tableAs(persona: Persona, metric: string): Promise<Table> {
  const response = await api.gql<{ progressReports: { edges: { node: { tables: Table[] } }[] } }>(
    `{ progressReports(first: 5) { edges { node { tables { metric marketplaces cells { category marketplace value suppression ownValue } } } } } }`,
    {},
    persona.as,
  );
  expect(response.errors).toBeUndefined();
  const table = response.data!.progressReports.edges[0].node.tables.find((t) => t.metric === metric);
  if (!table) throw new Error(`no ${metric} table`);
  return table;
}

const total = (table: Table) => table.cells.find((cell) => cell.category === null && cell.marketplace === null)!;

describe("shared intelligence in progress reports", () => {
  it("counts indicators every member reads, not PRIVATE or MATCH_ONLY ones, with each member's own figure", async () => {
    const table = await tableAs(members[0], "INDICATORS_SHARED");
    expect(table.marketplaces).toEqual([]);
    expect(total(table)).toEqual({ category: null, marketplace: null, value: 9, suppression: null, ownValue: 3 });
    expect((await tableAs(members[2], "INDICATORS_SHARED")).cells.find((cell) => cell.category === "Uncategorized" && cell.marketplace === null)).toEqual({
      category: "Uncategorized",
      marketplace: null,
      value: 9,
      suppression: null,
      ownValue: 2,
    });
  });

  it("gives no member, less the rows it reads and its own figure, a count of other members' hidden indicators", async () => {
    for (const member of members) {
      const { value, ownValue } = total(await tableAs(member, "INDICATORS_SHARED"));
      const response = await api.gql<{ indicators: { edges: { node: { createdAt: string; contributor: { id: string; kind: string } | null } }[] } }>(
        `{ indicators(first: 100, filter: { includeExpired: true }) { edges { node { createdAt contributor { id kind } } } } }`,
        {},
        member.as,
      );
      expect(response.errors).toBeUndefined();
      const othersRows = response.data!.indicators.edges.filter(
        ({ node }) => node.createdAt.startsWith("2024-05") && node.contributor?.id !== gid("Organization", member.org.id) && node.contributor?.kind !== "PLATFORM",
      );
      expect({ member: member.name, hidden: value! - ownValue! - othersRows.length }).toEqual({ member: member.name, hidden: 0 });
    }
  });

  it("counts blind-match lookups that found a match, by the member that looked", async () => {
    const asD = total(await tableAs(members[3], "INDICATORS_MATCHED"));
    expect(asD).toEqual({ category: null, marketplace: null, value: 6, suppression: null, ownValue: 2 });
    expect(total(await tableAs(members[2], "INDICATORS_MATCHED")).ownValue).toBe(0);
  });

  it("records how many values each lookup matched, and never the values", async () => {
    const events: { after: { matched: number; lookups: { hash: string }[] } }[] = await api.dataSource.query(
      `SELECT after FROM audit_event WHERE action = 'intel.match' AND owner_org_id = $1`,
      [members[3].org.id],
    );
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.after.matched)).toEqual([1, 1]);
    expect(JSON.stringify(events[0].after)).not.toMatch(/shared phrase|nobody has this/i);
  });
});
