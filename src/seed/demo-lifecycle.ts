import type { EntityManager } from "typeorm";
import { InfringementStatus, OrgKind, SellerStatus, type Marketplace } from "../entities/enums";
import type { SeededRandom } from "../generator/random";
import { caseHistory, type CaseActors, type SeedCase, type StoreClosure } from "./case-history";
import { seedDemoReferrals } from "./demo-referrals";
import { infringementTimeline, isTakedownStatus, lifecycleSteps, type InfringementTimeline } from "./infringement-timeline";
import { insertNotes, insertTakedownRequests, updateCaseStates, updateStoreRecords } from "./lifecycle-writers";
import { DEMO_STRIKE_POLICY, storeRecord, type StoreRecord } from "./store-records";
import { rescoreStores } from "../domain/store-record";
import type { RiskConfig } from "../risk/risk-config";

interface CaseRow extends SeedCase {
  firstSeenAt: Date;
}

async function readCases(manager: EntityManager): Promise<CaseRow[]> {
  const rows: { id: string; owner_org_id: string; brand_id: string; listing_id: string; seller_id: string; marketplace: Marketplace; first_seen_at: Date }[] =
    await manager.query(
      `SELECT si.id, si.owner_org_id, si.brand_id, si.listing_id, si.seller_id, si.marketplace, l.first_seen_at
         FROM suspected_infringement si JOIN listing l ON l.id = si.listing_id JOIN brand b ON b.id = si.brand_id
        ORDER BY l.marketplace, l.external_id, b.name`,
    );
  return rows.map((row) => ({
    id: row.id,
    ownerOrgId: row.owner_org_id,
    brandId: row.brand_id,
    listingId: row.listing_id,
    sellerId: row.seller_id,
    marketplace: row.marketplace,
    firstSeenAt: new Date(row.first_seen_at),
  }));
}

// Who acts in the seeded histories: each member's analyst, the platform's analyst, the agency.
async function readActors(manager: EntityManager) {
  const rows: { org_id: string; kind: OrgKind; analyst_id: string | null }[] = await manager.query(
    `SELECT o.id AS org_id, o.kind, u.id AS analyst_id
       FROM organization o LEFT JOIN app_user u ON u.owner_org_id = o.id AND u.role = 'ANALYST'`,
  );
  const analystOf = new Map(rows.map((row) => [row.org_id, row.analyst_id]));
  const platformAnalystId = rows.find((row) => row.kind === OrgKind.PLATFORM)!.analyst_id!;
  return {
    platformAnalystId,
    agencyOrgId: rows.find((row) => row.kind === OrgKind.AGENCY)!.org_id,
    forCase: (seedCase: SeedCase): CaseActors => ({ brandAnalystId: analystOf.get(seedCase.ownerOrgId)!, platformAnalystId }),
  };
}

// A listing is taken down once: of several brands' cases on it that drew a takedown status, the
// first keeps it and the others stay CONFIRMED (the removal would have refused or superseded their
// requests).
function oneTakedownPerListing(cases: readonly CaseRow[], timelines: InfringementTimeline[]): InfringementTimeline[] {
  const takenDown = new Set<string>();
  return timelines.map((timeline, i) => {
    if (!isTakedownStatus(timeline.status)) return timeline;
    if (takenDown.has(cases[i].listingId)) return { ...timeline, status: InfringementStatus.CONFIRMED };
    takenDown.add(cases[i].listingId);
    return timeline;
  });
}

// Each approved takedown is a strike on its store; the strike policy then penalizes or closes stores.
async function storeRecords(manager: EntityManager, cases: readonly CaseRow[], timelines: InfringementTimeline[], now: Date): Promise<StoreRecord[]> {
  const approvals = new Map<string, number>();
  timelines.forEach((timeline, i) => {
    if (timeline.status === InfringementStatus.REMOVED) approvals.set(cases[i].sellerId, (approvals.get(cases[i].sellerId) ?? 0) + 1);
  });
  const sellers: { id: string; strike_count: number }[] = await manager.query(`SELECT id, strike_count FROM seller ORDER BY id`);
  return sellers.map((seller) => storeRecord({ id: seller.id, strikeCount: seller.strike_count }, approvals.get(seller.id) ?? 0, DEMO_STRIKE_POLICY, now));
}

