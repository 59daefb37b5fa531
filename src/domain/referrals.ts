import type { DataSource, EntityManager } from "typeorm";
import { lockInfringementItems } from "./infringement-items";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Organization, Referral, ReferralInfringement } from "../entities";
import { InfringementStatus, OrgKind, ReferralStatus } from "../entities/enums";
import { badInput, notFound } from "../errors";
import { actorOf } from "./actor";
import { recordAudit } from "./audit";
import {
  checkCount,
  checkItemCount,
  checkMoney,
  checkPastLocalDate,
  refuseItems,
  requiredText,
  type IdItem,
  type MoneyValue,
} from "./validation";
import { inTransactionAs } from "../auth/live-credential";

const MAX_CASES_PER_REFERRAL = 500;

// Only confirmed cases go to the police: CONFIRMED, or further along the takedown path.
const REFERABLE: readonly InfringementStatus[] = [
  InfringementStatus.CONFIRMED,
  InfringementStatus.TAKEDOWN_REQUESTED,
  InfringementStatus.REMOVED,
];

// REFERRED -> INVESTIGATING -> RAIDED -> PROSECUTED -> CLOSED, forward only; a step may be skipped
// (not every investigation ends in a raid) and any open referral may be CLOSED. CLOSED is final.
const NEXT_REFERRAL_STATUS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  [ReferralStatus.REFERRED]: [ReferralStatus.INVESTIGATING, ReferralStatus.CLOSED],
  [ReferralStatus.INVESTIGATING]: [ReferralStatus.RAIDED, ReferralStatus.PROSECUTED, ReferralStatus.CLOSED],
  [ReferralStatus.RAIDED]: [ReferralStatus.PROSECUTED, ReferralStatus.CLOSED],
  [ReferralStatus.PROSECUTED]: [ReferralStatus.CLOSED],
  [ReferralStatus.CLOSED]: [],
  [ReferralStatus.WITHDRAWN]: [],
};

// The platform bundles confirmed infringements (and so their sellers) for one agency. All or
// nothing, like a bulk takedown: every bad id is named and nothing is created.
export async function createReferral(
  dataSource: DataSource,
  viewer: Viewer,
  input: { agencyId: string; items: IdItem[]; summary: string },
): Promise<Referral> {
  const summary = requiredText(input.summary, "summary", 10_000);
  checkItemCount(input.items, "infringementIds", MAX_CASES_PER_REFERRAL);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const agency = await scopedQuery(manager, viewer, Organization, "org").andWhere("org.id = :id", { id: input.agencyId }).getOne();
    if (!agency) throw notFound("Organization");
    if (agency.kind !== OrgKind.AGENCY) throw badInput(`\`agencyId\` must name an agency; ${agency.name} is a ${agency.kind} organization`);
    const { accepted: rows, problems } = await lockInfringementItems(manager, viewer, input.items, (row) =>
      REFERABLE.includes(row.status) ? null : `it is ${row.status}; only confirmed infringements (${REFERABLE.join(", ")}) can be referred`,
    );
    // Read with the cases locked: a referral of one of them made meanwhile has committed, and is seen.
    const open = await openReferralsHolding(manager, viewer, agency.id, rows.map((row) => row.id));
    for (const row of rows) {
      const referral = open.get(row.id);
      if (!referral) continue;
      problems.push({
        id: input.items.find((item) => item.id === row.id)!.given,
        reason: `it is already in an open referral to ${agency.name} (${referral.status}, made ${referral.createdAt.toISOString()})`,
      });
    }
    refuseItems(problems, input.items.length, "infringements cannot be referred");
    const actor = actorOf(viewer);
    const referral = await manager.save(
      manager.create(Referral, {
        agencyOrgId: agency.id,
        summary,
        status: ReferralStatus.REFERRED,
        raidDate: null,
        arrests: 0,
        seizedUnits: 0,
        seizedValueMinor: null,
        seizedValueCurrency: null,
        outcomeRecordedAt: null,
        createdByUserId: actor.userId,
        createdByApiKeyId: actor.apiKeyId,
      }),
    );
    await manager.insert(
      ReferralInfringement,
      rows.map((row) => ({
        referralId: referral.id,
        infringementId: row.id,
        agencyOrgId: agency.id,
        ownerOrgId: row.ownerOrgId,
        brandId: row.brandId,
        listingId: row.listingId,
        sellerId: row.sellerId,
      })),
    );
    await recordAudit(manager, viewer, {
      action: "referral.create",
      targetType: "Referral",
      targetId: referral.id,
      after: { agencyOrgId: agency.id, status: referral.status, infringementIds: rows.map((row) => row.id) },
    });
    return referral;
  });
}

