import { ListingRemovedAt1796725000000 } from "../../src/db/migrations/1796725000000-ListingRemovedAt";
import { ListingIngest } from "../../src/ingest/listing-ingest";
import { dataOf } from "../support/enforcement";
import { createCast, gid, type Cast } from "../support/personas";
import { listingRecord, ndjson } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";
import { runMigrationSteps } from "../support/migration-steps";

// The migration that dates listings' removals works them out of what was stored: never before the
// takedown that removed a listing, so that no scan from before it brings the listing back.

let api: TestApi;
let cast: Cast;
beforeAll(async () => {
  api = await startTestApi();
  cast = await createCast(api);
});
afterAll(() => api.close());

async function backfillAgain() {
  await runMigrationSteps(api.dataSource, new ListingRemovedAt1796725000000(), "down", "up");
}

const removedAtOf = async (externalId: string): Promise<Date | null> =>
  (await api.dataSource.query(`SELECT removed_at FROM listing WHERE external_id = $1`, [externalId]))[0].removed_at;

it("dates a taken-down listing by its removal, one found under a closed store by its sighting, and an active one not at all", async () => {
  const takenDown = listingRecord({ seller: { externalId: "backfill-open", name: "Open" } });
  const underClosed = listingRecord({ seller: { externalId: "backfill-closed", name: "Closed" } });
  const active = listingRecord({ seller: { externalId: "backfill-open", name: "Open" } });
  const service = await ListingIngest.open(api.dataSource, api.config);
  await service.ingestNdjson(ndjson([takenDown, active, listingRecord({ seller: { externalId: "backfill-closed", name: "Closed" } })]), 100);
  await api.dataSource.query(`UPDATE seller SET status = 'CLOSED' WHERE external_id = 'backfill-closed'`);
  await service.ingestNdjson(ndjson([underClosed]), 100);
  const [{ id }] = await api.dataSource.query(`SELECT id FROM listing WHERE external_id = $1`, [takenDown.externalId]);
  dataOf(
    await api.gql(`mutation($id: ID!) { takeDownListing(input: { listingId: $id, reason: "court order" }) { status } }`, { id: gid("Listing", id) }, cast.platformAnalyst.as),
  );
  const removal = (await removedAtOf(takenDown.externalId as string))!;

  await backfillAgain();
  const backfilled = (await removedAtOf(takenDown.externalId as string))!;
  expect(backfilled.getTime()).toBeGreaterThanOrEqual(removal.getTime());
  expect(backfilled.getTime() - removal.getTime()).toBeLessThan(1_000);
  expect(await removedAtOf(underClosed.externalId as string)).toEqual(new Date(underClosed.seenAt as string));
  expect(await removedAtOf(active.externalId as string)).toBeNull();
});
