import type { DataSource } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { InfringementNote, SuspectedInfringement } from "../entities";
import type { InfringementStatus } from "../entities/enums";
import { notFound } from "../errors";
import { authorOf } from "./actor";
import { recordAudit } from "./audit";
import { lockInfringementItems } from "./infringement-items";
import { canMove, transitionsFrom } from "./infringement-lifecycle";
import { moveInfringement, moveInfringements } from "./infringement-status";
import { inTransactionAs } from "../auth/live-credential";
import { checkItemCount, optionalText, refuseItems, requiredText, type IdItem } from "./validation";
import { lockVisibleRow } from "./locked-row";

const MAX_NOTE_LENGTH = 5000;

// The row is read through the viewer's scope and locked, so a record outside the scope is
// NOT_FOUND like a missing one, and two concurrent reviews cannot both pass the transition check.
export async function reviewInfringement(
  dataSource: DataSource,
  viewer: Viewer,
  input: { id: string; status: InfringementStatus; note?: string | null },
): Promise<SuspectedInfringement> {
  const note = optionalText(input.note, "note", MAX_NOTE_LENGTH);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const infringement = await lockVisibleRow(manager, viewer, SuspectedInfringement, input.id, "Infringement");
    await moveInfringement(manager, viewer, infringement, input.status, "REVIEW", note);
    return infringement;
  });
}

// Many cases the same step, with one note, all or none: the error names every case that cannot
// take it, and why (a foreign case exactly as a missing one).
export async function reviewInfringements(
  dataSource: DataSource,
  viewer: Viewer,
  input: { items: IdItem[]; status: InfringementStatus; note?: string | null },
  maxItems: number,
): Promise<SuspectedInfringement[]> {
  const note = optionalText(input.note, "note", MAX_NOTE_LENGTH);
  checkItemCount(input.items, "infringementIds", maxItems);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const { accepted, problems } = await lockInfringementItems(manager, viewer, input.items, (row) => {
      if (canMove(row.status, input.status, "REVIEW")) return null;
      const allowed = transitionsFrom(row.status, "REVIEW");
      return `it is ${row.status}; a review moves it to ${allowed.length ? allowed.join(", ") : "nothing"}`;
    });
    refuseItems(problems, input.items.length, `infringements cannot move to ${input.status}`);
    await moveInfringements(manager, viewer, accepted, input.status, "REVIEW", note);
    return accepted;
  });
}

export async function addInfringementNote(
  dataSource: DataSource,
  viewer: Viewer,
  input: { infringementId: string; body: string },
): Promise<InfringementNote> {
  const body = requiredText(input.body, "body", MAX_NOTE_LENGTH);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const infringement = await scopedQuery(manager, viewer, SuspectedInfringement, "inf")
      .andWhere("inf.id = :id", { id: input.infringementId })
      .getOne();
    if (!infringement) throw notFound("Infringement");
    const note = manager.create(InfringementNote, {
      ownerOrgId: infringement.ownerOrgId,
      infringementId: infringement.id,
      ...authorOf(viewer),
      body,
      fromStatus: null,
      toStatus: null,
    });
    await manager.save(note);
    await recordAudit(manager, viewer, {
      action: "infringement.note",
      targetType: "Infringement",
      targetId: infringement.id,
      after: { noteId: note.id },
    });
    return note;
  });
}
