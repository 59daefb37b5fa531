import type { DataSource } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { SuspectedInfringement, TakedownRequest, TestBuy } from "../entities";
import { InfringementStatus, TakedownStatus, TestBuyOutcome, type EvidenceKind } from "../entities/enums";
import type { EvidenceItem } from "../entities/evidence-item";
import { badInput, conflict } from "../errors";
import { actorOf } from "./actor";
import { recordAudit } from "./audit";
import { FirstIndexes } from "./item-errors";
import { pathTo } from "./infringement-lifecycle";
import { moveInfringement } from "./infringement-status";
import { withdrawLockedTakedown } from "./takedown-workflow";
import { checkMoney, checkPastInstant, checkReference, checkSha256, optionalText, requiredText, type MoneyValue } from "./validation";
import { inTransactionAs } from "../auth/live-credential";
import { lockVisibleRow } from "./locked-row";

const MAX_EVIDENCE_ITEMS = 50;
// A case's test buys are read whole, with the case (Infringement.testBuys): a bound keeps that read
// small, and no case needs more purchases than this to be proved.
const MAX_TEST_BUYS_PER_CASE = 50;

export async function recordTestBuy(
  dataSource: DataSource,
  viewer: Viewer,
  input: { infringementId: string; orderedAt: Date; cost: MoneyValue; orderReference: string },
): Promise<TestBuy> {
  const orderedAt = checkPastInstant(input.orderedAt, "orderedAt");
  const cost = checkMoney(input.cost, "cost", { allowZero: true });
  const orderReference = checkReference(requiredText(input.orderReference, "orderReference", 200), "orderReference");
  return inTransactionAs(dataSource, viewer, async (manager) => {
    // Locked, so that two recordings of one order (a client's retry) cannot both pass the checks
    // below, nor two recordings the cap.
    const infringement = await lockVisibleRow(manager, viewer, SuspectedInfringement, input.infringementId, "Infringement");
    if (await manager.existsBy(TestBuy, { infringementId: infringement.id, orderReference })) {
      throw conflict(`A test buy with order reference "${orderReference}" is already recorded on this case`);
    }
    if ((await manager.countBy(TestBuy, { infringementId: infringement.id })) >= MAX_TEST_BUYS_PER_CASE) {
      throw conflict(`This case has ${MAX_TEST_BUYS_PER_CASE} test buys, the most one case keeps`);
    }
    const actor = actorOf(viewer);
    const testBuy = await manager.save(
      manager.create(TestBuy, {
        ownerOrgId: infringement.ownerOrgId,
        infringementId: infringement.id,
        orderedAt,
        costMinor: cost.amountMinor,
        currency: cost.currency,
        orderReference,
        outcome: TestBuyOutcome.PENDING,
        findings: null,
        evidence: [],
        recordedByUserId: actor.userId,
        recordedByApiKeyId: actor.apiKeyId,
        outcomeRecordedAt: null,
      }),
    );
    await recordAudit(manager, viewer, {
      action: "testBuy.record",
      targetType: "TestBuy",
      targetId: testBuy.id,
      after: { infringementId: infringement.id, outcome: testBuy.outcome, cost, orderReference },
    });
    return testBuy;
  });
}

function checkEvidence(items: { kind: EvidenceKind; description: string; sha256: string }[]): EvidenceItem[] {
  if (items.length > MAX_EVIDENCE_ITEMS) throw badInput(`\`evidence\` may hold at most ${MAX_EVIDENCE_ITEMS} items`);
  const firstOf = new FirstIndexes<string>();
  return items.map((item, index) => {
    const sha256 = checkSha256(item.sha256, `evidence[${index}].sha256`);
    // One file is one piece of evidence, however it is described.
    const earlier = firstOf.earlierThan(sha256, index);
    if (earlier !== undefined) throw badInput(`\`evidence[${index}]\` is the file of evidence[${earlier}] again (same sha256): send each file once`);
    return { kind: item.kind, description: requiredText(item.description, `evidence[${index}].description`, 2000), sha256 };
  });
}

