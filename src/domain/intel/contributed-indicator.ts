import type { EntityManager } from "typeorm";
import { ownRows } from "../../auth/ownership";
import type { Viewer } from "../../auth/viewer";
import { Indicator } from "../../entities";
import { notFound } from "../../errors";

// An indicator the viewer contributed, locked for a change (widening, expiry). Only its contributor
// changes it: another organization's, readable or not, answers exactly as a missing one.
export async function lockContributedIndicator(manager: EntityManager, viewer: Viewer, id: string): Promise<Indicator> {
  const indicator = await ownRows(manager, viewer, Indicator, "ind")
    .andWhere("ind.id = :id", { id })
    .setLock("pessimistic_write")
    .getOne();
  if (!indicator) throw notFound("Indicator");
  return indicator;
}
