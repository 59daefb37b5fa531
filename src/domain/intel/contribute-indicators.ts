import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { datedForSql, expiresForSql } from "../../auth/intel-visibility";
import type { Viewer } from "../../auth/viewer";
import { IndicatorDistribution, IndicatorKind } from "../../entities/enums";
import { badInput, conflict } from "../../errors";
import { recordAudit } from "../audit";
import { holdsControlCharacters, showsNothing, type IdItem } from "../validation";
import { normalizeIndicatorValue } from "./indicator-normalization";
import { FirstIndexes, itemErrors, type ItemError } from "../item-errors";
import type { KeyedHasher } from "./keyed-hash";
import { driverErrorOf } from "../../db/transaction";
import { inTransactionAs } from "../../auth/live-credential";

export interface IndicatorDraft {
  kind: IndicatorKind;
  value: string;
  distribution: IndicatorDistribution;
  confidence?: number | null;
  note?: string | null;
  // As the contributor named it; its id is null when that was no valid id of a brand, which is
  // refused as the item's error rather than the whole batch's.
  brand?: IdItem | null;
  expiresAt?: Date | null;
}

interface ValidIndicator {
  id: string;
  kind: IndicatorKind;
  value: string;
  hashHex: string;
  distribution: IndicatorDistribution;
  confidence: number;
  note: string | null;
  brandId: string | null;
  expiresAt: Date | null;
}

const DEFAULT_CONFIDENCE = 50;
// Beyond this an expiry says "never", which is what leaving it out says; and an ALLIANCE_ANONYMOUS
// one, rounded up to its day, must stay a date that every reader can be sent.
const MAX_EXPIRY_YEARS = 10;
const MAX_NOTE_LENGTH = 2000;
const CHUNK_ROWS = 5000;
const KINDS = new Set<string>(Object.values(IndicatorKind));
const DISTRIBUTIONS = new Set<string>(Object.values(IndicatorDistribution));

function yearsAfter(at: Date, years: number): Date {
  const later = new Date(at);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}

function validate(draft: IndicatorDraft, hasher: KeyedHasher, now: Date, newId: () => string): ValidIndicator | string {
  if (!KINDS.has(draft.kind)) return `kind must be one of ${[...KINDS].join(", ")}`;
  if (!DISTRIBUTIONS.has(draft.distribution)) return `distribution must be one of ${[...DISTRIBUTIONS].join(", ")}`;
  const normalized = normalizeIndicatorValue(draft.kind, draft.value);
  if (!normalized.ok) return `${draft.kind} value ${normalized.reason}`;
  // The value is hashed and matched as normalized, so it must read as it compares, as a name does.
  // Checked once normalized: a phone (E.164), an image hash (hex) or a domain (ASCII) keeps none of
  // these characters, and a tab or a line break is spacing, which folded text makes a space.
  if (holdsControlCharacters(normalized.value)) return `${draft.kind} value must not hold control or text-direction characters`;
  const confidence = draft.confidence ?? DEFAULT_CONFIDENCE;
  if (!Number.isInteger(confidence) || confidence < 0 || confidence > 100) return "confidence must be a whole number from 0 to 100";
  const note = draft.note && !showsNothing(draft.note) ? draft.note.trim() : null;
  if (note && note.length > MAX_NOTE_LENGTH) return `note must be at most ${MAX_NOTE_LENGTH} characters`;
  if (draft.brand && !draft.brand.id) return "brandId is not a valid Brand ID";
  if (draft.expiresAt && (Number.isNaN(draft.expiresAt.getTime()) || draft.expiresAt <= now)) return "expiresAt must be in the future";
  if (draft.expiresAt && draft.expiresAt > yearsAfter(now, MAX_EXPIRY_YEARS)) {
    return `expiresAt must be at most ${MAX_EXPIRY_YEARS} years ahead; leave it out for an indicator that does not expire`;
  }
  return {
    id: newId(),
    kind: draft.kind,
    value: normalized.value,
    hashHex: hasher.hashHex(draft.kind, normalized.value),
    distribution: draft.distribution,
    confidence,
    note,
    brandId: draft.brand?.id ?? null,
    expiresAt: draft.expiresAt ?? null,
  };
}

// Hashes the organization already contributed, among the given ones: one statement a chunk.
async function alreadyContributed(manager: EntityManager, orgId: string, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < hashes.length; start += CHUNK_ROWS) {
    const rows: { hash: string }[] = await manager.query(
      `SELECT encode(value_hash, 'hex') AS hash FROM indicator
        WHERE owner_org_id = $1 AND value_hash = ANY(ARRAY(SELECT decode(h, 'hex') FROM unnest($2::text[]) AS h))`,
      [orgId, hashes.slice(start, start + CHUNK_ROWS)],
    );
    for (const row of rows) found.add(row.hash);
  }
  return found;
}

async function brandsOfOrganization(manager: EntityManager, orgId: string, brandIds: string[]): Promise<Set<string>> {
  if (!brandIds.length) return new Set();
  const rows: { id: string }[] = await manager.query(`SELECT id FROM brand WHERE owner_org_id = $1 AND id = ANY($2::uuid[])`, [
    orgId,
    brandIds,
  ]);
  return new Set(rows.map((row) => row.id));
}

