import type { EntityManager } from "typeorm";
import { holdersCountedFor, notExpired, type IntelHolder } from "../../auth/intel-visibility";
import { crowdFloor } from "../../auth/member-crowd";
import { IndicatorKind, type IndicatorDistribution } from "../../entities/enums";
import { normalizeIndicatorValue, titleKeywords } from "./indicator-normalization";

// The intel side of the risk model: which listings match shared intelligence, as a signal with a
// contribution and a reason a brand may read. Plain TypeScript over the database, for the scorer to
// call with a batch of listings (one SQL statement for the whole batch).

// A listing is matched by its store and its image hashes (and its title's phrases), never by the
// store's identity (contact, payment account, address): brands may not see that, and a member's own
// PRIVATE indicator of a phone number would tell it, through its case's INTEL_MATCH, whose it is.
export interface IntelCandidateSource {
  seller: { marketplace: string; externalId: string };
  title: string;
  imageHashes: readonly string[];
}

export interface IntelCandidate {
  kind: IndicatorKind;
  value: string;
}

export interface IntelMatchSignal {
  contribution: number;
  reason: string;
  // Other members whose intelligence matched; null when fewer than k (then it is not shown).
  memberCount: number | null;
}

// The candidate values of a listing and its seller, normalized like indicators; a value that is
// not valid for its kind (an image hash that is not 16 hex digits) is simply not a candidate.
export function intelCandidatesOf(source: IntelCandidateSource): IntelCandidate[] {
  return [...valueCandidatesOf(source), ...titleCandidatesOf(source.title)];
}

// The candidates other than the title's phrases.
export function valueCandidatesOf(source: Omit<IntelCandidateSource, "title">): IntelCandidate[] {
  const raw: [IndicatorKind, string][] = [
    [IndicatorKind.SELLER, `${source.seller.marketplace}:${source.seller.externalId}`],
    ...source.imageHashes.map((hash): [IndicatorKind, string] => [IndicatorKind.IMAGE_HASH, hash]),
  ];
  const candidates = new Map<string, IntelCandidate>();
  for (const [kind, value] of raw) {
    const normalized = normalizeIndicatorValue(kind, value);
    if (normalized.ok) candidates.set(`${kind}\u0000${normalized.value}`, { kind, value: normalized.value });
  }
  return [...candidates.values()];
}

export const titleCandidatesOf = (title: string): IntelCandidate[] =>
  titleKeywords(title).map((keyword) => ({ kind: IndicatorKind.KEYWORD, value: keyword }));

interface SignalRow {
  others: number;
  others_confidence: number | null;
  own_confidence: number | null;
}

const MAX_CONTRIBUTION = 30;
const REASON = "matches alliance intelligence";

// Other members count only from k on, as in a blind match, so a score never tells a brand more
// than matchIndicators would; below k only the owner's own indicators can give a signal, and its
// size then depends on nothing but the owner's own data.
// (`countsFrom`: k, or k + 1 for the listing's own score; the contribution is the same either way.)
function signalOf(row: SignalRow, minMembers: number, countsFrom: number): IntelMatchSignal | null {
  if (row.others >= countsFrom) {
    const confidence = Math.max(row.others_confidence ?? 0, row.own_confidence ?? 0);
    const contribution = Math.min(MAX_CONTRIBUTION, Math.round(10 + (15 * confidence) / 100) + Math.min(row.others - minMembers, 5));
    return { contribution, reason: `${REASON} (${row.others} members)`, memberCount: row.others };
  }
  if (row.own_confidence !== null) {
    return { contribution: Math.round(5 + (15 * row.own_confidence) / 100), reason: REASON, memberCount: null };
  }
  return null;
}

// Per item, for each of its values that live indicators hold, who holds it: each organization's
// indicator of the value (one at most), with its distribution and confidence. Enough to score the
// item for any owner in memory (intelSignalFor); one statement for the whole batch, through the
// keyed-hash index.
export type IntelEvidence = (readonly IntelHolder[])[];

// Looked up by keyed hashes (hex) worked out beforehand (an ingest, before its batch's
// transaction), and each item's indexes into them: a caller that has items share their keys
// (title phrases recur across a batch's listings) has them looked up once.
export async function intelEvidenceOfKeys(
  manager: EntityManager,
  hashes: readonly string[],
  keysOfItems: readonly (readonly number[])[],
): Promise<IntelEvidence[]> {
  const evidence: IntelEvidence[] = keysOfItems.map(() => []);
  if (!hashes.length) return evidence;
  // The hashes as one bytea of 32-byte values: no array to escape and parse. An organization
  // holds a value once (uq_indicator_owner_hash).
  const rows: { slot: number; org_id: string; distribution: IndicatorDistribution; confidence: number }[] = await manager.query(
    `SELECT q.slot, i.owner_org_id AS org_id, i.distribution, i.confidence
       FROM generate_series(0, $2::int - 1) AS q(slot)
       JOIN indicator i ON i.value_hash = substring($1::bytea FROM q.slot * ${HASH_BYTES} + 1 FOR ${HASH_BYTES})
      WHERE ${notExpired("i")}`,
    [`\\x${hashes.join("")}`, hashes.length],
  );
  if (!rows.length) return evidence;
  const holdersOfKey: IntelHolder[][] = [];
  for (const row of rows) {
    (holdersOfKey[row.slot] ??= []).push({ orgId: row.org_id, distribution: row.distribution, confidence: row.confidence });
  }
  keysOfItems.forEach((keys, item) => {
    for (const key of new Set(keys)) {
      const holders = holdersOfKey[key];
      if (holders) evidence[item].push(holders);
    }
  });
  return evidence;
}

const HASH_BYTES = 32;

// The signal for an item scored for `ownerOrgId` (null: for no one, as the listing's own score):
// other organizations' indicators, counted value by value as a blind match counts them (the most
// members any one value has, and their strongest confidence), and the owner's own ones of any
// distribution. Counting members across values would tell the owner what a blind match of each
// value does not: that single members hold several of the listing's values.
// The listing's own score counts members from k + 1 on (crowdFloor, src/auth/member-crowd.ts): at
// k, a member's own indicator would otherwise show in the listing's score that exactly k - 1
// others hold the value, which its blind match answers as no match.
export function intelSignalFor(evidence: IntelEvidence, ownerOrgId: string | null, minMembers: number): IntelMatchSignal | null {
  const countsFrom = crowdFloor(ownerOrgId, minMembers);
  let others = 0;
  let othersConfidence: number | null = null;
  let ownConfidence: number | null = null;
  for (const holders of evidence) {
    const counted = holdersCountedFor(holders, ownerOrgId, countsFrom);
    if (counted.length >= countsFrom) {
      others = Math.max(others, counted.length);
      othersConfidence = Math.max(othersConfidence ?? 0, ...counted.map((holder) => holder.confidence));
    }
    const own = holders.find((holder) => holder.orgId === ownerOrgId);
    if (own) ownConfidence = Math.max(ownConfidence ?? 0, own.confidence);
  }
  return signalOf({ others, others_confidence: othersConfidence, own_confidence: ownConfidence }, minMembers, countsFrom);
}
