import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestFile } from "../../src/ingest/ingest-file";
import { listingRecord } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";

// The CLI's ingest of a file: its summary lists the first rejections by line, however late a
// rejection was found.
let api: TestApi;
let dir: string;
beforeAll(async () => {
  api = await startTestApi();
  dir = mkdtempSync(join(tmpdir(), "ingest-file-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await api.close();
});

it("lists the first 100 rejected lines, and counts a listing's line superseded in its batch apart, as no rejection", async () => {
  const first = listingRecord({ externalId: "superseded-listing" });
  const lines = [
    JSON.stringify(first),
    JSON.stringify({ ...first, title: "Genuine product, new title" }),
    ...Array.from({ length: 8 }, () => JSON.stringify(listingRecord())),
    ...Array.from({ length: 300 }, () => "{not json"),
  ];
  const file = join(dir, "listings.ndjson");
  writeFileSync(file, `${lines.join("\n")}\n`);
  // Each rejection is printed as it is found, and the progress bar drawn, on stderr.
  const printed: string[] = [];
  const stderr = jest.spyOn(process.stderr, "write").mockImplementation((text) => printed.push(String(text)) > 0);
  const summary = await ingestFile(api.dataSource, api.config, file, { batchRows: 10 }).finally(() => stderr.mockRestore());
  expect(printed.filter((text) => text.startsWith("line "))).toHaveLength(300);
  expect(summary).toMatchObject({ read: 310, inserted: 9, superseded: 1, rejected: 300 });
  expect(summary.rejections.map((rejection) => rejection.line)).toEqual(Array.from({ length: 100 }, (_, i) => 11 + i));
  // Written over the earlier line, as it would be had the two been in two batches.
  const [stored] = await api.dataSource.query(`SELECT title FROM listing WHERE external_id = 'superseded-listing'`);
  expect(stored.title).toBe("Genuine product, new title");
});

it("prints and sums up every fault of a rejected line", async () => {
  const faulty = listingRecord({ marketplace: "EBAY", title: "", price: { amountMinor: 1.5, currency: "RMB" }, listedAt: "yesterday" });
  const file = join(dir, "faulty.ndjson");
  writeFileSync(file, `${JSON.stringify(listingRecord())}\n${JSON.stringify(faulty)}\n`);
  const printed: string[] = [];
  const stderr = jest.spyOn(process.stderr, "write").mockImplementation((text) => printed.push(String(text)) > 0);
  const summary = await ingestFile(api.dataSource, api.config, file, { batchRows: 10 }).finally(() => stderr.mockRestore());
  const reason =
    "marketplace: must be one of TAOBAO, TMALL, ALIEXPRESS, ALIBABA, XIANYU; title: must not be empty; " +
    "price.amountMinor: must be a whole number of minor units; price.currency: must be an ISO 4217 code such as CNY; " +
    "listedAt: must be an ISO 8601 date-time, e.g. 2026-11-23T08:00:00Z";
  expect(summary).toMatchObject({ read: 2, inserted: 1, rejected: 1, rejections: [{ line: 2, reason }] });
  expect(printed.filter((text) => text.startsWith("line "))).toEqual([`line 2: ${reason}\n`]);
});