// The agency's open (not CLOSED) referrals holding each of these cases. A case goes to an agency
// once at a time: a second referral would have it investigated twice and its raid, arrests and
// seizures recorded (and reported) twice. Once the referral is CLOSED the case may be referred
// again (new evidence), and it may be in open referrals to other agencies meanwhile (the store,
// the warehouse and the factory may be in different jurisdictions).
async function openReferralsHolding(
  manager: EntityManager,
  viewer: Viewer,
  agencyId: string,
  infringementIds: string[],
): Promise<Map<string, { status: ReferralStatus; createdAt: Date }>> {
  if (!infringementIds.length) return new Map();
  const rows = await scopedQuery(manager, viewer, ReferralInfringement, "ri")
    .innerJoin(Referral, "ref", "ref.id = ri.referral_id")
    .andWhere("ri.agency_org_id = :agencyId AND ri.infringement_id = ANY(:infringementIds) AND ref.status <> :closed", {
      agencyId,
      infringementIds,
      closed: ReferralStatus.CLOSED,
    })
    .select(["ri.infringement_id AS infringement_id", "ref.status AS status", "ref.created_at AS created_at"])
    .getRawMany<{ infringement_id: string; status: ReferralStatus; created_at: Date }>();
  return new Map(rows.map((row) => [row.infringement_id, { status: row.status, createdAt: row.created_at }]));
}

// A referral the viewer's scope holds, locked for the change: one sent to another agency, or
// withdrawn, answers NOT_FOUND as a missing one.
async function lockedReferral(manager: EntityManager, viewer: Viewer, id: string): Promise<Referral> {
  const referral = await scopedQuery(manager, viewer, Referral, "ref").andWhere("ref.id = :id", { id }).setLock("pessimistic_write").getOne();
  if (!referral) throw notFound("Referral");
  return referral;
}

export interface ReferralProgress {
  id: string;
  status?: ReferralStatus | null;
  // Left out (undefined), a raid date or a seized value stays; null clears one entered in error.
  raidDate?: string | null;
  arrests?: number | null;
  seizedUnits?: number | null;
  seizedValue?: MoneyValue | null;
}

// A count is 0 when there is none: null would neither keep nor clear it, so it is refused.
function figureOf(value: number | null | undefined, field: string): number | undefined {
  if (value === null) throw badInput(`\`${field}\` is never null: give 0 for none, or leave it out to keep the figure`);
  return value === undefined ? undefined : checkCount(value, field);
}

// The agency records progress and outcome on a referral sent to it. A referral sent to another
// agency is not in its row scope: NOT_FOUND, as if it did not exist.
const DAY_MS = 86_400_000;

