import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import type { PoolClient } from "pg";
import type { DataSource } from "typeorm";
import { InfringementStatus, OrgKind, RiskSignalKind } from "../../src/entities/enums";
import { isConnectionLoss } from "../../src/db/transaction";
import { copyRows, CopyText } from "../../src/ingest/copy-rows";
import { ListingIngest, type IngestCounts } from "../../src/ingest/listing-ingest";
import { validateListingRecord } from "../../src/ingest/listing-record";
import type { IntelSource } from "../../src/ingest/intel-source";
import { NO_INTEL } from "../../src/risk/signals/intel-match";
import { createOrganization } from "../support/factories";
import { createCatalogueBrand, listingRecord, ndjson } from "../support/listing-records";
import { startTestApi, type TestApi } from "../support/test-api";
import { serverUrl } from "../support/test-env";

// The ingest service on a real database: what a file does, and does again.

let api: TestApi;
let db: DataSource;

beforeAll(async () => {
  api = await startTestApi();
  db = api.dataSource;
  const org = await createOrganization(db, OrgKind.BRAND, "Zephyr Group");
  await createCatalogueBrand(db, org, "Zephyr", ["泽菲尔"], { sku: "ZS100", name: "Crystal Swan Pendant", logoHash: "804a95d23ac181dc" });
});
afterAll(() => api.close());

const ingest = async (lines: Parameters<typeof ndjson>[0], batchRows = 100, intel?: IntelSource, concurrency = 1, workerAfterLines?: number) => {
  const rejections: { line: number; reason: string }[] = [];
  const service = await ListingIngest.open(db, api.config, { intel, workerAfterLines });
  const counts = await service.ingestNdjson(ndjson(lines), batchRows, { onRejection: (r) => rejections.push(r), concurrency });
  return { counts, rejections };
};

// Everything ingest writes about these listings, in a stable order.
async function rowsOf(externalIds: string[]) {
  const listings = await db.query(`SELECT * FROM listing WHERE external_id = ANY($1) ORDER BY external_id`, [externalIds]);
  const sellers = await db.query(`SELECT * FROM seller WHERE id = ANY($1) ORDER BY id`, [listings.map((l: { seller_id: string }) => l.seller_id)]);
  const infringements = await db.query(
    `SELECT si.* FROM suspected_infringement si JOIN listing l ON l.id = si.listing_id WHERE l.external_id = ANY($1) ORDER BY si.id`,
    [externalIds],
  );
  return { listings, sellers, infringements };
}

// Takes `sql`'s locks in a transaction of its own; the returned function commits it.
async function holdLocks(sql: string, params: unknown[] = []): Promise<() => Promise<void>> {
  const blocker = db.createQueryRunner();
  await blocker.connect();
  await blocker.startTransaction();
  await blocker.query(sql, params);
  return async () => {
    await blocker.commitTransaction();
    await blocker.release();
  };
}

