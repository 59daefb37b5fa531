import type { DataSource } from "typeorm";
import { migrations } from "../../src/db/migrations";
import { seedDemoAlliance } from "../../src/seed/demo-alliance";
import { dataOf } from "../support/enforcement";
import { gid } from "../support/personas";
import type { Credentials } from "../support/test-api";
import { startTestApi, type TestApi } from "../support/test-api";
import { runMigrationSteps } from "../support/migration-steps";

// `npm start` keeps its database, and a deployment its server's: a migration applies to a database
// full of what the code before it wrote, and keeps it. Every table gets rows (the demo seed, then
// through the API what the seed does not write), the newest migration is undone and applied again,
// and every table keeps its rows and every column the undoing left keeps its values.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

async function signedIn(email: string): Promise<Credentials> {
  const [{ id, owner_org_id }] = await api.dataSource.query(`SELECT id, owner_org_id FROM app_user WHERE email = $1`, [email]);
  return { token: (await api.tokens.sign({ userId: id, orgId: owner_org_id })).token };
}

// The tables the demo seed leaves empty, written as their workflows write them.
async function writeWhatTheSeedDoesNot() {
  const platform = await signedIn("admin@platform.example");
  const admin = await signedIn("admin@swarovski.example");
  const analyst = await signedIn("analyst@swarovski.example");
  const [{ infringement_id, seller_id }] = await api.dataSource.query(
    `SELECT si.id AS infringement_id, si.seller_id FROM suspected_infringement si JOIN organization o ON o.id = si.owner_org_id
      WHERE o.name = 'Swarovski' AND si.status = 'CONFIRMED' LIMIT 1`,
  );
  const [{ indicator_id }] = await api.dataSource.query(`SELECT id AS indicator_id FROM indicator WHERE distribution = 'ALLIANCE' LIMIT 1`);
  const writes: [string, Record<string, unknown>, Credentials][] = [
    [`mutation($i: RecordTestBuyInput!) { recordTestBuy(input: $i) { id } }`,
      { i: { infringementId: gid("Infringement", infringement_id), orderReference: "TB-1", orderedAt: new Date().toISOString(), cost: { amountMinor: 12900, currency: "CNY" } } }, analyst],
    [`mutation($i: FileLegalActionInput!) { fileLegalAction(input: $i) { id } }`,
      { i: { sellerId: gid("Seller", seller_id), court: "Shenzhen Intermediate People's Court", claim: { amountMinor: 100000, currency: "CNY" }, filedOn: new Date().toISOString().slice(0, 10) } }, admin],
    [`mutation($i: RecordSightingInput!) { recordSighting(input: $i) { id } }`,
      { i: { indicatorId: gid("Indicator", indicator_id), seenAt: new Date().toISOString(), source: "store page" } }, analyst],
    [`query { matchIndicators(queries: [{ kind: PHONE, value: "+86 138 0013 8000" }]) { __typename } }`, {}, analyst],
    [`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`, { i: { name: "SIEM sync", scopes: ["INFRINGEMENTS_READ"] } }, admin],
    [`mutation($i: InviteUserInput!) { inviteUser(input: $i) { invitation { id } } }`, { i: { email: "new.analyst@swarovski.example", name: "New Analyst", role: "ANALYST" } }, admin],
    [`mutation($p: String!) { generateProgressReport(period: $p) { id } }`, { p: lastMonth() }, platform],
  ];
  for (const [query, variables, as] of writes) dataOf(await api.gql(query, variables, as));
  // A failed sign-in is counted (login_failure).
  await api.gql(`mutation { login(email: "analyst@swarovski.example", password: "not the password") { token } }`);
}

function lastMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

// Each table's row count (by its name) and each column's values, as a checksum of their sorted text
// (by "table.column").
async function contents(db: DataSource): Promise<Map<string, string>> {
  const columns: { table_name: string; column_name: string }[] = await db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'migrations'
      ORDER BY 1, 2`,
  );
  const tables = [...new Set(columns.map((column) => column.table_name))];
  const found = new Map<string, string>();
  for (const table of tables) {
    const names = columns.filter((column) => column.table_name === table).map((column) => column.column_name);
    const sums = names.map((name, i) => `md5(coalesce(string_agg(coalesce("${name}"::text, '<null>'), ',' ORDER BY "${name}"::text), '')) AS c${i}`);
    const [row] = await db.query(`SELECT count(*)::text AS rows, ${sums.join(", ")} FROM "${table}"`);
    found.set(table, row.rows);
    names.forEach((name, i) => found.set(`${table}.${name}`, row[`c${i}`]));
  }
  return found;
}

const newest = new (migrations.at(-1)!)();

it("applies the newest migration to a database every table of which holds rows, and keeps them", async () => {
  await api.dataSource.transaction((manager) => seedDemoAlliance(manager, api.config, { listings: 200, seed: 2017 }));
  await writeWhatTheSeedDoesNot();
  const before = await contents(api.dataSource);
  const emptyTables = [...before].filter(([key, rows]) => !key.includes(".") && rows === "0").map(([table]) => table);
  // A table added since is given rows in writeWhatTheSeedDoesNot, or this test proves nothing of it.
  expect(emptyTables).toEqual([]);

  await runMigrationSteps(api.dataSource, newest, "down");
  const undone = await contents(api.dataSource);
  await runMigrationSteps(api.dataSource, newest, "up");
  const after = await contents(api.dataSource);

  const kept = [...undone.keys()];
  expect(Object.fromEntries(kept.map((key) => [key, after.get(key)]))).toEqual(Object.fromEntries(kept.map((key) => [key, before.get(key)])));
}, 180_000);
