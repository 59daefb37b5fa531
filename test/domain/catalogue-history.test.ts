import type { DataSource } from "typeorm";
import { viewerOfUserEmail } from "../../src/auth/resolve-viewer";
import type { Viewer } from "../../src/auth/viewer";
import { removeProducts, upsertProducts } from "../../src/domain/catalogue";
import { DEFAULT_RISK_CONFIG } from "../../src/risk/risk-config";
import { parsePeriod } from "../../src/domain/reports/period";
import { ownersByCategory } from "../../src/domain/reports/figure-sources";
import type { Database } from "../../src/db/data-source";
import type { Brand } from "../../src/entities";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { createBrand, createOrganization, createUser } from "../support/factories";
import { StatementCounter } from "../support/statement-counter";
import { openTestDatabase } from "../support/test-database";

// A brand's catalogue through time, as a report drafted now reads it for a past period: the
// category most of the brand's products were in at the period's end. Each test's brand is the
// only one in categories of its own, so the report counts one member in the brand's category.

let database: Database;
let db: DataSource;
const statements = new StatementCounter();
beforeAll(async () => {
  database = await openTestDatabase(statements);
  db = database.dataSource;
});
afterAll(() => database.close());

let serial = 0;
async function member(): Promise<{ brand: Brand; viewer: Viewer; categories: (name: string) => string }> {
  const org = await createOrganization(db, OrgKind.BRAND);
  const user = await createUser(db, org, UserRole.ADMIN);
  const prefix = `history ${++serial}`;
  return {
    brand: await createBrand(db, org),
    viewer: (await viewerOfUserEmail(db.manager, user.email))!,
    categories: (name) => `${prefix} ${name}`,
  };
}

const at = (day: string) => new Date(`${day}T12:00:00Z`);
const product = (sku: string, category: string) => ({ sku, name: `Product ${sku}`, category, msrp: { amountMinor: 10_000, currency: "CNY" } });

async function send(who: { brand: Brand; viewer: Viewer }, day: string, products: { sku: string; category: string }[]) {
  await upsertProducts(db, { risk: DEFAULT_RISK_CONFIG, catalogue: { logoClashRefusalsPerDay: 5 } }, who.viewer, { brandId: who.brand.id, products: products.map((p) => product(p.sku, p.category)) }, at(day));
}
async function take(who: { brand: Brand; viewer: Viewer }, day: string, skus: string[]) {
  await removeProducts(db, who.viewer, { brandId: who.brand.id, skus }, at(day));
}

// Of `categories`, those the report of each month counts the brand in.
async function categoriesByMonth(months: string[], categories: string[]) {
  const byMonth: Record<string, string[]> = {};
  for (const month of months) {
    const { ownersOf } = await ownersByCategory(db.manager, parsePeriod(month));
    byMonth[month] = categories.filter((category) => ownersOf.get(category)?.size === 1);
  }
  return byMonth;
}

const spellsOf = async (brand: Brand) =>
  (
    await db.query(
      `SELECT p.sku, s.category, s.started_at, s.ended_at FROM product_spell s JOIN product p ON p.id = s.product_id
        WHERE p.brand_id = $1 ORDER BY p.sku, s.started_at`,
      [brand.id],
    )
  ).map((row: { sku: string; category: string; started_at: Date; ended_at: Date | null }) => [
    row.sku,
    row.category,
    row.started_at.toISOString().slice(0, 10),
    row.ended_at?.toISOString().slice(0, 10) ?? null,
  ]);

it("leaves a SKU removed and sent again out of the months it was out of the catalogue", async () => {
  const who = await member();
  const bags = who.categories("Bags");
  await send(who, "2025-01-10", [{ sku: "R-1", category: bags }]);
  await take(who, "2025-02-10", ["R-1"]);
  await send(who, "2025-04-10", [{ sku: "R-1", category: bags }]);
  expect(await categoriesByMonth(["2025-01", "2025-02", "2025-03", "2025-04"], [bags])).toEqual({
    "2025-01": [bags],
    "2025-02": [],
    "2025-03": [],
    "2025-04": [bags],
  });
});

