import type { DataSource } from "typeorm";
import { readEntities, readEntity } from "../../src/data/entity-rows";
import { Listing, Seller } from "../../src/entities";
import { OrgKind, UserRole } from "../../src/entities/enums";
import { SeededRandom } from "../../src/generator/random";
import { seedMembers } from "../../src/seed/demo-alliance";
import { Scope } from "../../src/auth/scopes";
import { createApiKeyRow, createBrand, createInfringement, createListing, createOrganization, createSeller, createUser } from "../support/factories";
import { startTestApi, type TestApi } from "../support/test-api";

// readEntities must give exactly what TypeORM's getMany() gives, for every entity and column type.

let api: TestApi;
let db: DataSource;

beforeAll(async () => {
  api = await startTestApi();
  db = api.dataSource;
  await db.transaction((manager) => seedMembers(manager, new SeededRandom(5)));
  const org = await createOrganization(db, OrgKind.BRAND);
  await createUser(db, org, UserRole.ANALYST);
  await createApiKeyRow(db, org, [Scope.INFRINGEMENTS_READ, Scope.INTEL_READ], { expiresAt: new Date("2031-01-01T00:00:00.123Z") });
  const brand = await createBrand(db, org, ["Zeta", "泽塔"]);
  const seller = await createSeller(db, { openedAt: new Date("2024-02-29T23:59:59.999Z"), riskSignals: [{ kind: "SELLER_HISTORY", contribution: 5, reason: "new" }] } as Partial<Seller>);
  const listing = await createListing(db, seller, {
    priceMinor: 9_007_199_254_740,
    imageHashes: ["aef030578ad8838f", 'with "quotes", {braces} and \\'],
    specs: { capacity: "256 GB", 容量: "大" },
    averageRating: 4.2,
    title: "高仿 1:1 'replica'",
  } as Partial<Listing>);
  await createInfringement(db, brand, listing);
});
afterAll(() => api.close());

describe("readEntities", () => {
  it("reads every entity exactly as getMany() does", async () => {
    const withRows: string[] = [];
    for (const metadata of db.entityMetadatas) {
      const query = () => db.createQueryBuilder(metadata.target, "e").orderBy("e.id", "ASC");
      if (!metadata.hasColumnWithPropertyPath("id")) continue;
      const expected = await query().getMany();
      const read = await readEntities(query());
      expect({ entity: metadata.name, rows: read }).toStrictEqual({ entity: metadata.name, rows: expected });
      read.forEach((row) => expect(row).toBeInstanceOf(metadata.target as new () => unknown));
      if (expected.length) withRows.push(metadata.name);
    }
    expect(withRows).toEqual(expect.arrayContaining(["Organization", "User", "ApiKey", "Brand", "Product", "Seller", "Listing", "SuspectedInfringement"]));
  });

  it("keeps bigint precision, timestamps as dates and the query's order and limit", async () => {
    const [listing] = await readEntities(db.createQueryBuilder(Listing, "l").andWhere("l.price_minor = :p", { p: "9007199254740" }));
    expect(listing.priceMinor).toBe(9_007_199_254_740);
    expect(listing.firstSeenAt).toBeInstanceOf(Date);
    const sellers = await readEntities(db.createQueryBuilder(Seller, "s").orderBy("s.opened_at", "DESC", "NULLS LAST").limit(1));
    expect(sellers.map((s) => s.openedAt?.toISOString())).toEqual(["2024-02-29T23:59:59.999Z"]);
    expect(await readEntity(db.createQueryBuilder(Seller, "s").andWhere("false"))).toBeNull();
  });
});