// Moves the freshly flagged demo infringements along their lifecycle, deterministically, so that
// the demo shows every status, and writes what the workflows would have written on the way: notes,
// takedown requests and their decisions, the stores' strikes and statuses, removed listings, and
// referrals to the agency.
export async function spreadDemoLifecycle(manager: EntityManager, random: SeededRandom, now: Date, riskConfig: RiskConfig): Promise<void> {
  const cases = await readCases(manager);
  const actors = await readActors(manager);
  const timelines = oneTakedownPerListing(
    cases,
    cases.map((row) => infringementTimeline(random, row.firstSeenAt, now)),
  );
  const stores = await storeRecords(manager, cases, timelines, now);
  const storeById = new Map(stores.map((store) => [store.id, store]));
  // The stores' records are applied at `now`, after every seeded move: a store its strikes close
  // then removes its listings, superseding the takedowns still pending on them.
  const closureOf = (seedCase: SeedCase, timeline: InfringementTimeline): StoreClosure | null => {
    const store = storeById.get(seedCase.sellerId)!;
    if (timeline.status !== InfringementStatus.TAKEDOWN_REQUESTED || store.status !== SellerStatus.CLOSED) return null;
    return { at: store.statusChangedAt!, cause: `store closed: ${store.statusReason}` };
  };
  const ids = random.fork("case-history");
  const histories = cases.map((seedCase, i) =>
    caseHistory(seedCase, i, lifecycleSteps(timelines[i]), closureOf(seedCase, timelines[i]), actors.forCase(seedCase), ids),
  );

  const states = histories.map(({ steps }, i) => ({
    id: cases[i].id,
    status: steps.at(-1)?.to ?? InfringementStatus.FLAGGED,
    detectedAt: timelines[i].detectedAt,
    updatedAt: steps.at(-1)?.at ?? timelines[i].detectedAt,
  }));
  await updateCaseStates(manager, states);
  await insertNotes(manager, histories.flatMap((history) => history.notes));
  // What each confirmed case was confirmed on, as moveInfringements keeps it: its score (the seed's
  // one scan), at its latest confirmation.
  await manager.query(
    `UPDATE suspected_infringement si
        SET confirmed_at = n.created_at, confirmed_risk_score = si.risk_score, confirmed_risk_signals = si.risk_signals,
            confirmed_model_version = si.model_version
       FROM (SELECT DISTINCT ON (infringement_id) infringement_id, created_at FROM infringement_note
              WHERE from_status = 'UNDER_REVIEW' AND to_status = 'CONFIRMED' ORDER BY infringement_id, created_at DESC) n
      WHERE n.infringement_id = si.id`,
  );
  await insertTakedownRequests(manager, histories.flatMap((history) => (history.request ? [history.request] : [])));
  await updateStoreRecords(manager, stores);
  // Their strikes and the cases confirmed against them are in their scores at once, as addStrike does.
  await rescoreStores(manager, stores.map((store) => store.id), riskConfig, now);
  // A closed store's listings and a listing whose takedown was executed are gone, removed at its
  // takedown's approval or its store's closure.
  await manager.query(
    `UPDATE listing l SET status = 'REMOVED', removed_at = removal.at
       FROM (SELECT l2.id,
                    GREATEST((SELECT max(r.updated_at) FROM suspected_infringement r WHERE r.listing_id = l2.id AND r.status = 'REMOVED'),
                             (SELECT s.status_changed_at FROM seller s WHERE s.id = l2.seller_id AND s.status = 'CLOSED')) AS at
               FROM listing l2) removal
      WHERE l.id = removal.id AND removal.at IS NOT NULL`,
  );
  // Every other case on a removed listing is dated as updated then, as removeListings dates it, so
  // that a sync by updatedFrom finds it.
  await manager.query(
    `UPDATE suspected_infringement si SET updated_at = l.removed_at
       FROM listing l
      WHERE si.listing_id = l.id AND l.status = 'REMOVED' AND si.updated_at < l.removed_at`,
  );
  await seedDemoReferrals(
    manager,
    histories.map(({ steps }, i) => ({ case: cases[i], status: states[i].status, steps })),
    actors,
    now,
    random.fork("referrals"),
  );
}
