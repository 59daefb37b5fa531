import type { EntityManager } from "typeorm";
import { InfringementStatus, ReferralStatus } from "../entities/enums";
import type { SeededRandom } from "../generator/random";
import type { SeedCase } from "./case-history";
import type { LifecycleStep } from "./infringement-timeline";
import { insertWithUnnest } from "./unnest-insert";

// Two referrals to the demo agency, so that its investigator has something to read and to act on:
// the confirmed cases against the two stores with the most of them, one already raided, one just
// referred. Written as createReferral and updateReferral (referrals.ts) write them.

export interface ReferableCase {
  case: SeedCase;
  status: InfringementStatus;
  steps: LifecycleStep[];
}

interface SeedReferral {
  id: string;
  summary: string;
  status: ReferralStatus;
  raidDate: string | null;
  arrests: number;
  seizedUnits: number;
  seizedValueMinor: number | null;
  seizedValueCurrency: string | null;
  createdAt: Date;
  updatedAt: Date;
  outcomeRecordedAt: Date | null;
  cases: SeedCase[];
}

const REFERABLE: readonly InfringementStatus[] = [InfringementStatus.CONFIRMED, InfringementStatus.TAKEDOWN_REQUESTED, InfringementStatus.REMOVED];

// The raided referral's outcome, as the agency would record it.
const RAID_OUTCOME = { arrests: 2, seizedUnits: 860, seizedValueMinor: 38_600_000, seizedValueCurrency: "CNY" };

const midpoint = (from: Date, to: Date) => new Date(Math.floor((from.getTime() + to.getTime()) / 2));

function casesByStore(cases: readonly ReferableCase[]): ReferableCase[][] {
  const byStore = new Map<string, ReferableCase[]>();
  for (const referable of cases.filter((c) => REFERABLE.includes(c.status))) {
    const store = byStore.get(referable.case.sellerId) ?? [];
    store.push(referable);
    byStore.set(referable.case.sellerId, store);
  }
  // Stable sort: ties keep the order of the stores' first cases.
  return [...byStore.values()].sort((a, b) => b.length - a.length);
}

function referralOf(
  store: ReferableCase[],
  storeName: string,
  status: ReferralStatus.RAIDED | ReferralStatus.REFERRED,
  now: Date,
  id: string,
): SeedReferral {
  const confirmedAt = Math.max(...store.map((c) => c.steps.find((step) => step.to === InfringementStatus.CONFIRMED)!.at.getTime()));
  const createdAt = midpoint(new Date(confirmedAt), now);
  const { marketplace } = store[0].case;
  const summary = `${store.length} counterfeit listings confirmed by members against the store ${storeName} on ${marketplace}`;
  const cases = store.map((c) => c.case);
  const referred = { id, summary, status, cases, createdAt, raidDate: null, arrests: 0, seizedUnits: 0, seizedValueMinor: null, seizedValueCurrency: null };
  if (status === ReferralStatus.REFERRED) return { ...referred, updatedAt: createdAt, outcomeRecordedAt: null };
  const raidedAt = midpoint(createdAt, now);
  return { ...referred, ...RAID_OUTCOME, raidDate: raidedAt.toISOString().slice(0, 10), updatedAt: raidedAt, outcomeRecordedAt: raidedAt };
}

export async function seedDemoReferrals(
  manager: EntityManager,
  cases: readonly ReferableCase[],
  actors: { agencyOrgId: string; platformAnalystId: string },
  now: Date,
  ids: SeededRandom,
): Promise<void> {
  const stores = casesByStore(cases).slice(0, 2);
  const names: { id: string; public_name: string }[] = await manager.query(`SELECT id, public_name FROM seller WHERE id = ANY($1::uuid[])`, [
    stores.map((store) => store[0].case.sellerId),
  ]);
  const nameOf = new Map(names.map((row) => [row.id, row.public_name]));
  const statuses = [ReferralStatus.RAIDED, ReferralStatus.REFERRED] as const;
  const referrals = stores.map((store, i) => referralOf(store, nameOf.get(store[0].case.sellerId)!, statuses[i], now, ids.uuid()));
  await insertWithUnnest(manager, "referral", [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "agency_org_id", type: "uuid", value: () => actors.agencyOrgId },
    { name: "summary", type: "text", value: (r) => r.summary },
    { name: "status", type: { enum: "referral_status" }, value: (r) => r.status },
    { name: "raid_date", type: "date", value: (r) => r.raidDate },
    { name: "arrests", type: "integer", value: (r) => r.arrests },
    { name: "seized_units", type: "integer", value: (r) => r.seizedUnits },
    { name: "seized_value_minor", type: "bigint", value: (r) => r.seizedValueMinor },
    { name: "seized_value_currency", type: "text", value: (r) => r.seizedValueCurrency },
    { name: "created_by_user_id", type: "uuid", value: () => actors.platformAnalystId },
    { name: "created_at", type: "timestamptz", value: (r) => r.createdAt },
    { name: "updated_at", type: "timestamptz", value: (r) => r.updatedAt },
    { name: "outcome_recorded_at", type: "timestamptz", value: (r) => r.outcomeRecordedAt },
  ], referrals);
  const included = referrals.flatMap((referral) => referral.cases.map((c) => ({ referralId: referral.id, case: c })));
  await insertWithUnnest(manager, "referral_infringement", [
    { name: "referral_id", type: "uuid", value: (r) => r.referralId },
    { name: "infringement_id", type: "uuid", value: (r) => r.case.id },
    { name: "agency_org_id", type: "uuid", value: () => actors.agencyOrgId },
    { name: "owner_org_id", type: "uuid", value: (r) => r.case.ownerOrgId },
    { name: "brand_id", type: "uuid", value: (r) => r.case.brandId },
    { name: "listing_id", type: "uuid", value: (r) => r.case.listingId },
    { name: "seller_id", type: "uuid", value: (r) => r.case.sellerId },
  ], included);
}