// Resolves once `count` sessions of this database wait on a lock in a statement that starts so.
async function lockWaits(statementStart: string, count: number): Promise<void> {
  for (let waiting = 0; waiting < count; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    [{ waiting }] = await db.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND starts_with(query, $1)`,
      [statementStart],
    );
  }
}

// Intelligence that fails the batch of any record titled with "boom".
const failing: IntelSource = {
  batchKeys: () => {
    const keys: string[] = [];
    return { keys, add: (record) => [keys.push(record.title) - 1] };
  },
  viewsOf: async (_manager, keys, keysOfRecords) => {
    if (keys.some((title) => title.includes("boom"))) throw new Error("intel service unavailable");
    return keysOfRecords.map(() => NO_INTEL);
  },
};

const fake = (fields: Record<string, unknown> = {}) =>
  listingRecord({ title: "Zephyr Crystal Swan Pendant replica AAA", price: { amountMinor: 9_900, currency: "CNY" }, ...fields });
const genuine = (fields: Record<string, unknown> = {}) => listingRecord({ title: "Zephyr Crystal Swan Pendant", ...fields });
const idsOf = (records: Record<string, unknown>[]) => records.map((r) => r.externalId as string);

describe("listing ingest", () => {
  it("is idempotent: the same file twice stores the same rows, and the second time changes nothing", async () => {
    const records = [fake(), fake({ seller: { externalId: "store-2", name: "Fake Store", brandCount: 30 } }), genuine()];
    const first = await ingest(records);
    expect(first.counts).toMatchObject({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, infringementsCreated: 2 });
    const before = await rowsOf(idsOf(records));
    expect(before.listings).toHaveLength(3);
    expect(before.infringements).toHaveLength(2);

    const second = await ingest(records);
    expect(second.counts).toMatchObject({ read: 3, inserted: 0, updated: 0, unchanged: 3, infringementsCreated: 0, infringementsUpdated: 0, sellersCreated: 0, sellersUpdated: 0 });
    expect(await rowsOf(idsOf(records))).toEqual(before);
  });

  it("prepares a large file's records on a worker thread exactly as inline: the same file again changes nothing", async () => {
    const records = [
      fake({ seller: { externalId: "store-worker", name: "Worker Store", brandCount: 30 } }),
      genuine(),
      fake({ title: "Zephyr 泽菲尔 Crystal Swan 高仿 A货", imageHashes: ["804a95d23ac181dc"] }),
    ];
    // From line 0 on, on the worker; chunks of 2 lines, one of them with a malformed line.
    const first = await ingest([records[0], "{not json", records[1], records[2]], 2, undefined, 1, 0);
    expect(first.counts).toMatchObject({ read: 4, inserted: 3, rejected: 1, infringementsCreated: 2 });
    expect(first.rejections).toEqual([{ line: 2, reason: expect.stringContaining("not valid JSON") }]);
    const before = await rowsOf(idsOf(records));
    expect(before.infringements).toHaveLength(2);

    const inline = await ingest(records, 100, undefined, 1);
    expect(inline.counts).toMatchObject({ read: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await rowsOf(idsOf(records))).toEqual(before);
  });

  it("re-scores a listing whose price or title changed, and updates its infringement without a duplicate", async () => {
    const record = genuine();
    await ingest([record]);
    expect((await rowsOf(idsOf([record]))).infringements).toHaveLength(0);

    // The price drops to 8% of MSRP and the title turns into a fake's: now flagged.
    const cheaper = { ...record, title: "Zephyr Crystal Swan Pendant 高仿 AAA", price: { amountMinor: 9_900, currency: "CNY" } };
    expect((await ingest([cheaper])).counts).toMatchObject({ inserted: 0, updated: 1, infringementsCreated: 1 });
    const flagged = await rowsOf(idsOf([record]));
    expect(flagged.listings[0]).toMatchObject({ title: cheaper.title, price_minor: "9900" });
    expect(flagged.infringements).toHaveLength(1);
    const [infringement] = flagged.infringements;
    await db.query(`UPDATE suspected_infringement SET status = 'UNDER_REVIEW' WHERE id = $1`, [infringement.id]);

    // One counterfeit word less: a lower score on the same infringement, its review status kept.
    const reworded = { ...cheaper, title: "Zephyr Crystal Swan Pendant AAA" };
    expect((await ingest([reworded])).counts).toMatchObject({ updated: 1, infringementsCreated: 0, infringementsUpdated: 1 });
    const after = await rowsOf(idsOf([record]));
    expect(after.infringements).toHaveLength(1);
    expect(after.infringements[0]).toMatchObject({ id: infringement.id, status: InfringementStatus.UNDER_REVIEW });
    expect(after.infringements[0].risk_score).toBeLessThan(infringement.risk_score);
    expect(after.listings[0].risk_score).toBe(after.infringements[0].risk_score);
  });

  it("moves a listing's infringements to its new seller, those of a brand it no longer matches included", async () => {
    const record = fake({ seller: { externalId: "store-before-move", name: "Before" } });
    await ingest([record]);
    const [flagged] = (await rowsOf(idsOf([record]))).infringements;
    expect(flagged).toBeDefined();

    // Sold now by another store, under a title that names no brand: Zephyr no longer matches.
    const moved = { ...record, title: "Crystal Swan Pendant", seller: { externalId: "store-after-move", name: "After" } };
    expect((await ingest([moved])).counts).toMatchObject({ updated: 1, infringementsCreated: 0 });
    const after = await rowsOf(idsOf([record]));
    const [newSeller] = await db.query(`SELECT id FROM seller WHERE external_id = 'store-after-move'`);
    expect(after.listings[0].seller_id).toBe(newSeller.id);
    expect(after.infringements).toHaveLength(1);
    expect(after.infringements[0]).toMatchObject({ id: flagged.id, seller_id: newSeller.id, risk_score: after.listings[0].risk_score });
  });

  it("re-scores a case on a listing that no longer names its brand on the brand-free signals, and flags nothing anew", async () => {
    const record = fake({ seller: { externalId: "store-unnamed", name: "Unnamed" } });
    await ingest([record]);
    const [flagged] = (await rowsOf(idsOf([record]))).infringements;
    const kindsOf = (signals: { kind: RiskSignalKind }[]) => signals.map((s) => s.kind).sort();
    expect(kindsOf(flagged.risk_signals)).toEqual([RiskSignalKind.COUNTERFEIT_KEYWORDS, RiskSignalKind.PRICE_ANOMALY]);
    await db.query(`UPDATE suspected_infringement SET status = 'UNDER_REVIEW' WHERE id = $1`, [flagged.id]);

    // The same fake, with the brand's name gone from the title: Zephyr's price no longer applies.
    const unnamed = { ...record, title: "Crystal Swan Pendant replica AAA" };
    expect((await ingest([unnamed])).counts).toMatchObject({ updated: 1, infringementsCreated: 0, infringementsUpdated: 1 });
    const [rescored] = (await rowsOf(idsOf([record]))).infringements;
    expect(rescored).toMatchObject({ id: flagged.id, status: InfringementStatus.UNDER_REVIEW });
    expect(kindsOf(rescored.risk_signals)).toEqual([RiskSignalKind.COUNTERFEIT_KEYWORDS]);
    expect(rescored.risk_score).toBe(rescored.risk_signals[0].contribution);
    expect(rescored.risk_score).toBeLessThan(api.config.risk.flagThreshold);

    // Seen again as it is: nothing changes. Named again: the case has its first score back.
    expect((await ingest([unnamed])).counts).toMatchObject({ updated: 0, unchanged: 1, infringementsUpdated: 0 });
    expect((await ingest([record])).counts).toMatchObject({ updated: 1, infringementsCreated: 0, infringementsUpdated: 1 });
    const [renamed] = (await rowsOf(idsOf([record]))).infringements;
    expect(renamed).toMatchObject({ id: flagged.id, risk_score: flagged.risk_score, risk_signals: flagged.risk_signals });
  });

  it("rejects malformed lines with their line numbers and reasons, and ingests the rest", async () => {
    const good = [fake(), genuine()];
    const { counts, rejections } = await ingest([
      good[0],
      "{not json",
      "",
      listingRecord({ price: undefined }),
      listingRecord({ marketplace: "EBAY" }),
      listingRecord({ imageHashes: ["xyz"], reviews: { count: -1 } }),
      good[1],
    ]);
    expect(counts).toMatchObject({ read: 6, inserted: 2, rejected: 4 });
    expect(rejections).toEqual([
      { line: 2, reason: expect.stringMatching(/^not valid JSON/) },
      { line: 4, reason: expect.stringMatching(/^price: /) },
      { line: 5, reason: expect.stringMatching(/^marketplace: must be one of TAOBAO, TMALL, ALIEXPRESS, ALIBABA, XIANYU/) },
      { line: 6, reason: expect.stringMatching(/imageHashes\.0: must be 64-bit hashes as 16 hex digits; reviews\.count: /) },
    ]);
    expect((await rowsOf(idsOf(good))).listings).toHaveLength(2);
  });

  it("reads a file that starts with a UTF-8 byte order mark from its first line", async () => {
    const records = [fake(), genuine()];
    const { counts, rejections } = await ingest([`\uFEFF${JSON.stringify(records[0])}`, records[1]]);
    expect(rejections).toEqual([]);
    expect(counts).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
  });

  // Only a file's first line may carry one: one further on is where files were joined (cat a b), and
  // is named as such, not as JSON that shows no fault.
  it("rejects a line past the first that starts with a byte order mark, saying so, and reads the others", async () => {
    const records = [fake(), genuine(), fake()];
    const { counts, rejections } = await ingest([`\uFEFF${JSON.stringify(records[0])}`, `\uFEFF${JSON.stringify(records[1])}`, records[2]]);
    expect(rejections).toEqual([
      {
        line: 2,
        reason: "starts with a byte order mark (U+FEFF), which only a file's first line may carry: files joined into one? Remove it from the line's start",
      },
    ]);
    expect(counts).toMatchObject({ read: 3, inserted: 2, rejected: 1 });
  });

  it("rejects text and dates PostgreSQL cannot store, dates before 1990 and too many specs as lines of their own, never failing their batch", async () => {
    const good = [fake(), genuine()];
    const { counts, rejections } = await ingest([
      good[0],
      listingRecord({ specs: { "colour\uD800": "red" } }),
      listingRecord({ title: "Zephyr pendant \uDC00 replica" }),
      listingRecord({ seenAt: "0000-06-01T00:00:00Z" }),
      listingRecord({ seller: { externalId: "store-year-zero", name: "Year zero", openedAt: "0001-01-01T00:00:00+01:00" } }),
      listingRecord({ listedAt: "2026-13-45T00:00:00Z" }),
      listingRecord({ listedAt: "1900-01-01T00:00:00Z" }),
      listingRecord({ specs: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`spec ${i}`, "x"])) }),
      good[1],
    ]);
    expect(counts).toMatchObject({ read: 9, inserted: 2, rejected: 7 });
    expect(rejections).toEqual([
      { line: 2, reason: "specs.colour\\ud800: Invalid key in record" },
      { line: 3, reason: "title: must not contain NUL characters or unpaired surrogates" },
      { line: 4, reason: "seenAt: must be in the past, and in 1990 or later" },
      { line: 5, reason: "seller.openedAt: must be in the past, and in 1990 or later" },
      { line: 6, reason: "listedAt: must be an ISO 8601 date-time, e.g. 2026-11-23T08:00:00Z" },
      { line: 7, reason: "listedAt: must be in the past, and in 1990 or later" },
      { line: 8, reason: "specs: must hold at most 50 specs" },
    ]);
    expect((await rowsOf(idsOf(good))).listings).toHaveLength(2);
  });

  it("keeps a review share to six places (PostgreSQL's real refuses 1e-50), and rejects a store id with a control character, never failing the batch", async () => {
    const good = [fake({ reviews: { count: 10, averageRating: 4.9, newAccountShare: 1e-50, duplicateTextShare: 0.12345678 } }), genuine()];
    const { counts, rejections } = await ingest([good[0], listingRecord({ seller: { externalId: "store\u0001x", name: "Keyed" } }), good[1]]);
    expect(counts).toMatchObject({ read: 3, inserted: 2, rejected: 1 });
    expect(rejections).toEqual([{ line: 2, reason: "seller.externalId: must not contain control characters" }]);
    const [listing] = await db.query(`SELECT new_account_review_share, duplicate_review_share FROM listing WHERE external_id = $1`, [good[0].externalId]);
    expect(listing).toEqual({ new_account_review_share: 0, duplicate_review_share: expect.closeTo(0.123457, 6) });
  });

  it("rejects a line that is not UTF-8 by its number, and stores the others", async () => {
    const good = [fake(), genuine()];
    const latin1 = Buffer.from(`${JSON.stringify(listingRecord({ title: "Caf\u00e9 Zephyr" }))}\n`, "latin1");
    const bytes = Buffer.concat([Buffer.from(`${JSON.stringify(good[0])}\n`), latin1, Buffer.from(`${JSON.stringify(good[1])}\n`)]);
    const rejections: { line: number; reason: string }[] = [];
    const service = await ListingIngest.open(db, api.config, {});
    const counts = await service.ingestNdjson(Readable.from([bytes]), 100, { onRejection: (r) => rejections.push(r), concurrency: 1 });
    expect(counts).toMatchObject({ read: 3, inserted: 2, rejected: 1 });
    expect(rejections).toEqual([{ line: 2, reason: expect.stringMatching(/^not valid UTF-8/) }]);
    expect((await rowsOf(idsOf(good))).listings).toHaveLength(2);
  });

  it("stores text exactly as sent, tabs, line breaks, backslashes and quotes included (COPY on a server, unnest embedded)", async () => {
    const awkward = 'tab\there, line\nbreak, cr\rhere, back\\slash \\N, "quoted" {braces}, comma, 高仿';
    const record = fake({
      title: `Zephyr Crystal Swan Pendant replica AAA ${awkward}`,
      description: awkward,
      specs: { [awkward]: awkward },
      seller: { externalId: "store-awkward\\1", name: awkward, contact: awkward, openedAt: "2026-10-25T00:00:00.000Z" },
    });
    expect((await ingest([record])).counts).toMatchObject({ inserted: 1, infringementsCreated: 1, rejected: 0 });
    const { listings, sellers, infringements } = await rowsOf(idsOf([record]));
    expect(listings[0]).toMatchObject({ title: record.title, description: awkward, specs: { [awkward]: awkward } });
    expect(sellers[0]).toMatchObject({ external_id: "store-awkward\\1", public_name: awkward, contact: awkward });
    expect(infringements[0].risk_signals).toEqual(expect.arrayContaining([expect.objectContaining({ kind: RiskSignalKind.COUNTERFEIT_KEYWORDS })]));
    // Stored exactly: the same record again changes nothing.
    expect((await ingest([record])).counts).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it("keeps the last of two lines for the same listing in one batch, and counts the earlier superseded, not rejected", async () => {
    const record = genuine();
    const { counts, rejections } = await ingest([record, { ...record, title: "Zephyr Crystal Swan Pendant v2" }]);
    expect(counts).toMatchObject({ read: 2, inserted: 1, superseded: 1, rejected: 0 });
    expect(rejections).toEqual([]);
    expect((await rowsOf(idsOf([record]))).listings[0].title).toBe("Zephyr Crystal Swan Pendant v2");
  });

  it("writes a batch all or nothing: a failure leaves nothing of its batch, and earlier batches stay", async () => {
    const firstBatch = [fake({ seller: { externalId: "store-aon", name: "New Store" } }), genuine({ seller: { externalId: "store-aon-2", name: "Second" } })];
    const secondBatch = [fake({ seller: { externalId: "store-aon-3", name: "Third" } }), genuine({ title: "Zephyr Crystal Swan Pendant boom" })];
    const sellersBefore = await db.query(`SELECT count(*)::int AS n FROM seller`);
    await expect(ingest([...firstBatch, ...secondBatch], 2, failing, 2)).rejects.toThrow(
      "1 batch failed and was rolled back, the other batches are kept: lines 3-4 (intel service unavailable). Run the same file again to write the rest; what is stored already stays as it is",
    );
    expect((await rowsOf(idsOf(firstBatch))).listings).toHaveLength(2);
    expect((await rowsOf(idsOf(firstBatch))).infringements).toHaveLength(1);
    expect((await rowsOf(idsOf(secondBatch))).listings).toHaveLength(0);
    // The first batch's two new stores are kept; the failed batch's new one is not.
    expect(await db.query(`SELECT count(*)::int AS n FROM seller`)).toEqual([{ n: sellersBefore[0].n + 2 }]);
    expect(await db.query(`SELECT external_id FROM seller WHERE external_id LIKE 'store-aon%' ORDER BY 1`)).toEqual([
      { external_id: "store-aon" },
      { external_id: "store-aon-2" },
    ]);
  });

  (serverUrl ? it : it.skip)("reports a failed batch only once the batches still writing have finished, and starts no later one", async () => {
    const store = { externalId: "store-fail-drain", name: "Fail drain" };
    await ingest([fake({ seller: store })]);
    const boom = genuine({ title: "Zephyr Crystal Swan Pendant boom" });
    const blocked = fake({ seller: store });
    const after = fake({ seller: store });
    // The second batch waits on its store, locked here, while the first fails.
    const release = await holdLocks(`SELECT id FROM seller WHERE external_id = $1 FOR UPDATE`, [store.externalId]);
    const outcome = ingest([boom, blocked, after], 1, failing, 2).then(
      () => "resolved",
      (error: Error) => error.message,
    );
    await lockWaits("SELECT s.id, s.marketplace", 1);
    const settledWhileWriting = await Promise.race([outcome.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 300))]);
    await release();
    expect(await outcome).toBe(
      "1 batch failed and was rolled back, the other batches are kept: lines 1-1 (intel service unavailable). Run the same file again to write the rest; what is stored already stays as it is",
    );
    expect(settledWhileWriting).toBe(false);
    // As the message says: the batch that was writing is kept; the one after the failure never started.
    expect((await rowsOf(idsOf([boom, blocked, after]))).listings.map((l: { external_id: string }) => l.external_id)).toEqual(idsOf([blocked]));
  });

  it("names every batch that failed while others were writing, in the order of their lines", async () => {
    // Of two stores: batches sharing a store are written one after the other.
    const booms = [1, 2].map((n) => genuine({ title: `Zephyr Crystal Swan Pendant boom ${n}`, seller: { externalId: `store-boom-${n}`, name: `Boom ${n}` } }));
    await expect(ingest(booms, 1, failing, 2)).rejects.toThrow(
      "2 batches failed and were rolled back, the other batches are kept: lines 1-1 (intel service unavailable), lines 2-2 (intel service unavailable). Run the same file again",
    );
    expect((await rowsOf(idsOf(booms))).listings).toHaveLength(0);
  });

  (serverUrl ? it : it.skip)("reads a batch's COPY refused on a connection that the server ended as the connection lost", async () => {
    // The server ends the transaction's connection between two statements; TypeORM's own statements
    // then find their query runner released, but a COPY goes to the driver's client, which pg refuses
    // as "not queryable".
    const failure = await db
      .transaction(async (manager) => {
        const client = (await manager.queryRunner!.connect()) as PoolClient;
        const [{ pid }] = await manager.query(`SELECT pg_backend_pid() AS pid`);
        const gone = once(client, "error");
        await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
        await gone;
        await copyRows(manager, "listing", ["id"], new CopyText().add("x\n"));
      })
      .catch((error: Error) => error);
    expect(failure).toMatchObject({ message: "Client has encountered a connection error and is not queryable" });
    expect(isConnectionLoss(failure)).toBe(true);
  });

  it("reports a failed batch while the input is still open, reading no further, rather than waiting for more lines", async () => {
    // A feed on stdin that stays open: three lines, one batch each; the third is read before the
    // first is written, and the reading then waits for a fourth line that never comes.
    const records = [genuine({ title: "Zephyr Crystal Swan Pendant boom open" }), fake(), genuine()];
    const input = new PassThrough();
    input.write(records.map((record) => `${JSON.stringify(record)}\n`).join(""));
    const service = await ListingIngest.open(db, api.config, { intel: failing });
    const outcome = service.ingestNdjson(input, 1, { concurrency: 1 }).then(
      () => "resolved",
      (error: Error) => error.message,
    );
    // Settled at once when it works, and never otherwise: the wait only bounds how long the test takes.
    let timer: NodeJS.Timeout | undefined;
    const stillReading = new Promise((resolve) => (timer = setTimeout(() => resolve("still waiting for the input"), 10_000)));
    const settled = await Promise.race([outcome, stillReading]).finally(() => clearTimeout(timer));
    expect(settled).toBe(
      "1 batch failed and was rolled back, the other batches are kept: lines 1-1 (intel service unavailable). Run the same file again to write the rest; what is stored already stays as it is",
    );
    expect(input.destroyed).toBe(true);
    // No batch started after the failure.
    expect((await rowsOf(idsOf(records))).listings).toHaveLength(0);
  });

  it("writes what an input that stays open has sent once it pauses, the chunks prepared ahead too, and the rest once it ends", async () => {
    const service = await ListingIngest.open(db, api.config, { pauseMs: 50 });
    const input = new PassThrough();
    const rejections: { line: number; reason: string }[] = [];
    const committed: IngestCounts[] = [];
    const outcome = service.ingestNdjson(input, 4, { onRejection: (r) => rejections.push(r), onBatch: (total) => committed.push({ ...total }) });
    const send = (lines: (Record<string, unknown> | string)[]) => input.write(lines.map((l) => `${typeof l === "string" ? l : JSON.stringify(l)}\n`).join(""));
    const stored = async (records: Record<string, unknown>[]) => (await rowsOf(idsOf(records))).listings.length;
    // Polled until they are all there, which without the pause they never are while the input is
    // open: the time allowed only bounds how long the test takes then.
    const storedSoon = async (records: Record<string, unknown>[]) => {
      for (const giveUpAt = Date.now() + 10_000; (await stored(records)) < records.length && Date.now() < giveUpAt; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return stored(records);
    };

    // Fewer lines than a batch, and the start of the next one: the lines are written, not the half line.
    const first = [fake({ seller: { externalId: "store-pause", name: "Pause" } }), genuine(), genuine()];
    const fourth = JSON.stringify(genuine({ title: "Zephyr Crystal Swan Pendant fourth" }));
    send(first);
    input.write(fourth.slice(0, 30));
    expect(await storedSoon(first)).toBe(3);
    expect(committed.at(-1)).toMatchObject({ read: 3, inserted: 3, rejected: 0 });

    // The line's end, then two whole batches (lines 4-7 and 8-11, prepared ahead of what is written)
    // and one line more, which make no batch either until the pause.
    const [r5, r6, r7, r8, r10, r11, r12] = Array.from({ length: 7 }, () => genuine());
    input.write(fourth.slice(30));
    send(["", r5, r6, r7, r8, "{not json", r10, r11, r12]);
    const fourthRecord = JSON.parse(fourth) as Record<string, unknown>;
    expect(await storedSoon([fourthRecord, r5, r6, r7, r8, r10, r11, r12])).toBe(8);
    expect(committed.at(-1)).toMatchObject({ read: 12, inserted: 11, rejected: 1 });
    expect(rejections.map((r) => r.line)).toEqual([9]);
    expect(input.destroyed).toBe(false);

    // Once more, a line again as it was and one changed, and the end: exact totals, each listing once.
    send([first[0], { ...first[1], title: "Zephyr Crystal Swan Pendant v2" }]);
    input.end();
    expect(await outcome).toMatchObject({ read: 14, inserted: 11, updated: 1, unchanged: 1, rejected: 1, superseded: 0 });
    expect(await stored([...first, fourthRecord, r5, r6, r7, r8, r10, r11, r12])).toBe(11);
  });

  it("writes what an input that sends steadily and never pauses has sent once its first line has been held maxHoldMs, while it still sends", async () => {
    const service = await ListingIngest.open(db, api.config, { pauseMs: 2_000, maxHoldMs: 200 });
    const input = new PassThrough();
    const committed: IngestCounts[] = [];
    const outcome = service.ingestNdjson(input, 1_000, { onBatch: (total) => committed.push({ ...total }) });
    const records = Array.from({ length: 60 }, (_, i) => genuine({ title: `Zephyr Crystal Swan Pendant steady ${i}` }));
    const stored = async () => (await rowsOf(idsOf(records))).listings.length;
    // A line every 30 ms, fewer than a batch, never a pause: without the hold's bound none is
    // written before the input ends.
    let sending = true;
    const sender = (async () => {
      for (const record of records) {
        input.write(`${JSON.stringify(record)}\n`);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      sending = false;
    })();
    let storedWhileSending = 0;
    while (sending && storedWhileSending === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const now = await stored();
      if (sending) storedWhileSending = now;
    }
    await sender;
    expect(storedWhileSending).toBeGreaterThan(0);
    expect(input.destroyed).toBe(false);

    input.end();
    expect(await outcome).toMatchObject({ read: 60, inserted: 60, updated: 0, unchanged: 0, rejected: 0, superseded: 0 });
    expect(committed.length).toBeGreaterThan(1);
    expect(await stored()).toBe(60);
  });

  it("stores a listing that a scan finds under a closed store as REMOVED, new or moved there, and puts one back only when a later scan sees it in an open store", async () => {
    const closed = { externalId: "store-closed-scan", name: "Closed store" };
    await ingest([fake({ seller: closed })]);
    await db.query(`UPDATE seller SET status = 'CLOSED' WHERE external_id = $1`, [closed.externalId]);
    const arriving = fake({ seller: closed });
    const elsewhere = fake({ seller: { externalId: "store-open-scan", name: "Open store" } });
    const { counts } = await ingest([arriving, elsewhere]);
    expect(counts).toMatchObject({ inserted: 2, infringementsCreated: 2 });
    const statusOf = async (record: Record<string, unknown>) => (await rowsOf(idsOf([record]))).listings[0].status;
    expect([await statusOf(arriving), await statusOf(elsewhere)]).toEqual(["REMOVED", "ACTIVE"]);
    // Its case is kept, as evidence, beside its removed listing.
    expect((await rowsOf(idsOf([arriving]))).infringements).toHaveLength(1);
    // A listing that moves to the closed store goes with it; once removed, a scan elsewhere from
    // before its removal does not bring it back.
    expect((await ingest([{ ...elsewhere, seller: closed }])).counts).toMatchObject({ updated: 1 });
    expect(await statusOf(elsewhere)).toBe("REMOVED");
    const open = { externalId: "store-open-scan", name: "Open store" };
    expect((await ingest([{ ...elsewhere, seller: open }])).counts).toMatchObject({ updated: 1, relisted: 0 });
    expect(await statusOf(elsewhere)).toBe("REMOVED");
    // A later scan under the closed store leaves it there; one in an open store puts it back.
    const now = new Date().toISOString();
    expect((await ingest([{ ...arriving, seenAt: now }])).counts).toMatchObject({ relisted: 0 });
    expect(await statusOf(arriving)).toBe("REMOVED");
    expect((await ingest([{ ...elsewhere, seller: open, seenAt: now }])).counts).toMatchObject({ relisted: 1 });
    expect(await statusOf(elsewhere)).toBe("ACTIVE");
  });

  it("scores the seller from its listings and its record, and raises, never lowers, its strikes", async () => {
    const seller = { externalId: "store-scored", name: "Scored Store", openedAt: "2026-10-25T00:00:00.000Z", brandCount: 20, strikeCount: 2 };
    await ingest([fake({ seller }), fake({ seller })]);
    const [row] = await db.query(`SELECT * FROM seller WHERE external_id = 'store-scored'`);
    expect(row).toMatchObject({ listing_count: 2, strike_count: 2 });
    expect(row.risk_signals.map((s: { kind: string }) => s.kind)).toEqual([RiskSignalKind.LISTINGS, RiskSignalKind.SELLER_HISTORY]);
    expect(row.risk_score).toBe(row.risk_signals.reduce((sum: number, s: { contribution: number }) => sum + s.contribution, 0));
    expect(row.risk_score).toBeGreaterThanOrEqual(70);

    await ingest([fake({ seller: { ...seller, strikeCount: 0 } })]);
    const [again] = await db.query(`SELECT strike_count, listing_count FROM seller WHERE external_id = 'store-scored'`);
    expect(again).toEqual({ strike_count: 2, listing_count: 3 });
  });

  it("counts a store the strike policy moves as updated, though its scanned record is the same", async () => {
    // Stored ACTIVE at 6 strikes, as the code before the strike policy applied to scans left stores.
    const seller = { externalId: "store-policy-moved", name: "Policy Moved Store", strikeCount: 6 };
    await ingest([fake({ seller })]);
    await db.query(`UPDATE seller SET status = 'ACTIVE', status_reason = NULL WHERE external_id = $1`, [seller.externalId]);
    const { counts } = await ingest([fake({ seller })]);
    expect(counts).toMatchObject({ sellersCreated: 0, sellersUpdated: 1 });
    expect((await db.query(`SELECT status FROM seller WHERE external_id = $1`, [seller.externalId]))[0].status).toBe("CLOSED");
    const { counts: again } = await ingest([fake({ seller })]);
    expect(again).toMatchObject({ sellersCreated: 0, sellersUpdated: 0 });
  });

  it("keeps a store's brand count when a scan leaves it out, and takes a lower one when given", async () => {
    const seller = { externalId: "store-brand-count", name: "Many Brands Store", openedAt: "2026-10-25T00:00:00.000Z", brandCount: 25 };
    await ingest([fake({ seller })]);
    const storedCount = async () => (await db.query(`SELECT brand_count FROM seller WHERE external_id = 'store-brand-count'`))[0].brand_count;
    expect(await storedCount()).toBe(25);
    const { brandCount: _left, ...withoutCount } = seller;
    await ingest([fake({ seller: withoutCount }), fake({ seller: { ...withoutCount, brandCount: null } })]);
    expect(await storedCount()).toBe(25);
    await ingest([fake({ seller: { ...seller, brandCount: 3 } })]);
    expect(await storedCount()).toBe(3);
    // A new store left without one counts none.
    await ingest([fake({ seller: { externalId: "store-no-count", name: "No Count Store" } })]);
    expect((await db.query(`SELECT brand_count FROM seller WHERE external_id = 'store-no-count'`))[0].brand_count).toBe(0);
  });

  // One batch holds several scans of a store: a later one that leaves a field out keeps what an
  // earlier one gave, as it keeps the stored value; how the lines fall into batches changes nothing.
  it("takes a later line's scan of a store as the later one, whichever listing id sorts first, and a blank identity as none given", async () => {
    const store = (name: string, registeredName: string) => ({ externalId: "store-line-order", name, registeredName });
    await ingest([fake({ externalId: "zz-line-order", seller: store("Old Name", "Old Ltd") }), fake({ externalId: "aa-line-order", seller: store("New Name", "New Ltd") })]);
    const stored = async () => (await db.query(`SELECT public_name, registered_name, contact FROM seller WHERE external_id = 'store-line-order'`))[0];
    expect(await stored()).toEqual({ public_name: "New Name", registered_name: "New Ltd", contact: null });
    await ingest([fake({ externalId: "aa-line-order", seller: { ...store("New Name", "  "), contact: "" } })]);
    expect(await stored()).toEqual({ public_name: "New Name", registered_name: "New Ltd", contact: null });
  });

  it("keeps what an earlier scan of a store in the same batch gave and a later one leaves out: brand count, opening date, strikes, identity", async () => {
    const openedAt = "2026-09-01T00:00:00.000Z";
    const full = { externalId: "store-batch-count", name: "Batch Count Store", openedAt, brandCount: 25, strikeCount: 4, registeredName: "Batch Count Ltd" };
    const bare = { externalId: full.externalId, name: full.name };
    const stored = async () =>
      (await db.query(`SELECT brand_count, opened_at, strike_count, registered_name FROM seller WHERE external_id = 'store-batch-count'`)).map(
        (row: { brand_count: number; opened_at: Date | null; strike_count: number; registered_name: string | null }) => ({
          brandCount: row.brand_count,
          openedAt: row.opened_at?.toISOString() ?? null,
          strikeCount: row.strike_count,
          registeredName: row.registered_name,
        }),
      );
    await ingest([fake({ seller: full }), fake({ seller: bare })]);
    expect(await stored()).toEqual([{ brandCount: 25, openedAt, strikeCount: 4, registeredName: "Batch Count Ltd" }]);
    await ingest([fake({ seller: { ...bare, brandCount: 7, strikeCount: 6 } }), fake({ seller: bare })]);
    expect(await stored()).toEqual([{ brandCount: 7, openedAt, strikeCount: 6, registeredName: "Batch Count Ltd" }]);
  });

  // Concurrent batches need a server: the embedded database has one connection. One ingest writes
  // a listing's lines in order (the last test of these), so two batches that have the same listing
  // come from two ingests at once: two files, or a file and the ingestListings mutation.
  (serverUrl ? it : it.skip)("runs a batch again when a concurrent batch stored a listing it found new, and keeps one row of it", async () => {
    const first = fake({ seller: { externalId: "store-race-1", name: "Race 1" } });
    const second = { ...first, seller: { externalId: "store-race-2", name: "Race 2" } };
    // Listing inserts wait until both batches have found the listing new and are inserting it.
    const release = await holdLocks(`LOCK TABLE listing IN SHARE MODE`);
    const running = Promise.all([ingest([first]), ingest([second])]).then(([a, b]) => ({
      counts: { inserted: a.counts.inserted + b.counts.inserted, updated: a.counts.updated + b.counts.updated, rejected: a.counts.rejected + b.counts.rejected },
    }));
    await lockWaits("COPY listing ", 2);
    await release();
    const { counts } = await running;
    expect(counts).toMatchObject({ inserted: 1, updated: 1, rejected: 0 });
    const { listings, infringements } = await rowsOf(idsOf([first]));
    expect(listings).toHaveLength(1);
    expect(infringements).toHaveLength(1);
    const totals = await db.query(
      `SELECT external_id, listing_count FROM seller WHERE external_id IN ('store-race-1', 'store-race-2') ORDER BY external_id`,
    );
    const owner = await db.query(`SELECT external_id FROM seller WHERE id = $1`, [listings[0].seller_id]);
    expect(totals.map((t: { listing_count: number }) => t.listing_count).reduce((a: number, b: number) => a + b, 0)).toBe(1);
    expect(totals.find((t: { external_id: string }) => t.external_id === owner[0].external_id).listing_count).toBe(1);
  });

  (serverUrl ? it : it.skip)("runs a batch again when a concurrent batch moved a stored listing it read to a store it does not hold, and keeps every store's totals", async () => {
    const stores = [0, 1, 2].map((n) => ({ externalId: `store-rewrite-race-${n}`, name: `Rewrite race ${n}` }));
    const record = fake({ seller: stores[0] });
    await ingest([record]);
    // Two ingests each move the listing to another store. Both take the store it is under: the
    // first one's rewrite waits here, the other waits for that store, and finds the listing under
    // the first one's store, which it does not hold.
    const release = await holdLocks(`LOCK TABLE listing IN SHARE MODE`);
    const running = Promise.all([ingest([{ ...record, seller: stores[1] }]), ingest([{ ...record, seller: stores[2] }])]);
    await lockWaits("WITH rewritten AS", 1);
    await lockWaits("SELECT s.id, s.marketplace", 1);
    await release();
    expect((await running).map((run) => run.counts)).toEqual([
      expect.objectContaining({ updated: 1, rejected: 0 }),
      expect.objectContaining({ updated: 1, rejected: 0 }),
    ]);

    const totals = await db.query(
      `SELECT s.external_id, s.listing_count, s.listing_score_sum::int AS sum, s.brand_free_score_sum::int AS brand_free_sum,
              (SELECT count(*)::int FROM listing l WHERE l.seller_id = s.id) AS stored_count,
              (SELECT coalesce(sum(l.risk_score), 0)::int FROM listing l WHERE l.seller_id = s.id) AS stored_sum,
              (SELECT coalesce(sum(l.brand_free_score), 0)::int FROM listing l WHERE l.seller_id = s.id) AS stored_brand_free_sum
         FROM seller s WHERE s.external_id LIKE 'store-rewrite-race-%' ORDER BY s.external_id`,
    );
    expect(totals.map((t: { listing_count: number }) => t.listing_count)).toEqual(totals.map((t: { stored_count: number }) => t.stored_count));
    expect(totals.map((t: { sum: number }) => t.sum)).toEqual(totals.map((t: { stored_sum: number }) => t.stored_sum));
    expect(totals.map((t: { brand_free_sum: number }) => t.brand_free_sum)).toEqual(totals.map((t: { stored_brand_free_sum: number }) => t.stored_brand_free_sum));
    expect(totals.map((t: { stored_count: number }) => t.stored_count).sort()).toEqual([0, 0, 1]);
  });

  (serverUrl ? it : it.skip)("reads its stored listings once it holds their store: a batch that waited for a concurrent writer writes over what it wrote, at its first attempt", async () => {
    const store = { externalId: "store-read-after-lock", name: "Read after lock" };
    const record = fake({ seller: store });
    await ingest([record]);
    // A concurrent writer holds the store, and rewrites the listing before it lets it go.
    const release = await holdLocks(
      `WITH store AS (SELECT id FROM seller WHERE external_id = $1 FOR UPDATE)
       UPDATE listing SET price_minor = 7700, fingerprint = 'written meanwhile' FROM store WHERE listing.seller_id = store.id`,
      [store.externalId],
    );
    let attempts = 0;
    const counting: IntelSource = {
      batchKeys: () => ({ keys: [], add: () => [] }),
      viewsOf: async (_manager, _keys, keysOfRecords) => {
        attempts++;
        return keysOfRecords.map(() => NO_INTEL);
      },
    };
    const running = ingest([{ ...record, price: { amountMinor: 6_600, currency: "CNY" } }], 100, counting);
    await lockWaits("SELECT s.id, s.marketplace", 1);
    await release();
    expect((await running).counts).toMatchObject({ updated: 1, rejected: 0 });
    expect(attempts).toBe(1);
    expect((await rowsOf(idsOf([record]))).listings[0].price_minor).toBe("6600");
  });

  (serverUrl ? it : it.skip)("writes a listing's later line last when two batches in flight both have it", async () => {
    const stores = [1, 2].map((n) => ({ externalId: `store-line-order-${n}`, name: `Line order ${n}` }));
    await ingest([fake({ seller: stores[0] })]);
    const earlier = fake({ seller: stores[0] });
    const later = { ...earlier, price: { amountMinor: 8_800, currency: "CNY" }, seller: stores[1] };
    // The earlier line's batch waits on its store, locked here, while the later one could go ahead.
    const release = await holdLocks(`SELECT id FROM seller WHERE external_id = $1 FOR UPDATE`, [stores[0].externalId]);
    const running = ingest([earlier, later], 1, undefined, 2);
    await lockWaits("SELECT s.id, s.marketplace", 1);
    // Time for the later batch to write and commit, were it not waiting for the earlier one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await release();
    expect((await running).counts).toMatchObject({ inserted: 1, updated: 1 });
    const [listing] = (await rowsOf(idsOf([earlier]))).listings;
    const [laterStore] = await db.query(`SELECT id FROM seller WHERE external_id = $1`, [stores[1].externalId]);
    expect(listing).toMatchObject({ price_minor: "8800", seller_id: laterStore.id });
  });

  (serverUrl ? it : it.skip)("writes a store's later scan last when two batches in flight both have it, on different listings", async () => {
    // The earlier batch's first store (first in key order) is locked here: that batch waits on it
    // before it locks the shared store, which the later batch could otherwise create first.
    const first = { externalId: "a-store-scan-order", name: "Scan order first" };
    await ingest([fake({ seller: first })]);
    const shared = (name: string) => ({ externalId: "z-store-scan-order", name, brandCount: name === "Old Name" ? 3 : 30 });
    const release = await holdLocks(`SELECT id FROM seller WHERE external_id = $1 FOR UPDATE`, [first.externalId]);
    const running = ingest([fake({ seller: first }), fake({ seller: shared("Old Name") }), fake({ seller: shared("New Name") })], 2, undefined, 2);
    await lockWaits("SELECT s.id, s.marketplace", 1);
    // Time for the later batch to write and commit, were it not waiting for the earlier one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await release();
    expect((await running).counts).toMatchObject({ inserted: 3, rejected: 0 });
    expect(await db.query(`SELECT public_name, brand_count FROM seller WHERE external_id = 'z-store-scan-order'`)).toEqual([
      { public_name: "New Name", brand_count: 30 },
    ]);
  });

  (serverUrl ? it : it.skip)("dates a case's update when the batch writes it, after it has waited for its store, not at the batch's start", async () => {
    const store = { externalId: "store-sync-time", name: "Sync time" };
    const record = fake({ seller: store });
    await ingest([record]);
    const release = await holdLocks(`SELECT id FROM seller WHERE external_id = $1 FOR UPDATE`, [store.externalId]);
    const running = ingest([{ ...record, price: { amountMinor: 1_000, currency: "CNY" } }]);
    await lockWaits("SELECT s.id, s.marketplace", 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const released = new Date();
    await release();
    expect((await running).counts).toMatchObject({ updated: 1, infringementsUpdated: 1 });
    const [infringement] = (await rowsOf(idsOf([record]))).infringements;
    // An integration that synced while the batch waited, and asks from then on, finds the change.
    expect(new Date(infringement.updated_at).getTime()).toBeGreaterThanOrEqual(released.getTime());
  });

  it("counts a confirmed case for its store's other listings, not for its own, wherever its listing moves", async () => {
    const confirmed = fake({ seller: { externalId: "store-confirmed-here", name: "Here" } });
    const sibling = fake({ seller: { externalId: "store-confirmed-here", name: "Here" } });
    const elsewhere = fake({ seller: { externalId: "store-confirmed-there", name: "There" } });
    await ingest([confirmed, sibling, elsewhere]);
    await db.query(
      `UPDATE suspected_infringement si SET status = 'CONFIRMED' FROM listing l WHERE l.id = si.listing_id AND l.external_id = ANY($1)`,
      [idsOf([confirmed, elsewhere])],
    );
    const historyOf = async (record: Record<string, unknown>) => {
      const [{ risk_signals }] = (await rowsOf(idsOf([record]))).infringements;
      return risk_signals.find((signal: { kind: string }) => signal.kind === RiskSignalKind.SELLER_HISTORY)?.reason;
    };

    // The next scan: the sibling counts the confirmed case; the confirmed case counts none, and its
    // listing, whose scores read the same record as before, is left as it was.
    expect((await ingest([confirmed, sibling])).counts).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await historyOf(sibling)).toBe("1 confirmed case of yours");
    expect(await historyOf(confirmed)).toBeUndefined();

    // Moved to the other store, whose own confirmed case it counts, there as well as once it is there.
    const moved = { ...confirmed, seller: { externalId: "store-confirmed-there", name: "There" } };
    await ingest([moved]);
    expect(await historyOf(confirmed)).toBe("1 confirmed case of yours");
    await ingest([{ ...moved, price: { amountMinor: 9_800, currency: "CNY" } }]);
    expect(await historyOf(confirmed)).toBe("1 confirmed case of yours");
  });

  it("moves a listing's score from its old store's totals to its new store's when it changes store", async () => {
    const record = fake({ seller: { externalId: "store-moved-from", name: "Moved from" } });
    await ingest([record]);
    // The old store is not in the second batch: its totals move by themselves.
    await ingest([{ ...record, seller: { externalId: "store-moved-to", name: "Moved to" } }]);
    const totals = await db.query(
      `SELECT s.external_id, s.listing_count, s.listing_score_sum::int AS sum, s.brand_free_score_sum::int AS brand_free_sum,
              (SELECT coalesce(sum(l.risk_score), 0)::int FROM listing l WHERE l.seller_id = s.id) AS stored_sum,
              (SELECT coalesce(sum(l.brand_free_score), 0)::int FROM listing l WHERE l.seller_id = s.id) AS stored_brand_free_sum
         FROM seller s WHERE s.external_id IN ('store-moved-from', 'store-moved-to') ORDER BY s.external_id`,
    );
    expect(totals.map((t: { listing_count: number }) => t.listing_count)).toEqual([0, 1]);
    expect(totals[1].sum).toBeGreaterThan(0);
    expect(totals[1].brand_free_sum).toBeGreaterThan(0);
    expect(totals[1].brand_free_sum).toBeLessThan(totals[1].sum);
    expect(totals.map((t: { sum: number }) => t.sum)).toEqual(totals.map((t: { stored_sum: number }) => t.stored_sum));
    expect(totals.map((t: { brand_free_sum: number }) => t.brand_free_sum)).toEqual(totals.map((t: { stored_brand_free_sum: number }) => t.stored_brand_free_sum));
    // The store it left, though outside the batch, is scored anew from its totals: nothing from listings now.
    const [left] = await db.query(`SELECT risk_score, brand_free_risk_score, risk_signals FROM seller WHERE external_id = 'store-moved-from'`);
    const history = left.risk_signals.find((signal: { kind: string }) => signal.kind === RiskSignalKind.SELLER_HISTORY)?.contribution ?? 0;
    expect(left.risk_signals.find((signal: { kind: string }) => signal.kind === RiskSignalKind.LISTINGS)).toBeUndefined();
    expect([left.risk_score, left.brand_free_risk_score]).toEqual([history, history]);
  });

  it("writes batches concurrently without losing a seller's running totals", async () => {
    const sellers = [1, 2, 3].map((n) => ({ externalId: `store-concurrent-${n}`, name: `Concurrent ${n}` }));
    const records = Array.from({ length: 24 }, (_, i) => fake({ seller: sellers[i % 3] }));
    const { counts } = await ingest(records, 2, undefined, 3);
    expect(counts).toMatchObject({ inserted: 24, infringementsCreated: 24 });
    const rows = await db.query(
      `SELECT external_id, listing_count, listing_score_sum::int AS sum, brand_free_score_sum::int AS brand_free_sum
         FROM seller WHERE external_id LIKE 'store-concurrent-%' ORDER BY external_id`,
    );
    const listingScores = await db.query(
      `SELECT s.external_id, sum(l.risk_score)::int AS sum, sum(l.brand_free_score)::int AS brand_free_sum
         FROM listing l JOIN seller s ON s.id = l.seller_id
        WHERE s.external_id LIKE 'store-concurrent-%' GROUP BY s.external_id ORDER BY s.external_id`,
    );
    expect(rows.map((r: { listing_count: number }) => r.listing_count)).toEqual([8, 8, 8]);
    expect(rows.map((r: { sum: number }) => r.sum)).toEqual(listingScores.map((r: { sum: number }) => r.sum));
    expect(rows.map((r: { brand_free_sum: number }) => r.brand_free_sum)).toEqual(listingScores.map((r: { brand_free_sum: number }) => r.brand_free_sum));
  });

  // JIT compiled a batch's statements for longer than they ran; a bulk statement outside a batch
  // (a report, say) is no business of the ingest's.
  it("writes a batch with PostgreSQL's JIT compilation off, for that transaction only", async () => {
    const setting = async (query: (sql: string) => Promise<{ jit: string }[]>) => (await query("SELECT current_setting('jit') AS jit"))[0].jit;
    const before = await setting((sql) => db.query(sql));
    const validated = validateListingRecord(fake());
    if (!validated.ok) throw new Error(validated.reason);
    const service = await ListingIngest.open(db, api.config);
    let inBatch: string | undefined;
    const counts = await service.writeBatch([{ line: 0, record: validated.record }], async (manager) => {
      inBatch = await setting((sql) => manager.query(sql));
    });
    expect(counts.inserted).toBe(1);
    expect(inBatch).toBe("off");
    expect(before).toBe("on");
    expect(await setting((sql) => db.query(sql))).toBe(before);
  });
});
