import { QueryFailedError } from "typeorm";
import { SameOwnerForeignKeys1796690000000 } from "../../src/db/migrations/1796690000000-SameOwnerForeignKeys";
import { createListing, createOrganization, OrgKind } from "../support/factories";
import { createCast, type Cast } from "../support/personas";
import { startTestApi, type TestApi } from "../support/test-api";

// Whatever code writes them, a row's owner is its parent's: the database refuses a note, a
// takedown, a test buy or a referred case on another member's case, a case, product or indicator
// under another member's brand, and a referred case under another agency's referral. Each write is
// tried twice, the same statement with another owner than the parent's (refused), then with the
// parent's own (stored).
let api: TestApi;
let cast: Cast;
let agencyB: string;
let referralId: string;
let newListingId: string;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  newListingId = (await createListing(api.dataSource, cast.seller)).id;
  agencyB = (await createOrganization(api.dataSource, OrgKind.AGENCY, "Second Agency")).id;
  const agency = (await createOrganization(api.dataSource, OrgKind.AGENCY, "First Agency")).id;
  [{ id: referralId }] = await api.dataSource.query(`INSERT INTO referral (agency_org_id, summary) VALUES ($1, 'Referred stores') RETURNING id`, [agency]);
});
afterAll(() => api.close());

// Rows of each kind, written for `owner` on a parent of `parentOwner`'s.
const WRITES: Record<string, (owner: "A" | "B") => [string, unknown[]]> = {
  "a note on a case": (owner) => [
    `INSERT INTO infringement_note (owner_org_id, infringement_id, body) VALUES ($1, $2, 'note')`,
    [orgOf(owner), cast.infringementBShared.id],
  ],
  "a takedown of a case": (owner) => [
    `INSERT INTO takedown_request (owner_org_id, infringement_id, brand_id, listing_id, seller_id, marketplace, reason)
     SELECT $1, i.id, i.brand_id, i.listing_id, i.seller_id, i.marketplace, 'fake' FROM suspected_infringement i WHERE i.id = $2`,
    [orgOf(owner), cast.infringementBShared.id],
  ],
  "a test buy on a case": (owner) => [
    `INSERT INTO test_buy (owner_org_id, infringement_id, ordered_at, cost_minor, currency, order_reference)
     VALUES ($1, $2, now(), 100, 'CNY', 'order-' || gen_random_uuid())`,
    [orgOf(owner), cast.infringementBShared.id],
  ],
  "a case under a brand": (owner) => [
    `INSERT INTO suspected_infringement (owner_org_id, brand_id, listing_id, seller_id, marketplace, risk_score, model_version)
     SELECT $1, $2, l.id, l.seller_id, l.marketplace, 90, 'm' FROM listing l WHERE l.id = $3`,
    [orgOf(owner), cast.brandB.brand.id, newListingId],
  ],
  "a product under a brand": (owner) => [
    `INSERT INTO product (owner_org_id, brand_id, sku, name, category, msrp_minor, currency) VALUES ($1, $2, 'SKU-' || gen_random_uuid(), 'Ring', 'Jewellery', 100, 'CNY')`,
    [orgOf(owner), cast.brandB.brand.id],
  ],
  "an indicator of a brand": (owner) => [
    `INSERT INTO indicator (owner_org_id, brand_id, kind, value, value_hash, distribution, confidence)
     VALUES ($1, $2, 'KEYWORD', 'fake', gen_random_bytes(32), 'PRIVATE', 50)`,
    [orgOf(owner), cast.brandB.brand.id],
  ],
  "a referred case": (owner) => [
    `INSERT INTO referral_infringement (referral_id, infringement_id, agency_org_id, owner_org_id, brand_id, listing_id, seller_id)
     SELECT r.id, i.id, r.agency_org_id, $1, i.brand_id, i.listing_id, i.seller_id FROM referral r, suspected_infringement i WHERE r.id = $2 AND i.id = $3`,
    [orgOf(owner), referralId, cast.infringementBShared.id],
  ],
};
const orgOf = (owner: "A" | "B") => (owner === "A" ? cast.brandA.org.id : cast.brandB.org.id);

const refusal = async (sql: string, parameters: unknown[]) => {
  try {
    await api.dataSource.query(sql, parameters);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(QueryFailedError);
    return (error as QueryFailedError & { driverError: { code: string } }).driverError.code;
  }
};

describe("foreign keys that cover the owner", () => {
  it.each(Object.keys(WRITES))("store %s of its parent's owner, and refuse it for another owner", async (kind) => {
    expect(await refusal(...WRITES[kind]("A"))).toBe("23503");
    expect(await refusal(...WRITES[kind]("B"))).toBeNull();
  });

  // The owner and the case agree in both: only the agency, or only the brand, is another's.
  it("refuse a referred case under another agency's referral", async () => {
    const [sql] = WRITES["a referred case"]("B");
    const otherAgency = sql.replace("r.agency_org_id, $1", `'${agencyB}', $1`);
    expect(await refusal(otherAgency, [cast.brandA.org.id, referralId, cast.infringementA.id])).toBe("23503");
    expect(await refusal(sql, [cast.brandA.org.id, referralId, cast.infringementA.id])).toBeNull();
  });

  it("refuse a takedown of a member's own case that names another member's brand", async () => {
    const takedown = `INSERT INTO takedown_request (owner_org_id, infringement_id, brand_id, listing_id, seller_id, marketplace, reason)
                      SELECT i.owner_org_id, i.id, $1, i.listing_id, i.seller_id, i.marketplace, 'fake' FROM suspected_infringement i WHERE i.id = $2`;
    expect(await refusal(takedown, [cast.brandB.brand.id, cast.infringementAShared.id])).toBe("23503");
    expect(await refusal(takedown, [cast.brandA.brand.id, cast.infringementAShared.id])).toBeNull();
  });

  it("refuse moving a stored case or note to another member's parent", async () => {
    const [{ id: noteOfB }] = await api.dataSource.query(`INSERT INTO infringement_note (owner_org_id, infringement_id, body) VALUES ($1, $2, 'mine') RETURNING id`, [
      cast.brandB.org.id,
      cast.infringementBShared.id,
    ]);
    expect(await refusal(`UPDATE infringement_note SET infringement_id = $1 WHERE id = $2`, [cast.infringementA.id, noteOfB])).toBe("23503");
    expect(await refusal(`UPDATE suspected_infringement SET brand_id = $1 WHERE id = $2`, [cast.brandB.brand.id, cast.infringementA.id])).toBe("23503");
  });
});

// A database holding such rows from before: the migration stops, naming the table and the count.
it("stops its migration on rows of another owner than their parent's, and applies once they are mended", async () => {
  const migration = new SameOwnerForeignKeys1796690000000();
  const runner = api.dataSource.createQueryRunner();
  try {
    await migration.down(runner);
    const [{ id: stray }] = await runner.query(`INSERT INTO infringement_note (owner_org_id, infringement_id, body) VALUES ($1, $2, 'stray') RETURNING id`, [
      cast.brandA.org.id,
      cast.infringementBShared.id,
    ]);
    await expect(migration.up(runner)).rejects.toThrow(
      "Rows belong to another organization than the rows they refer to, which the API never writes: 1 rows of infringement_note whose owner_org_id is not their suspected_infringement's (by infringement_id). Correct them, then start again",
    );
    await runner.query(`DELETE FROM infringement_note WHERE id = $1`, [stray]);
    await migration.up(runner);
  } finally {
    await runner.release();
  }
  expect(await refusal(...WRITES["a note on a case"]("A"))).toBe("23503");
});
