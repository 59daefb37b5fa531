import { In, type EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { InfringementNote, SuspectedInfringement } from "../entities";
import type { InfringementStatus } from "../entities/enums";
import { badInput } from "../errors";
import { actorOf } from "./actor";
import { recordAudits } from "./audit";
import { canMove, transitionsFrom, type Workflow } from "./infringement-lifecycle";

const WORKFLOW_NAMES: Record<Workflow, string> = { REVIEW: "a review", TEST_BUY: "a test buy", TAKEDOWN: "the takedown workflow" };

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
    const next = allowed.length ? allowed.join(", ") : `none (${WORKFLOW_NAMES[workflow]} cannot move it further)`;
    throw badInput(`Cannot move an infringement from ${from} to ${to}; allowed next states: ${next}`, { allowedStatuses: allowed });
  }
  if (!infringements.length) return;
  const updatedAt = new Date();
  await manager.update(SuspectedInfringement, { id: In(infringements.map((infringement) => infringement.id)) }, { status: to, updatedAt });
  const actor = actorOf(viewer);
  await manager.insert(
    InfringementNote,
    infringements.map((infringement) => ({
      ownerOrgId: infringement.ownerOrgId,
      infringementId: infringement.id,
      authorUserId: actor.userId,
      authorApiKeyId: actor.apiKeyId,
      body: note ?? "",
      fromStatus: infringement.status,
      toStatus: to,
      // now() is the transaction's start: steps taken in one transaction would tie and lose their order.
      createdAt: () => "clock_timestamp()",
    })),
  );
  await recordAudits(
    manager,
    viewer,
    infringements.map((infringement) => ({
      action: `infringement.${workflow.toLowerCase()}`,
      targetType: "Infringement",
      targetId: infringement.id,
      before: { status: infringement.status },
      after: { status: to, note },
    })),
  );
  for (const infringement of infringements) Object.assign(infringement, { status: to, updatedAt });
}

export const moveInfringement = (
  manager: EntityManager,
  viewer: Viewer,
  infringement: SuspectedInfringement,
  to: InfringementStatus,
  workflow: Workflow,
  note: string | null,
): Promise<void> => moveInfringements(manager, viewer, [infringement], to, workflow, note);
