import { createCast, type Cast } from "../support/personas";
import { createCatalogueBrand, listingRecord } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";
import { serverUrl } from "../support/test-env";

// Two scanners re-scanning the same hot stores at once is ordinary use: ingestListings calls that
// change the prices of the same listings, sent together, all go through, and store what the same
// calls store one after the other. (A call that waited for another's stores used to find its
// listings rewritten, run again, and lose every attempt to the calls queued behind it: CONFLICT.)

let api: TestApi;
let cast: Cast;

beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
  await createCatalogueBrand(api.dataSource, cast.brandA.org, "Aurelia", [], { sku: "AU-1", name: "Silk Scarf", logoHash: "804a95d23ac181dc" });
});
afterAll(() => api.close());

const INGEST = `mutation($listings: [ListingInput!]!) { ingestListings(listings: $listings) { received updated unchanged } }`;
type Json = Record<string, unknown>;

const CALLS = 16;
const STORES = 6;
const LISTINGS_PER_STORE = 10;

// The same listings in stores of their own (`prefix`), a third of them fakes of Aurelia.
function listingsOf(prefix: string): Json[] {
  return Array.from({ length: STORES * LISTINGS_PER_STORE }, (_, n) =>
    listingRecord({
      externalId: `${prefix}-item-${n}`,
      title: n % 3 === 0 ? "Aurelia Silk Scarf replica AAA" : `Silk scarf ${n}`,
      price: { amountMinor: 50_000 + n, currency: "CNY" },
      seller: { externalId: `${prefix}-store-${n % STORES}`, name: `Hot store ${n % STORES}`, openedAt: "2024-01-01T00:00:00.000Z", brandCount: 9 },
    }),
  );
}

// Call `k` of the scans: every listing, each at a price of its own for that call.
const scan = (listings: Json[], k: number): Json[] =>
  listings.map((listing) => ({ ...listing, price: { amountMinor: (listing.price as { amountMinor: number }).amountMinor - 1_000 * (k + 1), currency: "CNY" } }));

const ingest = async (listings: Json[]) => {
  const response = await api.gql<{ ingestListings: { received: number; updated: number; unchanged: number } }>(INGEST, { listings }, cast.platformAnalyst.as);
  return { errors: response.errors?.map((e) => e.extensions?.code ?? e.message) ?? [], counts: response.data?.ingestListings };
};

// What the ingest stored of one set of listings and their stores, by their names without the prefix.
async function storedOf(prefix: string) {
  const listings = await api.dataSource.query(
    `SELECT substr(l.external_id, length($1) + 2) AS item, substr(s.external_id, length($1) + 2) AS store, l.price_minor, l.status,
            l.risk_score, l.brand_free_score, l.risk_signals,
            (SELECT json_agg(json_build_object('score', si.risk_score, 'status', si.status, 'signals', si.risk_signals))
               FROM suspected_infringement si WHERE si.listing_id = l.id) AS cases
       FROM listing l JOIN seller s ON s.id = l.seller_id
      WHERE l.external_id LIKE $1 || '-%' ORDER BY 1`,
    [prefix],
  );
  const stores = await api.dataSource.query(
    `SELECT substr(external_id, length($1) + 2) AS store, listing_count, listing_score_sum::int AS sum,
            brand_free_score_sum::int AS brand_free_sum, risk_score, brand_free_risk_score, risk_signals
       FROM seller WHERE external_id LIKE $1 || '-%' ORDER BY 1`,
    [prefix],
  );
  return { listings, stores };
}

// The embedded database has one connection: its calls take turns whatever the writer does.
(serverUrl ? it : it.skip)(`all go through when ${CALLS} calls change the prices of the same listings in the same stores at once`, async () => {
  const together = listingsOf("together");
  expect((await ingest(together)).errors).toEqual([]);
  const scanned = Array.from({ length: CALLS }, (_, k) => scan(together, k));
  const answers = await Promise.all(scanned.map(ingest));
  expect(answers.map((answer) => answer.errors)).toEqual(answers.map(() => []));
  expect(answers.every((answer) => answer.counts?.received === together.length)).toBe(true);

  // Each call is written whole, one after another on the stores they share: the last one's prices.
  const stored: { external_id: string; price_minor: string }[] = await api.dataSource.query(
    `SELECT external_id, price_minor FROM listing WHERE external_id LIKE 'together-%'`,
  );
  const callOf = (row: { external_id: string; price_minor: string }) =>
    scanned.findIndex((listings) => listings.some((l) => l.externalId === row.external_id && (l.price as { amountMinor: number }).amountMinor === Number(row.price_minor)));
  const writtenLast = new Set(stored.map(callOf));
  expect(writtenLast.size).toBe(1);
  const [last] = writtenLast;
  expect(last).toBeGreaterThanOrEqual(0);

  // The same calls one at a time, the same one last, over listings and stores of their own.
  const oneByOne = listingsOf("serial");
  await ingest(oneByOne);
  for (const k of [...Array.from({ length: CALLS }, (_, n) => n).filter((n) => n !== last), last]) expect((await ingest(scan(oneByOne, k))).errors).toEqual([]);
  expect(await storedOf("together")).toEqual(await storedOf("serial"));
  // And sent again, the last call finds everything as it would store it.
  expect((await ingest(scan(together, last))).counts).toMatchObject({ updated: 0, unchanged: together.length });
});