// The distribution is a column of the INSERT that creates the row: there is no moment when an
// indicator exists with a wider distribution than the one it was contributed with.
async function insertIndicators(manager: EntityManager, orgId: string, rows: ValidIndicator[], onProgress?: (done: number) => void) {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    await manager.query(
      `INSERT INTO indicator (id, owner_org_id, kind, value, value_hash, distribution, confidence, note, brand_id, expires_at,
                             first_seen_at, last_seen_at, created_at, updated_at)
       SELECT u.id, $1, u.kind::indicator_kind, u.value, decode(u.hash, 'hex'), u.distribution::indicator_distribution,
              u.confidence, u.note, u.brand_id, ${expiresForSql("u.distribution", "u.expires_at")}, u.dated, u.dated, u.dated, u.dated
         FROM (SELECT *, ${datedForSql("distribution", "now()")} AS dated FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::smallint[], $8::text[], $9::uuid[], $10::timestamptz[])
           AS u(id, kind, value, hash, distribution, confidence, note, brand_id, expires_at)) u`,
      [
        orgId,
        chunk.map((r) => r.id),
        chunk.map((r) => r.kind),
        chunk.map((r) => r.value),
        chunk.map((r) => r.hashHex),
        chunk.map((r) => r.distribution),
        chunk.map((r) => r.confidence),
        chunk.map((r) => r.note),
        chunk.map((r) => r.brandId),
        chunk.map((r) => r.expiresAt?.toISOString() ?? null),
      ],
    );
    onProgress?.(start + chunk.length);
  }
}

// What can be told of the drafts without the database: each one's own problems, and repeats.
function checkDrafts(drafts: readonly IndicatorDraft[], hasher: KeyedHasher, newId: () => string = randomUUID) {
  const now = new Date();
  const errors: ItemError[] = [];
  const valid: ValidIndicator[] = [];
  const firstIndexOfHash = new FirstIndexes<string>();
  drafts.forEach((draft, index) => {
    const result = validate(draft, hasher, now, newId);
    if (typeof result === "string") return errors.push({ index, reason: result });
    const earlier = firstIndexOfHash.earlierThan(result.hashHex, index);
    if (earlier !== undefined) return errors.push({ index, reason: `the same ${draft.kind} as item ${earlier}` });
    valid.push(result);
  });
  return { errors, valid, firstIndexOfHash };
}

// The drafts' problems that need no database, by index (for an import that has found others of
// its own and will name them all at once).
export const draftProblems = (drafts: readonly IndicatorDraft[], hasher: KeyedHasher): ItemError[] => checkDrafts(drafts, hasher).errors;

const isUniqueViolation = (error: unknown) => driverErrorOf(error).code === "23505";

type Contributor = { orgId: string; actor: Viewer | null };
// newId: the demo seed's, so that a seed always writes the same rows. maxItems: the API's batch
// limit (the CLI's import has none).
type ContributeOptions = { onProgress?: (done: number, total: number) => void; newId?: () => string; maxItems?: number };

// All or nothing: every draft is checked first (value, confidence, brand, duplicates), and a single
// bad one refuses the whole batch naming each bad item by index. Set-based: a statement per
// 5,000 indicators, so 100,000 import in seconds. Returns the new ids in input order.
export async function contributeIndicators(
  dataSource: DataSource,
  hasher: KeyedHasher,
  contributor: Contributor,
  drafts: IndicatorDraft[],
  options: ContributeOptions = {},
): Promise<string[]> {
  if (options.maxItems !== undefined && (drafts.length < 1 || drafts.length > options.maxItems)) {
    throw badInput(`Contribute 1 to ${options.maxItems} indicators at a time; use the CLI import for more`);
  }
  return inTransactionAs(dataSource, contributor.actor, (manager) => contributeIndicatorsIn(manager, hasher, contributor, drafts, options));
}

// The same in the caller's transaction (the demo seed's).
export async function contributeIndicatorsIn(
  manager: EntityManager,
  hasher: KeyedHasher,
  contributor: Contributor,
  drafts: IndicatorDraft[],
  options: ContributeOptions = {},
): Promise<string[]> {
  const { errors, valid, firstIndexOfHash } = checkDrafts(drafts, hasher, options.newId);
  const indexOf = (row: ValidIndicator) => firstIndexOfHash.get(row.hashHex) as number;
  const existing = await alreadyContributed(manager, contributor.orgId, valid.map((row) => row.hashHex));
  const brandIds = [...new Set(valid.flatMap((row) => (row.brandId ? [row.brandId] : [])))];
  const ownBrands = await brandsOfOrganization(manager, contributor.orgId, brandIds);
  for (const row of valid) {
    if (existing.has(row.hashHex)) errors.push({ index: indexOf(row), reason: `your organization already contributed this ${row.kind}` });
    // Someone else's brand is answered like one that does not exist.
    if (row.brandId && !ownBrands.has(row.brandId)) errors.push({ index: indexOf(row), reason: "brandId is not a brand of yours" });
  }
  if (errors.length) throw itemErrors("indicators", drafts.length, errors.sort((a, b) => a.index - b.index));
  try {
    await insertIndicators(manager, contributor.orgId, valid, (done) => options.onProgress?.(done, valid.length));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(
        "Some of these indicators were contributed at the same time by another request of your organization, and none of this batch was stored; send it again, and those contributed meanwhile are named as such",
      );
    throw error;
  }
  await recordAudit(manager, contributor.actor, {
    action: "intel.contribute",
    targetType: "Indicator",
    targetId: valid.length === 1 ? valid[0].id : null,
    // Counts only: the values stay in the indicator rows, under their own visibility.
    after: { contributorOrgId: contributor.orgId, count: valid.length, byDistribution: countBy(valid, (row) => row.distribution) },
  });
  return valid.map((row) => row.id);
}

function countBy<T>(rows: T[], key: (row: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
}
