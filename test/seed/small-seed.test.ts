import { loadKeyedHasher } from "../../src/domain/intel/keyed-hash";
import { seedDemoAlliance } from "../../src/seed/demo-alliance";
import { startTestApi, type TestApi } from "../support/test-api";

// `npm run cli -- seed --listings 1`: a demo alliance with a single listing, and so a single store,
// where the shared intelligence names the three riskiest stores.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

it("seeds with fewer stores than the demo intelligence names, leaving out the indicators of the stores it lacks", async () => {
  const summary = await api.dataSource.transaction((manager) => seedDemoAlliance(manager, loadKeyedHasher(api.config), { listings: 1, seed: 2017 }));
  expect(summary).toMatchObject({ organizations: 22, listings: 1, sellers: 1 });
  const [{ sellers }] = await api.dataSource.query(`SELECT count(*)::int AS sellers FROM indicator WHERE kind = 'SELLER'`);
  expect(sellers).toBeGreaterThan(0);
}, 120_000);
