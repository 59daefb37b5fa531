import type { DataSource } from "typeorm";
import { countsInBlindMatch } from "../../auth/intel-visibility";
import type { Viewer } from "../../auth/viewer";
import type { IndicatorKind } from "../../entities/enums";
import { badInput } from "../../errors";
import { recordAudit } from "../audit";
import { normalizeIndicatorValue } from "./indicator-normalization";
import { itemErrors, type ItemError } from "./item-errors";
import type { KeyedHasher } from "./keyed-hash";
import { consumeLookupQuota, type LookupQuota } from "./lookup-quota";

export interface MatchQuery {
  kind: IndicatorKind;
  value: string;
}

export interface MatchResult {
  kind: IndicatorKind;
  // The normalized form of the value asked about: the asker's own input, nothing stored.
  value: string;
  matched: boolean;
  memberCount: number | null;
  highestConfidence: number | null;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
}

export interface BlindMatchSettings extends LookupQuota {
  minMembers: number;
  maxQueriesPerMatch: number;
}

interface MatchRow {
  hash: string;
  members: number;
  highest_confidence: number;
  first_seen_at: Date;
  last_seen_at: Date;
}

// Whether at least k other members contributed each value (at any distribution but PRIVATE),
// compared by keyed hash only. Below k the answer is exactly the one for no match, so a single
// member's MATCH_ONLY item cannot be confirmed. Quota, lookup and audit share one transaction.
export async function matchIndicators(
  dataSource: DataSource,
  hasher: KeyedHasher,
  settings: BlindMatchSettings,
  viewer: Viewer,
  queries: MatchQuery[],
): Promise<MatchResult[]> {
  if (queries.length < 1 || queries.length > settings.maxQueriesPerMatch) {
    throw badInput(`Ask about 1 to ${settings.maxQueriesPerMatch} values at a time`);
  }
  const errors: ItemError[] = [];
  const asked = queries.map((query, index) => {
    const normalized = normalizeIndicatorValue(query.kind, query.value);
    if (!normalized.ok) errors.push({ index, reason: `${query.kind} value ${normalized.reason}` });
    const value = normalized.ok ? normalized.value : "";
    return { kind: query.kind, value, hash: hasher.hashHex(query.kind, value) };
  });
  if (errors.length) throw itemErrors("queries", queries.length, errors, "nothing was looked up");
  const hashes = [...new Set(asked.map((query) => query.hash))];

  const rows = await dataSource.transaction(async (manager) => {
    await consumeLookupQuota(manager, viewer.orgId, queries.length, settings);
    const found: MatchRow[] = await manager.query(
      `SELECT encode(i.value_hash, 'hex') AS hash, count(DISTINCT i.owner_org_id)::int AS members,
              max(i.confidence)::int AS highest_confidence, min(i.first_seen_at) AS first_seen_at, max(i.last_seen_at) AS last_seen_at
         FROM indicator i
        WHERE i.value_hash = ANY(ARRAY(SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h))
          AND ${countsInBlindMatch("i", "$2::uuid")}
        GROUP BY i.value_hash
       HAVING count(DISTINCT i.owner_org_id) >= $3`,
      [hashes, viewer.orgId, settings.minMembers],
    );
    await recordAudit(manager, viewer, {
      action: "intel.match",
      targetType: "Indicator",
      targetId: null,
      // The keyed hashes only: the looked-up values themselves are never stored.
      after: { lookups: asked.map((query) => ({ kind: query.kind, hash: query.hash })) },
    });
    return found;
  });

  const byHash = new Map(rows.map((row) => [row.hash, row]));
  return asked.map(({ kind, value, hash }) => {
    const row = byHash.get(hash);
    return {
      kind,
      value,
      matched: Boolean(row),
      memberCount: row?.members ?? null,
      highestConfidence: row?.highest_confidence ?? null,
      firstSeenAt: row ? new Date(row.first_seen_at) : null,
      lastSeenAt: row ? new Date(row.last_seen_at) : null,
    };
  });
}
