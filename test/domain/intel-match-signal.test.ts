import { createSecretKey, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { contributeIndicators, type IndicatorDraft } from "../../src/domain/intel/contribute-indicators";
import { intelCandidatesOf, intelEvidenceOfKeys, intelSignalFor, type IntelCandidate } from "../../src/domain/intel/intel-match-signal";
import { KeyedHasher } from "../../src/domain/intel/keyed-hash";
import type { Organization } from "../../src/entities";
import { IndicatorDistribution, IndicatorKind, OrgKind } from "../../src/entities/enums";
import { createOrganization } from "../support/factories";
import { StatementCounter } from "../support/statement-counter";
import { openTestDatabase } from "../support/test-database";
import type { Database } from "../../src/db/data-source";

// The intel side of the risk model, called as an ingest's scorer calls it (src/ingest/intel-source.ts:
// a batch's evidence, then each listing's signal for an owner): hand-made indicators and listings,
// one batch query, and the rules on what an explanation may reveal.

let database: Database;
let db: DataSource;
const statements = new StatementCounter();
const hasher = new KeyedHasher(createSecretKey(randomBytes(32)));
const K = 2;

beforeAll(async () => {
  database = await openTestDatabase(statements);
  db = database.dataSource;
});
afterAll(() => database.close());

const brandOrg = (name: string) => createOrganization(db, OrgKind.BRAND, `${name} ${randomBytes(3).toString("hex")}`);

const give = (org: Organization, drafts: Omit<IndicatorDraft, "distribution"> & { distribution: IndicatorDistribution }) =>
  contributeIndicators(db, hasher, { orgId: org.id, actor: null }, [drafts]);

// A listing of a fresh seller each time, so that tests never match each other's indicators.
function listing() {
  const store = `store-${randomBytes(4).toString("hex")}`;
  const keyword = `fakeword${randomBytes(3).toString("hex")}`;
  const imageHash = randomBytes(8).toString("hex").toUpperCase();
  const candidates = intelCandidatesOf({
    seller: { marketplace: "TAOBAO", externalId: store },
    title: `AAA ${keyword} replica 高仿包包`,
    imageHashes: [imageHash],
  });
  return { store, keyword, imageHash, candidates };
}

// Each listing's evidence, from the keyed hashes of its candidates, in one batch.
function evidenceOf(candidatesOfListings: readonly (readonly IntelCandidate[])[]) {
  const keys: string[] = [];
  const keysOfListings = candidatesOfListings.map((candidates) => candidates.map(({ kind, value }) => keys.push(hasher.hashHex(kind, value)) - 1));
  return intelEvidenceOfKeys(db.manager, keys, keysOfListings);
}

const signalFor = async (ownerOrgId: string, candidates: readonly IntelCandidate[], minMembers = K) =>
  intelSignalFor((await evidenceOf([candidates]))[0], ownerOrgId, minMembers);

describe("intelCandidatesOf", () => {
  it("normalizes a listing's values like indicators: seller as MARKETPLACE:id, hex hash, title phrases", () => {
    const candidates = intelCandidatesOf({
      seller: { marketplace: "TAOBAO", externalId: "store-9" },
      title: "ＡＡＡ Replica 高仿包",
      imageHashes: ["0xA1B2C3D4E5F60718", "not-a-hash"],
    });
    expect(candidates).toEqual(
      expect.arrayContaining([
        { kind: IndicatorKind.SELLER, value: "TAOBAO:store-9" },
        { kind: IndicatorKind.IMAGE_HASH, value: "a1b2c3d4e5f60718" },
        { kind: IndicatorKind.KEYWORD, value: "aaa" },
        { kind: IndicatorKind.KEYWORD, value: "aaa replica" },
        { kind: IndicatorKind.KEYWORD, value: "高仿" },
      ]),
    );
    expect(candidates.filter((c) => c.kind === IndicatorKind.IMAGE_HASH)).toHaveLength(1);
  });

  it("never takes the store's identity, which a member could otherwise test with its own PRIVATE indicators", () => {
    const identity = { contact: "0086 138-0013-8000", paymentAccount: "6222-0000 1111", address: "No. 5 Factory Road, Putian" };
    const source = { seller: { marketplace: "TAOBAO", externalId: "store-9", ...identity }, title: "Bag", imageHashes: [], ...identity };
    const kinds = new Set(intelCandidatesOf(source).map((candidate) => candidate.kind));
    expect(kinds).toEqual(new Set([IndicatorKind.SELLER, IndicatorKind.KEYWORD]));
  });
});

describe("the intel-match signal of a listing", () => {
  it("gives no signal when nothing matches, or when fewer than k other members match", async () => {
    const [owner, other] = [await brandOrg("Owner"), await brandOrg("Other")];
    const item = listing();
    expect(await signalFor(owner.id, item.candidates)).toBeNull();
    await give(other, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.MATCH_ONLY, confidence: 95 });
    expect(await signalFor(owner.id, item.candidates)).toBeNull();
  });

  it("names the number of members from k on, and never a contributor or a value", async () => {
    const [owner, y, z] = [await brandOrg("Owner"), await brandOrg("Y Corp"), await brandOrg("Z Corp")];
    const item = listing();
    await give(y, { kind: IndicatorKind.SELLER, value: `taobao:${item.store}`, distribution: IndicatorDistribution.MATCH_ONLY, confidence: 80 });
    await give(z, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.MATCH_ONLY, confidence: 40 });
    const signal = await signalFor(owner.id, item.candidates);
    expect(signal).toEqual({ contribution: 22, reason: "matches alliance intelligence (2 members)", memberCount: 2 });
    const text = JSON.stringify(signal);
    for (const secret of [item.store, "Y Corp", "Z Corp", y.id, z.id]) expect(text).not.toContain(secret);
    // With k = 3 the same two members are below k: no signal at all.
    expect(await signalFor(owner.id, item.candidates, 3)).toBeNull();
  });

  it("counts members value by value, as a blind match does: single members holding different values of a listing give no signal", async () => {
    const [owner, y, z] = [await brandOrg("Owner"), await brandOrg("Y"), await brandOrg("Z")];
    const item = listing();
    // A blind match of either value answers no match; the listing's score must not add them up.
    await give(y, { kind: IndicatorKind.SELLER, value: `taobao:${item.store}`, distribution: IndicatorDistribution.MATCH_ONLY, confidence: 80 });
    await give(z, { kind: IndicatorKind.IMAGE_HASH, value: `0x${item.imageHash}`, distribution: IndicatorDistribution.ALLIANCE_ANONYMOUS, confidence: 40 });
    expect(await signalFor(owner.id, item.candidates)).toBeNull();
    // A second holder of the image hash: that value has k members, and the signal names them.
    await give(await brandOrg("W"), { kind: IndicatorKind.IMAGE_HASH, value: item.imageHash.toLowerCase(), distribution: IndicatorDistribution.ALLIANCE, confidence: 30 });
    expect(await signalFor(owner.id, item.candidates)).toEqual({ contribution: 16, reason: "matches alliance intelligence (2 members)", memberCount: 2 });
  });

  it("counts a MATCH_ONLY holder only beside k - 1 other MATCH_ONLY ones, never beside readable rows alone", async () => {
    const [owner, visible, hidden] = [await brandOrg("Owner"), await brandOrg("Visible"), await brandOrg("Hidden")];
    const item = listing();
    await give(visible, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.ALLIANCE, confidence: 20 });
    await give(hidden, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.MATCH_ONLY, confidence: 100 });
    // The owner can read the ALLIANCE row: a count of 2 and a confidence of 100 would be the hidden member's.
    expect(await signalFor(owner.id, item.candidates)).toBeNull();
    await give(await brandOrg("Hidden 2"), { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.MATCH_ONLY, confidence: 50 });
    expect(await signalFor(owner.id, item.candidates)).toEqual({ contribution: 26, reason: "matches alliance intelligence (3 members)", memberCount: 3 });
  });

  it("lets a member's own PRIVATE indicator score only that member's own infringements", async () => {
    const [owner, stranger] = [await brandOrg("Owner"), await brandOrg("Stranger")];
    const item = listing();
    await give(owner, { kind: IndicatorKind.KEYWORD, value: item.keyword.toUpperCase(), distribution: IndicatorDistribution.PRIVATE, confidence: 100 });
    expect(await signalFor(owner.id, item.candidates)).toEqual({ contribution: 20, reason: "matches alliance intelligence", memberCount: null });
    expect(await signalFor(stranger.id, item.candidates)).toBeNull();
  });

  it("below k, the owner's own signal does not change with what other members contributed", async () => {
    const [owner, other] = [await brandOrg("Owner"), await brandOrg("Other")];
    const item = listing();
    await give(owner, { kind: IndicatorKind.IMAGE_HASH, value: item.imageHash, distribution: IndicatorDistribution.PRIVATE, confidence: 60 });
    const ownOnly = await signalFor(owner.id, item.candidates);
    await give(other, { kind: IndicatorKind.IMAGE_HASH, value: item.imageHash, distribution: IndicatorDistribution.MATCH_ONLY, confidence: 100 });
    expect(await signalFor(owner.id, item.candidates)).toEqual(ownOnly);
  });

  it("ignores other members' PRIVATE indicators and expired ones", async () => {
    const [owner, y, z] = [await brandOrg("Owner"), await brandOrg("Y"), await brandOrg("Z")];
    const item = listing();
    await give(y, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.PRIVATE });
    const [expiring] = await give(z, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.ALLIANCE, expiresAt: new Date(Date.now() + 60_000) });
    const w = await brandOrg("W");
    await give(w, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.ALLIANCE });
    expect((await signalFor(owner.id, item.candidates))?.memberCount).toBe(2);
    await db.query(`UPDATE indicator SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring]);
    expect(await signalFor(owner.id, item.candidates)).toBeNull();
  });

  it("takes the strongest match among the values k members share, PRIVATE ones for their owner only", async () => {
    const [owner, y, z] = [await brandOrg("O"), await brandOrg("Y"), await brandOrg("Z")];
    const item = listing();
    await give(y, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.ALLIANCE, confidence: 10 });
    await give(y, { kind: IndicatorKind.KEYWORD, value: item.keyword, distribution: IndicatorDistribution.ALLIANCE, confidence: 60 });
    await give(y, { kind: IndicatorKind.IMAGE_HASH, value: item.imageHash, distribution: IndicatorDistribution.PRIVATE, confidence: 100 });
    await give(z, { kind: IndicatorKind.SELLER, value: `TAOBAO:${item.store}`, distribution: IndicatorDistribution.ALLIANCE, confidence: 0 });
    // Only the seller has two members: the strongest of theirs is 10 (Y's keyword is Y's alone): 10 + 15 * 10%.
    expect(await signalFor(owner.id, item.candidates)).toMatchObject({ contribution: 12, memberCount: 2 });
    // Z shares the keyword too: two members on it, the strongest 60: 10 + 15 * 60%.
    await give(z, { kind: IndicatorKind.KEYWORD, value: item.keyword, distribution: IndicatorDistribution.ALLIANCE, confidence: 30 });
    expect(await signalFor(owner.id, item.candidates)).toMatchObject({ contribution: 19, memberCount: 2 });
    // For Y itself only Z is another member (below k): Y's own strongest match, its PRIVATE one, 5 + 15 * 100%.
    expect(await signalFor(y.id, item.candidates)).toMatchObject({ contribution: 20, memberCount: null });
  });

  it("scores a whole batch of listings, for different owners, in one SQL statement", async () => {
    const [a, b, y, z] = [await brandOrg("A"), await brandOrg("B"), await brandOrg("Y"), await brandOrg("Z")];
    const shared = listing();
    const privateToA = listing();
    const clean = listing();
    for (const org of [y, z]) {
      await give(org, { kind: IndicatorKind.SELLER, value: `TAOBAO:${shared.store}`, distribution: IndicatorDistribution.ALLIANCE });
    }
    await give(a, { kind: IndicatorKind.IMAGE_HASH, value: privateToA.imageHash, distribution: IndicatorDistribution.PRIVATE, confidence: 0 });
    statements.reset();
    const [sharedEvidence, privateToAEvidence, cleanEvidence] = await evidenceOf([shared.candidates, privateToA.candidates, clean.candidates]);
    expect(statements.count).toBe(1);
    const signals = {
      "shared-for-a": intelSignalFor(sharedEvidence, a.id, K),
      "shared-for-b": intelSignalFor(sharedEvidence, b.id, K),
      "private-for-a": intelSignalFor(privateToAEvidence, a.id, K),
      "private-for-b": intelSignalFor(privateToAEvidence, b.id, K),
      clean: intelSignalFor(cleanEvidence, a.id, K),
    };
    expect(Object.fromEntries(Object.entries(signals).map(([key, signal]) => [key, signal?.reason ?? null]))).toEqual({
      "shared-for-a": "matches alliance intelligence (2 members)",
      "shared-for-b": "matches alliance intelligence (2 members)",
      "private-for-a": "matches alliance intelligence",
      "private-for-b": null,
      clean: null,
    });
  });
});
