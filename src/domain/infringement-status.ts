import { In, type EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { InfringementNote, SuspectedInfringement } from "../entities";
import { InfringementStatus } from "../entities/enums";
import { badInput } from "../errors";
import { actorOf } from "./actor";
import { recordAudits } from "./audit";
import type { AuditAction } from "./audit-actions";
import { canMove, otherWayTo, transitionsFrom, type Workflow } from "./infringement-lifecycle";

const WORKFLOW_NAMES: Record<Workflow, string> = { REVIEW: "a review", TEST_BUY: "a test buy", TAKEDOWN: "the takedown workflow", SCAN: "a scan" };
const WORKFLOW_ACTIONS: Record<Workflow, AuditAction> = {
  REVIEW: "infringement.review",
  TEST_BUY: "infringement.test_buy",
  TAKEDOWN: "infringement.takedown",
  SCAN: "infringement.scan",
};

// Moves locked infringements one step along the lifecycle, as the given workflow may, each with the
// note that shows the step in the case's history and its audit event, in the caller's transaction:
// one statement each for the statuses, the notes and the events, however many move. Refuses all of
// them if any one may not move.
export async function moveInfringements(
  manager: EntityManager,
  viewer: Viewer,
  infringements: readonly SuspectedInfringement[],
  to: InfringementStatus,
  workflow: Workflow,
  note: string | null,
): Promise<void> {
  for (const { status: from } of infringements) {
    if (canMove(from, to, workflow)) continue;
    const allowed = transitionsFrom(from, workflow);
    // A case waiting on its takedown moves again once the request is withdrawn or decided.
    const way = from === InfringementStatus.TAKEDOWN_REQUESTED && workflow !== "TAKEDOWN" ? "; withdraw its pending takedown request first (withdrawTakedown)" : "";
    const next = allowed.length ? allowed.join(", ") : `none (${WORKFLOW_NAMES[workflow]} cannot move it further${way})`;
    // The same step sent twice (a retry, or two analysts at once) finds the case there already.
    const refusal = from === to ? `This infringement is ${from} already` : `Cannot move an infringement from ${from} to ${to}`;
    // A move only another workflow makes (a review asked for TAKEDOWN_REQUESTED): which one.
    const otherWay = way ? null : otherWayTo(from, to, workflow);
    throw badInput(`${refusal}; allowed next states: ${next}${otherWay ? `; that move is made by ${otherWay}` : ""}`, { allowedStatuses: allowed });
  }
  if (!infringements.length) return;
  const updatedAt = new Date();
  await manager.update(SuspectedInfringement, { id: In(infringements.map((infringement) => infringement.id)) }, { status: to, updatedAt });
  // A review or a test buy confirming a case (not a takedown returning it to CONFIRMED) keeps what it
  // was confirmed on, which later scans do not change: a referral's or a lawsuit's evidence.
  const confirmed = to === InfringementStatus.CONFIRMED ? infringements.filter((infringement) => infringement.status === InfringementStatus.UNDER_REVIEW) : [];
  if (confirmed.length) {
    await manager.query(
      `UPDATE suspected_infringement SET confirmed_at = $2, confirmed_risk_score = risk_score, confirmed_risk_signals = risk_signals,
              confirmed_model_version = model_version
        WHERE id = ANY($1)`,
      [confirmed.map((infringement) => infringement.id), updatedAt],
    );
    for (const infringement of confirmed) {
      Object.assign(infringement, {
        confirmedAt: updatedAt,
        confirmedRiskScore: infringement.riskScore,
        confirmedRiskSignals: infringement.riskSignals,
        confirmedModelVersion: infringement.modelVersion,
      });
    }
  }
  await recordSteps(
    manager,
    viewer,
    infringements.map(({ id, ownerOrgId, status }) => ({ id, ownerOrgId, from: status })),
    to,
    workflow,
    { body: note ?? "", note },
  );
  for (const infringement of infringements) Object.assign(infringement, { status: to, updatedAt });
}

interface StepText {
  body: string;
  note: string | null;
}

// One step of each infringement, as its case history shows it: the note (with `body`) and the
// audit event (with `note`), one statement each. For a caller that moved the statuses itself, set-based.
// `text`: the same for every step, or each infringement's own (a relisting's names when its scan saw it).
export async function recordSteps(
  manager: EntityManager,
  viewer: Viewer | null,
  steps: readonly { id: string; ownerOrgId: string; from: InfringementStatus }[],
  to: InfringementStatus,
  workflow: Workflow,
  text: StepText | ((infringementId: string) => StepText),
  at?: Date,
): Promise<void> {
  if (!steps.length) return;
  const actor = actorOf(viewer);
  const textOf = typeof text === "function" ? text : () => text;
  await manager.insert(
    InfringementNote,
    steps.map((step) => ({
      ownerOrgId: step.ownerOrgId,
      infringementId: step.id,
      authorUserId: actor.userId,
      authorApiKeyId: actor.apiKeyId,
      body: textOf(step.id).body,
      fromStatus: step.from,
      toStatus: to,
      // now() is the transaction's start: steps taken in one transaction would tie and lose their order.
      createdAt: at ?? (() => "clock_timestamp()"),
    })),
  );
  await recordAudits(
    manager,
    viewer,
    steps.map((step) => ({
      action: WORKFLOW_ACTIONS[workflow],
      targetType: "Infringement",
      targetId: step.id,
      before: { status: step.from },
      after: { status: to, note: textOf(step.id).note },
    })),
  );
}

export const moveInfringement = (
  manager: EntityManager,
  viewer: Viewer,
  infringement: SuspectedInfringement,
  to: InfringementStatus,
  workflow: Workflow,
  note: string | null,
): Promise<void> => moveInfringements(manager, viewer, [infringement], to, workflow, note);
