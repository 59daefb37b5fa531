import type { DataSource } from "typeorm";
import { datedFor, expiresFor } from "../../auth/intel-visibility";
import { lockContributedIndicator } from "./contributed-indicator";
import type { Viewer } from "../../auth/viewer";
import { Indicator } from "../../entities";
import { recordAudit } from "../audit";
import { inTransactionAs } from "../../auth/live-credential";

// The contributor takes back an indicator it got wrong: it expires now, so that it no longer counts
// in blind matches or in the scores of listings ingested from then on (scores already given keep
// it until their listing is scanned again). An ALLIANCE_ANONYMOUS one expires at the end of the
// day, as its dates are days (intel-visibility.ts). Asked again, it answers as it is.
export async function expireIndicator(dataSource: DataSource, viewer: Viewer, id: string): Promise<Indicator> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const indicator = await lockContributedIndicator(manager, viewer, id);
    const now = new Date();
    const expiresAt = expiresFor(indicator.distribution, now)!;
    // Expired, or expiring by then already (an anonymous one taken back earlier today).
    if (indicator.expiresAt && indicator.expiresAt <= expiresAt) return indicator;
    const updatedAt = datedFor(indicator.distribution, now);
    await manager.update(Indicator, { id: indicator.id }, { expiresAt, updatedAt });
    await recordAudit(manager, viewer, {
      action: "intel.expire",
      targetType: "Indicator",
      targetId: indicator.id,
      before: { expiresAt: indicator.expiresAt },
      after: { expiresAt },
    });
    return Object.assign(indicator, { expiresAt, updatedAt });
  });
}
