import type { DataSource } from "typeorm";
import { datedFor, expiresFor } from "../../auth/intel-visibility";
import { lockContributedIndicator } from "./contributed-indicator";
import type { Viewer } from "../../auth/viewer";
import { Indicator } from "../../entities";
import { IndicatorDistribution } from "../../entities/enums";
import { badInput } from "../../errors";
import { recordAudit } from "../audit";
import { inTransactionAs } from "../../auth/live-credential";

// Narrowest first: each level shows an indicator to everyone the previous one does, and more.
const DISTRIBUTION_ORDER = [
  IndicatorDistribution.PRIVATE,
  IndicatorDistribution.MATCH_ONLY,
  IndicatorDistribution.ALLIANCE_ANONYMOUS,
  IndicatorDistribution.ALLIANCE,
];

const rank = (distribution: IndicatorDistribution) => DISTRIBUTION_ORDER.indexOf(distribution);

// Widen-only: once others could see or match an indicator, narrowing it would pretend they never
// did. The row is locked, so two concurrent changes cannot interleave.
export async function widenIndicatorDistribution(
  dataSource: DataSource,
  viewer: Viewer,
  input: { id: string; distribution: IndicatorDistribution },
): Promise<Indicator> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const indicator = await lockContributedIndicator(manager, viewer, input.id);
    const from = indicator.distribution;
    if (rank(input.distribution) <= rank(from)) {
      const wider = DISTRIBUTION_ORDER.slice(rank(from) + 1);
      throw badInput(
        `An indicator's distribution can only be widened (${DISTRIBUTION_ORDER.join(" < ")}): this one is ${from}, ` +
          `and others may already have seen or matched it. Allowed: ${wider.length ? wider.join(", ") : "none, it is as wide as it gets"}`,
        { allowedDistributions: wider },
      );
    }
    // Widened to ALLIANCE_ANONYMOUS, its dates become days, as if contributed so (intel-visibility.ts).
    const dated = {
      distribution: input.distribution,
      updatedAt: datedFor(input.distribution, new Date()),
      createdAt: datedFor(input.distribution, indicator.createdAt),
      firstSeenAt: datedFor(input.distribution, indicator.firstSeenAt),
      lastSeenAt: datedFor(input.distribution, indicator.lastSeenAt),
      expiresAt: expiresFor(input.distribution, indicator.expiresAt),
    };
    await manager.update(Indicator, { id: indicator.id }, dated);
    await recordAudit(manager, viewer, {
      action: "intel.widen",
      targetType: "Indicator",
      targetId: indicator.id,
      before: { distribution: from },
      after: { distribution: input.distribution },
    });
    return Object.assign(indicator, dated);
  });
}
