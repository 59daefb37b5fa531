import type { DataSource } from "typeorm";
import { countsInBlindMatch, inMatchOnlyCrowd, matchOnlyHolders } from "../../auth/intel-visibility";
import { runSql } from "../../db/prepared-statements";
import type { Viewer } from "../../auth/viewer";
import type { IndicatorKind } from "../../entities/enums";
import { badInput } from "../../errors";
import { auditEventOf } from "../audit";
import { normalizeIndicatorValue } from "./indicator-normalization";
import { itemErrors, type ItemError } from "../item-errors";
import type { KeyedHasher } from "./keyed-hash";
import { isQuotaViolation, lookupUsageCte, quotaRefusal, type LookupQuota } from "./lookup-quota";

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

// Whether at least k other members contributed each value (at any distribution but PRIVATE, and
// MATCH_ONLY ones only when k members hold it so: src/auth/intel-visibility.ts), compared by keyed
// hash only. Below k the answer is exactly the one for no match, so a single member's MATCH_ONLY
// item cannot be confirmed, nor told apart from the readable rows beside it. Quota, lookup and
// audit are one statement that commits on its own, prepared once per connection (a lookup is a
// latency-sensitive call: one round trip, no planning), and fails whole when the quota is exceeded.
// Its dates are days (UTC): a MATCH_ONLY holder's exact time of contribution or sighting would be
// the time of the attributed rows it contributed or sighted in the same transaction, and name it.
export async function matchIndicators(
  dataSource: DataSource,
  hasher: KeyedHasher,
  settings: BlindMatchSettings,
  viewer: Viewer,
  queries: MatchQuery[],
): Promise<MatchResult[]> {
  // Never more than a whole quota window holds, which no wait would let through.
  const atMost = Math.min(settings.maxQueriesPerMatch, settings.lookupsPerHour, settings.lookupsPerDay);
  if (queries.length < 1 || queries.length > atMost) throw badInput(`Ask about 1 to ${atMost} values at a time`);
  const errors: ItemError[] = [];
  const asked = queries.map((query, index) => {
    const normalized = normalizeIndicatorValue(query.kind, query.value);
    if (!normalized.ok) errors.push({ index, reason: `${query.kind} value ${normalized.reason}` });
    const value = normalized.ok ? normalized.value : "";
    return { kind: query.kind, value, hash: hasher.hashHex(query.kind, value) };
  });
  if (errors.length) throw itemErrors("queries", queries.length, errors, "nothing was looked up");
  const hashes = [...new Set(asked.map((query) => query.hash))];

  const audit = auditEventOf(viewer, {
    action: "intel.match",
    targetType: "Indicator",
    targetId: null,
    // The keyed hashes only: the looked-up values themselves are never stored.
    after: { lookups: asked.map((query) => ({ kind: query.kind, hash: query.hash })) },
  });
  let rows: MatchRow[];
  try {
    rows = await runSql<MatchRow>(
      dataSource.manager,
      `WITH ${lookupUsageCte("$2::uuid", "$4::int", "$10::int", "$11::int")},
       matched AS (
         SELECT encode(i.value_hash, 'hex') AS hash, count(DISTINCT i.owner_org_id)::int AS members,
                max(i.confidence)::int AS highest_confidence,
                date_trunc('day', min(i.first_seen_at), 'UTC') AS first_seen_at, date_trunc('day', max(i.last_seen_at), 'UTC') AS last_seen_at
           FROM (SELECT i.*, ${matchOnlyHolders("i")} AS match_only_holders
                   FROM indicator i
                  WHERE i.value_hash = ANY(ARRAY(SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h))
                    AND ${countsInBlindMatch("i", "$2::uuid")}) i
          WHERE ${inMatchOnlyCrowd("i", "match_only_holders", "$3")}
          GROUP BY i.value_hash
         HAVING count(DISTINCT i.owner_org_id) >= $3
       ),
       -- How many values matched is kept for the progress reports' INDICATORS_MATCHED.
       audit AS (
         INSERT INTO audit_event (owner_org_id, actor_user_id, actor_api_key_id, action, target_type, target_id, after)
         SELECT $2, $5, $6, $7, $8, NULL, $9::jsonb || jsonb_build_object('matched', (SELECT count(*) FROM matched))
       )
       SELECT hash, members, highest_confidence, first_seen_at, last_seen_at FROM matched`,
      [
        hashes,
        viewer.orgId,
        settings.minMembers,
        queries.length,
        audit.actorUserId,
        audit.actorApiKeyId,
        audit.action,
        audit.targetType,
        JSON.stringify(audit.after),
        settings.lookupsPerHour,
        settings.lookupsPerDay,
      ],
    );
  } catch (error) {
    if (!isQuotaViolation(error)) throw error;
    throw await quotaRefusal(dataSource.manager, viewer.orgId, queries.length, settings);
  }

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