// Where an outcome sends the case: a counterfeit confirms it, a genuine product dismisses it.
const TARGET_OF_OUTCOME: Partial<Record<TestBuyOutcome, InfringementStatus>> = {
  [TestBuyOutcome.COUNTERFEIT]: InfringementStatus.CONFIRMED,
  [TestBuyOutcome.GENUINE]: InfringementStatus.DISMISSED,
};

// The outcome is recorded once. The infringement then walks the lifecycle, one noted step at a
// time, to CONFIRMED (counterfeit) or DISMISSED (genuine) when the lifecycle lets a test buy take it
// there. A genuine product under a pending takedown first has that takedown withdrawn (as the brand
// would withdraw it, back to CONFIRMED), so that the platform cannot approve removing a listing the
// brand just proved genuine; it is then dismissed. Any other case under a takedown keeps its status
// (a counterfeit one is already confirmed), and so does a REMOVED case: its listing is gone.
export async function recordTestBuyOutcome(
  dataSource: DataSource,
  viewer: Viewer,
  input: {
    id: string;
    outcome: TestBuyOutcome;
    findings?: string | null;
    evidence: { kind: EvidenceKind; description: string; sha256: string }[];
  },
): Promise<TestBuy> {
  if (input.outcome === TestBuyOutcome.PENDING) {
    throw badInput("`outcome` must be GENUINE, COUNTERFEIT or INCONCLUSIVE");
  }
  const findings = optionalText(input.findings, "findings", 5000);
  const evidence = checkEvidence(input.evidence);
  if (input.outcome === TestBuyOutcome.COUNTERFEIT && !evidence.length) {
    throw badInput("A COUNTERFEIT outcome needs at least one evidence item");
  }
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const testBuy = await lockVisibleRow(manager, viewer, TestBuy, input.id, "TestBuy");
    if (testBuy.outcome !== TestBuyOutcome.PENDING) {
      throw badInput(`This test buy's outcome was already recorded: ${testBuy.outcome}`, { outcome: testBuy.outcome });
    }
    const infringement = await scopedQuery(manager, viewer, SuspectedInfringement, "inf")
      .andWhere("inf.id = :id", { id: testBuy.infringementId })
      .setLock("pessimistic_write")
      .getOneOrFail();
    const outcomeRecordedAt = new Date();
    await manager.update(TestBuy, { id: testBuy.id }, { outcome: input.outcome, findings, evidence, outcomeRecordedAt });
    await recordAudit(manager, viewer, {
      action: "testBuy.outcome",
      targetType: "TestBuy",
      targetId: testBuy.id,
      before: { outcome: testBuy.outcome },
      // The evidence stays in the test buy, whose every read is audited (sensitive-fields.ts): a
      // copy here would be read, through the audit log, with no record of who read it.
      after: { outcome: input.outcome, findings, evidenceItems: evidence.length },
    });
    const verdict = `Test buy ${testBuy.orderReference}: ${input.outcome}`;
    if (input.outcome === TestBuyOutcome.GENUINE && infringement.status === InfringementStatus.TAKEDOWN_REQUESTED) {
      // Locked after its case, as decideTakedown and withdrawTakedown lock them (see lockCaseAndRequest).
      const pending = await scopedQuery(manager, viewer, TakedownRequest, "tr")
        .andWhere("tr.infringement_id = :id AND tr.status = :pending", { id: infringement.id, pending: TakedownStatus.PENDING })
        .setLock("pessimistic_write")
        .getOne();
      if (pending) await withdrawLockedTakedown(manager, viewer, pending, infringement, verdict);
    }
    const target = TARGET_OF_OUTCOME[input.outcome];
    const steps = target ? (pathTo(infringement.status, target, "TEST_BUY") ?? []) : [];
    for (const step of steps) {
      await moveInfringement(manager, viewer, infringement, step, "TEST_BUY", verdict);
    }
    return Object.assign(testBuy, { outcome: input.outcome, findings, evidence, outcomeRecordedAt });
  });
}
