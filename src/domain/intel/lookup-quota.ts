import { ApiError, ErrorCode } from "../../errors";

export interface LookupQuota {
  lookupsPerHour: number;
  lookupsPerDay: number;
}

export interface WindowUsage {
  window_kind: "HOUR" | "DAY";
  lookups: number;
  seconds_left: number;
}

// A data-modifying CTE (named `usage`) that counts lookups against the organization's hourly and
// daily windows (UTC) and returns each window's total and the seconds until it ends. The counter
// rows live in the database, so every API process shares one quota; the caller runs it in a
// transaction and rolls back when quotaExceeded() says so, so a refused request counts nothing.
export const lookupUsageCte = (orgParam: string, lookupsParam: string) => `usage AS (
  INSERT INTO intel_lookup_usage (org_id, window_kind, window_start, lookups)
  SELECT ${orgParam}, w.kind, date_trunc(w.unit, now(), 'UTC'), ${lookupsParam}
    FROM (VALUES ('HOUR', 'hour'), ('DAY', 'day')) AS w(kind, unit)
  ON CONFLICT (org_id, window_kind, window_start)
    DO UPDATE SET lookups = intel_lookup_usage.lookups + EXCLUDED.lookups
  RETURNING window_kind, lookups,
    ceil(extract(epoch FROM window_start
      + CASE window_kind WHEN 'HOUR' THEN interval '1 hour' ELSE interval '1 day' END - now()))::int AS seconds_left
)`;

// RATE_LIMITED with the time until every exceeded window ends, or null within quota.
export function quotaExceeded(usage: WindowUsage[], lookups: number, quota: LookupQuota): ApiError | null {
  const limitOf = (kind: WindowUsage["window_kind"]) => (kind === "HOUR" ? quota.lookupsPerHour : quota.lookupsPerDay);
  const exceeded = usage.filter((window) => window.lookups > limitOf(window.window_kind));
  if (!exceeded.length) return null;
  const retryAfterSeconds = Math.max(1, ...exceeded.map((window) => window.seconds_left));
  const limits = exceeded.map((window) => `${limitOf(window.window_kind)} ${window.window_kind === "HOUR" ? "an hour" : "a day"}`);
  return new ApiError(
    ErrorCode.RATE_LIMITED,
    `Blind-match quota of your organization used up (${limits.join(", ")}; this request asked for ${lookups}); ` +
      `retry in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}