it("reads a past period's category as it was, after an upsert moves the products to another", async () => {
  const who = await member();
  const [bags, shoes] = [who.categories("Bags"), who.categories("Shoes")];
  await send(who, "2025-01-10", [{ sku: "C-1", category: bags }, { sku: "C-2", category: bags }]);
  await send(who, "2025-03-10", [{ sku: "C-1", category: shoes }, { sku: "C-2", category: shoes }]);
  expect(await categoriesByMonth(["2025-01", "2025-02", "2025-03"], [bags, shoes])).toEqual({
    "2025-01": [bags],
    "2025-02": [bags],
    "2025-03": [shoes],
  });
});

it("keeps each spell of a product removed and sent again under another category", async () => {
  const who = await member();
  const [bags, shoes] = [who.categories("Bags"), who.categories("Shoes")];
  await send(who, "2025-01-10", [{ sku: "S-1", category: bags }]);
  await take(who, "2025-02-10", ["S-1"]);
  await send(who, "2025-03-10", [{ sku: "S-1", category: shoes }]);
  await take(who, "2025-05-10", ["S-1"]);
  expect(await spellsOf(who.brand)).toEqual([
    ["S-1", bags, "2025-01-10", "2025-02-10"],
    ["S-1", shoes, "2025-03-10", "2025-05-10"],
  ]);
  expect(await categoriesByMonth(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"], [bags, shoes])).toEqual({
    "2025-01": [bags],
    "2025-02": [],
    "2025-03": [shoes],
    "2025-04": [shoes],
    "2025-05": [],
  });
});

it("moves a brand to another category from the month one product changes its own, and not before", async () => {
  const who = await member();
  const [bags, shoes] = [who.categories("Bags"), who.categories("Shoes")];
  await send(who, "2025-01-10", [{ sku: "M-1", category: bags }, { sku: "M-2", category: bags }, { sku: "M-3", category: shoes }]);
  // The same category again (a new price, say) does not start a new spell.
  await send(who, "2025-02-10", [{ sku: "M-1", category: bags }]);
  await send(who, "2025-03-10", [{ sku: "M-2", category: shoes }]);
  await send(who, "2025-05-10", [{ sku: "M-2", category: bags }]);
  expect(await spellsOf(who.brand)).toEqual([
    ["M-1", bags, "2025-01-10", null],
    ["M-2", bags, "2025-01-10", "2025-03-10"],
    ["M-2", shoes, "2025-03-10", "2025-05-10"],
    ["M-2", bags, "2025-05-10", null],
    ["M-3", shoes, "2025-01-10", null],
  ]);
  expect(await categoriesByMonth(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"], [bags, shoes])).toEqual({
    "2025-01": [bags],
    "2025-02": [bags],
    "2025-03": [shoes],
    "2025-04": [shoes],
    "2025-05": [bags],
  });
});

it("gives a brand no category in a report of a period before its products were in its catalogue", async () => {
  const who = await member();
  const bags = who.categories("Bags");
  await send(who, "2025-03-10", [{ sku: "L-1", category: bags }]);
  expect(await categoriesByMonth(["2025-01", "2025-02", "2025-03"], [bags])).toEqual({ "2025-01": [], "2025-02": [], "2025-03": [bags] });
});

it("writes the spells of all a call's products in as many statements as of one", async () => {
  const who = await member();
  const [bags, shoes] = [who.categories("Bags"), who.categories("Shoes")];
  const skus = (count: number, prefix: string) => Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
  const statementsOf = async (call: () => Promise<void>) => {
    statements.reset();
    await call();
    return statements.count;
  };
  const sent = (list: string[], category: string) => list.map((sku) => ({ sku, category }));
  const one = skus(1, "ONE");
  const many = skus(40, "MANY");
  expect(await statementsOf(() => send(who, "2025-01-10", sent(many, bags)))).toBe(await statementsOf(() => send(who, "2025-01-10", sent(one, bags))));
  expect(await statementsOf(() => send(who, "2025-02-10", sent(many, shoes)))).toBe(await statementsOf(() => send(who, "2025-02-10", sent(one, shoes))));
  expect(await statementsOf(() => take(who, "2025-03-10", many))).toBe(await statementsOf(() => take(who, "2025-03-10", one)));
  const [{ spells }] = await db.query(`SELECT count(*)::int AS spells FROM product_spell s JOIN product p ON p.id = s.product_id WHERE p.brand_id = $1`, [who.brand.id]);
  expect(spells).toBe(2 * 41);
});
