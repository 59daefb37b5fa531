import { Readable } from "node:stream";
import { generateListings } from "../../src/generator/marketplace-generator";
import { ListingIngest } from "../../src/ingest/listing-ingest";
import { seedDemoAlliance } from "../../src/seed/demo-alliance";
import { startTestApi, type TestApi } from "../support/test-api";

// `npm run cli -- seed --listings 1`: a demo alliance with a single listing, and so a single store,
// where the shared intelligence names the three stores with the most fakes.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

it("seeds with fewer stores than the demo intelligence names, leaving out the indicators of the stores it lacks", async () => {
  const summary = await api.dataSource.transaction((manager) => seedDemoAlliance(manager, api.config, { listings: 1, seed: 2017 }));
  expect(summary).toMatchObject({ organizations: 22, listings: 1, sellers: 1 });
  const [{ sellers }] = await api.dataSource.query(`SELECT count(*)::int AS sellers FROM indicator WHERE kind = 'SELLER'`);
  expect(sellers).toBeGreaterThan(0);
}, 120_000);

it("counts what it created, not the rows a database held before", async () => {
  const other = await startTestApi();
  try {
    const feed = [...generateListings({ listings: 40, seed: 5 })].map((listing) => JSON.stringify(listing)).join("\n");
    const ingest = await ListingIngest.open(other.dataSource, other.config);
    const before = await ingest.ingestNdjson(Readable.from([Buffer.from(feed)]), 100, { onRejection: () => {} });
    expect(before).toMatchObject({ inserted: 40 });
    expect(before.sellersCreated).toBeGreaterThan(1);

    const summary = await other.dataSource.transaction((manager) => seedDemoAlliance(manager, other.config, { listings: 1, seed: 2017 }));
    expect(summary).toMatchObject({ listings: 1, sellers: 1 });
    const [{ listings }] = await other.dataSource.query(`SELECT count(*)::int AS listings FROM listing`);
    expect(listings).toBe(41);
  } finally {
    await other.close();
  }
}, 120_000);