export async function updateReferral(dataSource: DataSource, viewer: Viewer, input: ReferralProgress): Promise<Referral> {
  const raidDate = input.raidDate == null ? input.raidDate : checkPastLocalDate(input.raidDate, "raidDate");
  const arrests = figureOf(input.arrests, "arrests");
  const seizedUnits = figureOf(input.seizedUnits, "seizedUnits");
  const seizedValue = input.seizedValue == null ? input.seizedValue : checkMoney(input.seizedValue, "seizedValue", { allowZero: true });
  const nothing = input.status == null && raidDate === undefined && arrests === undefined && seizedUnits === undefined && seizedValue === undefined;
  if (nothing) throw badInput("Give at least one of status, raidDate, arrests, seizedUnits, seizedValue");
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const referral = await lockedReferral(manager, viewer, input.id);
    if (referral.status === ReferralStatus.CLOSED) throw badInput("This referral is CLOSED; its outcome can no longer change");
    if (input.status != null && input.status === referral.status) {
      throw badInput(`This referral is ${referral.status} already; to record figures only, leave out \`status\``);
    }
    // A day's slack: the raid date is the agency's local date, the creation time is UTC.
    const earliestRaid = new Date(referral.createdAt.getTime() - DAY_MS).toISOString().slice(0, 10);
    if (raidDate != null && raidDate < earliestRaid) {
      throw badInput(`\`raidDate\` ${raidDate} is before this referral was made (${referral.createdAt.toISOString().slice(0, 10)})`);
    }
    const status = input.status ?? referral.status;
    const now = new Date();
    if (status !== referral.status && !NEXT_REFERRAL_STATUS[referral.status].includes(status)) {
      const allowed = NEXT_REFERRAL_STATUS[referral.status];
      throw badInput(`Cannot move a referral from ${referral.status} to ${status}; allowed next states: ${allowed.join(", ")}`, {
        allowedStatuses: allowed,
      });
    }
    // A raid date is a raid's: reports count a referral with one as raided, whatever became of it.
    if (raidDate != null && status !== ReferralStatus.RAIDED && status !== ReferralStatus.PROSECUTED) {
      throw badInput(`A raid date goes with a RAIDED referral (or a PROSECUTED one), and this one would be ${status}: give \`status: RAIDED\` with it`);
    }
    const figures = arrests !== undefined || seizedUnits !== undefined || seizedValue !== undefined;
    if (figures && (status === ReferralStatus.REFERRED || (referral.status === ReferralStatus.REFERRED && status === ReferralStatus.CLOSED))) {
      throw badInput("This referral was not taken up: give `status: INVESTIGATING` first, or with the figures");
    }
    const changes = {
      status,
      raidDate: raidDate === undefined ? referral.raidDate : raidDate,
      arrests: arrests ?? referral.arrests,
      seizedUnits: seizedUnits ?? referral.seizedUnits,
      seizedValueMinor: seizedValue === undefined ? referral.seizedValueMinor : (seizedValue?.amountMinor ?? null),
      seizedValueCurrency: seizedValue === undefined ? referral.seizedValueCurrency : (seizedValue?.currency ?? null),
      outcomeRecordedAt:
        referral.outcomeRecordedAt ?? (arrests !== undefined || seizedUnits !== undefined || seizedValue ? now : null),
      updatedAt: now,
    };
    if (status === ReferralStatus.RAIDED && !changes.raidDate) {
      throw badInput(
        raidDate === null
          ? "A RAIDED referral keeps its `raidDate`: give the right date to correct it; for a raid that did not happen, clear it with `status: PROSECUTED` or `CLOSED`"
          : "A RAIDED referral needs its `raidDate`",
      );
    }
    const before = {
      status: referral.status,
      raidDate: referral.raidDate,
      arrests: referral.arrests,
      seizedUnits: referral.seizedUnits,
      seizedValueMinor: referral.seizedValueMinor,
      seizedValueCurrency: referral.seizedValueCurrency,
    };
    await manager.update(Referral, { id: referral.id }, changes);
    if (status === ReferralStatus.CLOSED) await manager.update(ReferralInfringement, { referralId: referral.id }, { closedAt: now });
    const { updatedAt: _updatedAt, outcomeRecordedAt: _outcomeRecordedAt, ...after } = changes;
    await recordAudit(manager, viewer, { action: "referral.update", targetType: "Referral", targetId: referral.id, before, after });
    return Object.assign(referral, changes);
  });
}

// The platform takes back a referral it sent in error (the wrong agency, the wrong cases), while the
// agency has not taken it up: once INVESTIGATING it is the agency's to close. Its cases leave it, so
// the agency reads none of them (nor the referral) any more, the brands no longer see it, and
// reports do not count it; the cases may be referred again. The withdrawal's audit event names them.
export async function withdrawReferral(dataSource: DataSource, viewer: Viewer, input: { id: string; reason: string }): Promise<Referral> {
  const reason = requiredText(input.reason, "reason (why the referral is withdrawn)", 2000);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const referral = await lockedReferral(manager, viewer, input.id);
    if (referral.status !== ReferralStatus.REFERRED) {
      throw badInput(
        referral.status === ReferralStatus.WITHDRAWN
          ? "This referral is WITHDRAWN already"
          : `This referral is ${referral.status}: the agency has taken it up, and only it can close it`,
      );
    }
    // Through a WITH, for the rows alone: TypeORM hands back a bare DELETE ... RETURNING with its count.
    const cases: { infringement_id: string }[] = await manager.query(
      `WITH gone AS (DELETE FROM referral_infringement WHERE referral_id = $1 RETURNING infringement_id) SELECT infringement_id FROM gone`,
      [referral.id],
    );
    const changes = { status: ReferralStatus.WITHDRAWN, withdrawnAt: new Date(), withdrawalReason: reason };
    await manager.update(Referral, { id: referral.id }, { ...changes, updatedAt: changes.withdrawnAt });
    await recordAudit(manager, viewer, {
      action: "referral.withdraw",
      targetType: "Referral",
      targetId: referral.id,
      before: { status: referral.status, agencyOrgId: referral.agencyOrgId, infringementIds: cases.map((c) => c.infringement_id).sort() },
      after: { status: changes.status, reason },
    });
    return Object.assign(referral, changes, { updatedAt: changes.withdrawnAt });
  });
}
