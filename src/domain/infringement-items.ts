import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { SuspectedInfringement } from "../entities";
import type { IdItem, ItemProblem } from "./validation";

// The infringements a bulk operation names, read through the viewer's scope and locked in id order
// (so two overlapping bulk operations cannot deadlock, and none changes status meanwhile), each
// item checked: a malformed id, a repeat, one that is missing or not the viewer's (told apart by
// nothing), or one the operation refuses (`refusal` says why, or null to accept it).
export async function lockInfringementItems(
  manager: EntityManager,
  viewer: Viewer,
  items: readonly IdItem[],
  refusal: (row: SuspectedInfringement) => string | null,
): Promise<{ accepted: SuspectedInfringement[]; problems: ItemProblem[] }> {
  const ids = [...new Set(items.flatMap((item) => (item.id ? [item.id] : [])))];
  const rows = ids.length
    ? await scopedQuery(manager, viewer, SuspectedInfringement, "inf")
        .andWhere("inf.id = ANY(:ids)", { ids })
        .orderBy("inf.id")
        .setLock("pessimistic_write")
        .getMany()
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const seen = new Set<string>();
  const problems: ItemProblem[] = [];
  const accepted: SuspectedInfringement[] = [];
  for (const item of items) {
    const row = item.id ? byId.get(item.id) : undefined;
    const refused = row ? refusal(row) : null;
    if (!item.id) problems.push({ id: item.given, reason: "not a valid Infringement ID" });
    else if (seen.has(item.id)) problems.push({ id: item.given, reason: "listed more than once" });
    else if (!row) problems.push({ id: item.given, reason: "Infringement not found" });
    else if (refused) problems.push({ id: item.given, reason: refused });
    else accepted.push(row);
    if (item.id) seen.add(item.id);
  }
  return { accepted, problems };
}
