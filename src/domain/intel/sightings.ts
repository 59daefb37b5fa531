import type { DataSource } from "typeorm";
import { datedFor } from "../../auth/intel-visibility";
import { scopedQuery } from "../../auth/scoped-query";
import type { Viewer } from "../../auth/viewer";
import { Indicator, IndicatorSighting } from "../../entities";
import { badInput, notFound } from "../../errors";
import { recordAudit } from "../audit";
import { inTransaction } from "../../db/transaction";

const MAX_SOURCE_LENGTH = 500;
// Clocks differ a little between a member's systems and ours.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

// A member confirms it has seen an indicator it can see. The sighting belongs to the member's
// organization, so only it and the platform learn who sighted; everyone who sees the indicator
// sees the count and the last-seen date move.
export async function recordSighting(
  dataSource: DataSource,
  viewer: Viewer,
  input: { indicatorId: string; seenAt: Date; source: string },
): Promise<Indicator> {
  const source = input.source.trim();
  if (!source || source.length > MAX_SOURCE_LENGTH) throw badInput(`source must be 1 to ${MAX_SOURCE_LENGTH} characters`);
  if (input.seenAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw badInput("seenAt must not be in the future");
  return inTransaction(dataSource, async (manager) => {
    const indicator = await scopedQuery(manager, viewer, Indicator, "ind")
      .andWhere("ind.id = :id", { id: input.indicatorId })
      .setLock("pessimistic_write")
      .getOne();
    if (!indicator) throw notFound("Indicator");
    const sighting = await manager.save(
      manager.create(IndicatorSighting, { ownerOrgId: viewer.orgId, indicatorId: indicator.id, seenAt: input.seenAt, source }),
    );
    const lastSeenAt = datedFor(indicator.distribution, input.seenAt);
    if (lastSeenAt > indicator.lastSeenAt) {
      await manager.update(Indicator, { id: indicator.id }, { lastSeenAt });
      indicator.lastSeenAt = lastSeenAt;
    }
    await recordAudit(manager, viewer, {
      action: "intel.sighting",
      targetType: "Indicator",
      targetId: indicator.id,
      after: { sightingId: sighting.id, seenAt: input.seenAt.toISOString() },
    });
    return indicator;
  });
}
