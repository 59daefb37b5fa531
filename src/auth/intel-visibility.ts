import { IndicatorDistribution, OrgKind } from "../entities/enums";
import { anonymousDay } from "./anonymous-day";
import type { Indicator } from "../entities";
import { ALL, NONE, type ScopeCondition } from "./scope-condition";
import type { Viewer } from "./viewer";

// Who learns what about shared intelligence beyond whole rows (those are in row-scopes.ts): who
// contributed a visible indicator, and which indicators count in a blind match or a risk score.

const SHARED = `'${IndicatorDistribution.ALLIANCE_ANONYMOUS}', '${IndicatorDistribution.ALLIANCE}'`;

// The rows of the indicator table a viewer may read: its own, and the ones shared with every member.
export const indicatorRows = (viewer: Viewer, alias: string): ScopeCondition => {
  switch (viewer.orgKind) {
    case OrgKind.PLATFORM:
      return ALL;
    case OrgKind.BRAND:
      return {
        sql: `(${alias}.owner_org_id = :scopeOrgId OR ${alias}.distribution IN (${SHARED}))`,
        params: { scopeOrgId: viewer.orgId },
      };
    case OrgKind.AGENCY:
      return NONE;
  }
};

// The contributor of an indicator the viewer can see: named only when it is attributed (ALLIANCE),
// or to the contributor itself and the platform.
export const canSeeContributor = (viewer: Viewer, indicator: Pick<Indicator, "ownerOrgId" | "distribution">) =>
  viewer.orgKind === OrgKind.PLATFORM ||
  indicator.ownerOrgId === viewer.orgId ||
  indicator.distribution === IndicatorDistribution.ALLIANCE;

// The same rule as SQL, for filters on the contributor: a filter may only select among rows whose
// contributor the viewer could read anyway, or it would de-anonymize ALLIANCE_ANONYMOUS rows.
export const contributorVisible = (viewer: Viewer, alias: string): ScopeCondition =>
  viewer.orgKind === OrgKind.PLATFORM
    ? ALL
    : {
        sql: `(${alias}.owner_org_id = :contributorViewerOrgId OR ${alias}.distribution = '${IndicatorDistribution.ALLIANCE}')`,
        params: { contributorViewerOrgId: viewer.orgId },
      };

// Indicators that count for an organization in a blind match (and, in a risk score, as other
// members' intelligence), value by value: another member's, shared at any level but PRIVATE, not
// expired; and MATCH_ONLY ones only where at least k other members hold the value MATCH_ONLY.
// ALLIANCE and ALLIANCE_ANONYMOUS rows every member can read: a single MATCH_ONLY holder counted
// beside them would be told apart by them (the answer's member count, confidence and dates, less
// theirs), so MATCH_ONLY holders count only in a crowd of k of their own.
// orgSql is an SQL expression for the organization asking.
export const countsInBlindMatch = (alias: string, orgSql: string) =>
  `(${alias}.owner_org_id <> ${orgSql} AND ${alias}.distribution <> '${IndicatorDistribution.PRIVATE}' AND ${notExpired(alias)})`;

// Over rows that countsInBlindMatch let through: how many of the value's are MATCH_ONLY (a window
// column), and the condition that keeps a MATCH_ONLY one only in a crowd of `kSql`.
export const matchOnlyHolders = (alias: string) =>
  `count(*) FILTER (WHERE ${alias}.distribution = '${IndicatorDistribution.MATCH_ONLY}') OVER (PARTITION BY ${alias}.value_hash)`;
export const inMatchOnlyCrowd = (alias: string, holdersColumn: string, kSql: string) =>
  `(${alias}.distribution <> '${IndicatorDistribution.MATCH_ONLY}' OR ${alias}.${holdersColumn} >= ${kSql})`;

// One organization's live indicator of a value, as a risk score reads it.
export interface IntelHolder {
  orgId: string;
  distribution: IndicatorDistribution;
  confidence: number;
}

// The same rule in memory, for one value's holders and the organization the score is for (null:
// no one's, so that every holder is another member).
export function holdersCountedFor(holders: readonly IntelHolder[], orgId: string | null, k: number): IntelHolder[] {
  const others = holders.filter((holder) => holder.orgId !== orgId && holder.distribution !== IndicatorDistribution.PRIVATE);
  const matchOnly = others.filter((holder) => holder.distribution === IndicatorDistribution.MATCH_ONLY).length;
  return matchOnly >= k ? others : others.filter((holder) => holder.distribution !== IndicatorDistribution.MATCH_ONLY);
}

// An ALLIANCE_ANONYMOUS indicator is dated by the day (UTC), for everyone (anonymous-day.ts): the
// rows its contributor attributes to itself in the same batch carry the batch's exact time.
export const datedFor = (distribution: IndicatorDistribution, at: Date) =>
  distribution === IndicatorDistribution.ALLIANCE_ANONYMOUS ? anonymousDay(at) : at;
// The same as SQL, of an expression for the distribution and one for the time.
export const datedForSql = (distributionSql: string, atSql: string) =>
  `(CASE WHEN ${distributionSql} = '${IndicatorDistribution.ALLIANCE_ANONYMOUS}' THEN date_trunc('day', ${atSql}, 'UTC') ELSE ${atSql} END)`;

// Its expiry likewise, rounded up to the day (it expires no earlier than its contributor asked):
// a contributor often gives every indicator of a batch one expiry, exact to the millisecond, and
// its attributed rows would show the same.
const DAY_MS = 86_400_000;
export const expiresFor = (distribution: IndicatorDistribution, at: Date | null) =>
  at && distribution === IndicatorDistribution.ALLIANCE_ANONYMOUS ? new Date(Math.ceil(at.getTime() / DAY_MS) * DAY_MS) : at;
export const expiresForSql = (distributionSql: string, atSql: string) =>
  `(CASE WHEN ${distributionSql} = '${IndicatorDistribution.ALLIANCE_ANONYMOUS}' ` +
  `THEN date_trunc('day', ${atSql} - interval '1 microsecond', 'UTC') + interval '24 hours' ELSE ${atSql} END)`;

export const notExpired = (alias: string) => `(${alias}.expires_at IS NULL OR ${alias}.expires_at > now())`;
