import type { EntityManager } from "typeorm";
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

// Counts lookups against the organization's hourly and daily windows (UTC), in the caller's
// transaction and one statement: the counter rows live in the database, so every API process
// shares one quota, and a refused request rolls back its own count.
export async function consumeLookupQuota(manager: EntityManager, orgId: string, lookups: number, quota: LookupQuota): Promise<void> {
  const usage: WindowUsage[] = await manager.query(
    `INSERT INTO intel_lookup_usage (org_id, window_kind, window_start, lookups)
     SELECT $1, w.kind, date_trunc(w.unit, now(), 'UTC'), $2
       FROM (VALUES ('HOUR', 'hour'), ('DAY', 'day')) AS w(kind, unit)
     ON CONFLICT (org_id, window_kind, window_start)
       DO UPDATE SET lookups = intel_lookup_usage.lookups + EXCLUDED.lookups
     RETURNING window_kind, lookups,
       ceil(extract(epoch FROM window_start
         + CASE window_kind WHEN 'HOUR' THEN interval '1 hour' ELSE interval '1 day' END - now()))::int AS seconds_left`,
    [orgId, lookups],
  );
  const limitOf = (kind: WindowUsage["window_kind"]) => (kind === "HOUR" ? quota.lookupsPerHour : quota.lookupsPerDay);
  const exceeded = usage.filter((window) => window.lookups > limitOf(window.window_kind));
  if (!exceeded.length) return;
  const retryAfterSeconds = Math.max(1, ...exceeded.map((window) => window.seconds_left));
  const limits = exceeded.map((window) => `${limitOf(window.window_kind)} ${window.window_kind === "HOUR" ? "an hour" : "a day"}`);
  throw new ApiError(
    ErrorCode.RATE_LIMITED,
    `Blind-match quota of your organization used up (${limits.join(", ")}; this request asked for ${lookups}); ` +
      `retry in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
  );
}
