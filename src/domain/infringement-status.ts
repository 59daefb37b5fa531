import type { EntityManager } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { InfringementNote, SuspectedInfringement } from "../entities";
import type { InfringementStatus } from "../entities/enums";
import { badInput } from "../errors";
import { actorOf } from "./actor";
import { recordAudit } from "./audit";
import { canMove, transitionsFrom, type Workflow } from "./infringement-lifecycle";

const WORKFLOW_NAMES: Record<Workflow, string> = { REVIEW: "a review", TEST_BUY: "a test buy", TAKEDOWN: "the takedown workflow" };

// Moves one locked infringement one step along the lifecycle, as the given workflow may, with the
// note that shows the step in the case's history and its audit event, in the caller's transaction.
export async function moveInfringement(
  manager: EntityManager,
  viewer: Viewer,
  infringement: SuspectedInfringement,
  to: InfringementStatus,
  workflow: Workflow,
  note: string | null,
): Promise<void> {
  const from = infringement.status;
  if (!canMove(from, to, workflow)) {
    const allowed = transitionsFrom(from, workflow);
    const next = allowed.length ? allowed.join(", ") : `none (${WORKFLOW_NAMES[workflow]} cannot move it further)`;
    throw badInput(`Cannot move an infringement from ${from} to ${to}; allowed next states: ${next}`, { allowedStatuses: allowed });
  }
  const updatedAt = new Date();
  await manager.update(SuspectedInfringement, { id: infringement.id }, { status: to, updatedAt });
  const actor = actorOf(viewer);
  await manager.insert(InfringementNote, {
    ownerOrgId: infringement.ownerOrgId,
    infringementId: infringement.id,
    authorUserId: actor.userId,
    authorApiKeyId: actor.apiKeyId,
    body: note ?? "",
    fromStatus: from,
    toStatus: to,
    // now() is the transaction's start: steps taken in one transaction would tie and lose their order.
    createdAt: () => "clock_timestamp()",
  });
  await recordAudit(manager, viewer, {
    action: `infringement.${workflow.toLowerCase()}`,
    targetType: "Infringement",
    targetId: infringement.id,
    before: { status: from },
    after: { status: to, note },
  });
  Object.assign(infringement, { status: to, updatedAt });
}
