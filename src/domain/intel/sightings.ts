import type { DataSource } from "typeorm";
import { datedFor } from "../../auth/intel-visibility";
import type { Viewer } from "../../auth/viewer";
import { Indicator, IndicatorSighting } from "../../entities";
import { checkPastInstant, requiredText } from "../validation";
import { recordAudit } from "../audit";
import { inTransactionAs } from "../../auth/live-credential";
import { lockVisibleRow } from "../locked-row";

const MAX_SOURCE_LENGTH = 500;

// A member confirms it has seen an indicator it can see. The sighting belongs to the member's
// organization, so only it and the platform learn who sighted; everyone who sees the indicator
// sees the count and the seen dates move. The same sighting sent again (a retry: same time, same
// source) is counted once.
export async function recordSighting(
  dataSource: DataSource,
  viewer: Viewer,
  input: { indicatorId: string; seenAt: Date; source: string },
): Promise<Indicator> {
  const source = requiredText(input.source, "source", MAX_SOURCE_LENGTH);
  const seenAt = checkPastInstant(input.seenAt, "seenAt");
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const indicator = await lockVisibleRow(manager, viewer, Indicator, input.indicatorId, "Indicator");
    // Read with the indicator locked: the same sighting sent twice at once is seen by the second.
    if (await manager.existsBy(IndicatorSighting, { ownerOrgId: viewer.orgId, indicatorId: indicator.id, seenAt, source })) return indicator;
    const sighting = await manager.save(manager.create(IndicatorSighting, { ownerOrgId: viewer.orgId, indicatorId: indicator.id, seenAt, source }));
    const dated = datedFor(indicator.distribution, seenAt);
    const seen = { firstSeenAt: dated < indicator.firstSeenAt ? dated : indicator.firstSeenAt, lastSeenAt: dated > indicator.lastSeenAt ? dated : indicator.lastSeenAt };
    if (seen.firstSeenAt !== indicator.firstSeenAt || seen.lastSeenAt !== indicator.lastSeenAt) {
      await manager.update(Indicator, { id: indicator.id }, seen);
      Object.assign(indicator, seen);
    }
    await recordAudit(manager, viewer, {
      action: "intel.sighting",
      targetType: "Indicator",
      targetId: indicator.id,
      after: { sightingId: sighting.id, seenAt: seenAt.toISOString() },
    });
    return indicator;
  });
}
