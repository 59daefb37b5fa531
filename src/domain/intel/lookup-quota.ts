import type { EntityManager } from "typeorm";
import { driverErrorOf } from "../../db/transaction";
import { ApiError, ErrorCode } from "../../errors";

export interface LookupQuota {
  lookupsPerHour: number;
  lookupsPerDay: number;
}

interface WindowUsage {
  window_kind: "HOUR" | "DAY";
  lookups: number;
  seconds_left: number;
}

const WINDOW_LIMIT = "chk_intel_lookup_usage_within_limit";
// The quota's windows (UTC), named once for the statement that counts and the one that explains a
// refusal: each kind and the unit that starts it.
const WINDOWS = `(VALUES ('HOUR', 'hour'), ('DAY', 'day')) AS w(kind, unit)`;
const WINDOW_START = `date_trunc(w.unit, now(), 'UTC')`;

// A data-modifying CTE (named `usage`) that counts lookups against the organization's hourly and
// daily windows. The counter rows live in the database, so every API process shares one quota. A
// count past a window's limit fails the row's check, and with it the whole statement that holds
// the CTE: a refused request counts nothing, and whatever else the statement writes is not
// written either (see quotaRefusal).
export const lookupUsageCte = (orgParam: string, lookupsParam: string, hourLimitParam: string, dayLimitParam: string) => `usage AS (
  INSERT INTO intel_lookup_usage (org_id, window_kind, window_start, lookups, lookup_limit)
  SELECT ${orgParam}, w.kind, ${WINDOW_START}, ${lookupsParam}, CASE w.kind WHEN 'HOUR' THEN ${hourLimitParam} ELSE ${dayLimitParam} END
    FROM ${WINDOWS}
  ON CONFLICT (org_id, window_kind, window_start)
    DO UPDATE SET lookups = intel_lookup_usage.lookups + EXCLUDED.lookups, lookup_limit = EXCLUDED.lookup_limit
)`;

export const isQuotaViolation = (error: unknown) => {
  const { code, constraint } = driverErrorOf(error);
  return code === "23514" && constraint === WINDOW_LIMIT;
};

// After a statement with lookupUsageCte failed its check: RATE_LIMITED with the time until every
// window that this request's lookups would overrun ends.
export async function quotaRefusal(manager: EntityManager, orgId: string, lookups: number, quota: LookupQuota): Promise<ApiError> {
  const usage: WindowUsage[] = await manager.query(
    `SELECT u.window_kind, u.lookups, ceil(extract(epoch FROM ${WINDOW_START} + ('1 ' || w.unit)::interval - now()))::int AS seconds_left
       FROM ${WINDOWS}
       JOIN intel_lookup_usage u ON u.org_id = $1 AND u.window_kind = w.kind AND u.window_start = ${WINDOW_START}`,
    [orgId],
  );
  const limitOf = (kind: WindowUsage["window_kind"]) => (kind === "HOUR" ? quota.lookupsPerHour : quota.lookupsPerDay);
  const exceeded = usage.filter((window) => window.lookups + lookups > limitOf(window.window_kind));
  // A window that ended between the refusal and this read is over: asking again is enough.
  const retryAfterSeconds = Math.max(1, ...exceeded.map((window) => window.seconds_left));
  const per = (kind: WindowUsage["window_kind"]) => (kind === "HOUR" ? "an hour" : "a day");
  const limits = exceeded.length
    ? exceeded.map((window) => `${limitOf(window.window_kind)} ${per(window.window_kind)}, ${Math.max(0, limitOf(window.window_kind) - window.lookups)} left`)
    : [`${quota.lookupsPerHour} an hour`, `${quota.lookupsPerDay} a day`];
  // What a smaller request may still ask now: the least left in any window.
  const usedIn = (kind: WindowUsage["window_kind"]) => usage.find((window) => window.window_kind === kind)?.lookups ?? 0;
  const lookupsLeft = Math.max(0, Math.min(quota.lookupsPerHour - usedIn("HOUR"), quota.lookupsPerDay - usedIn("DAY")));
  return new ApiError(
    ErrorCode.RATE_LIMITED,
    `Blind-match quota of your organization used up (${limits.join("; ")}; this request asked for ${lookups}); ` +
      `${lookupsLeft > 0 ? `send at most ${lookupsLeft} values now, or ` : ""}retry in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds, lookupsLeft },
  );
}
