import { InfringementStatus } from "../entities/enums";
import type { SeededRandom } from "../generator/random";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DETECTION_WINDOW_MS = 90 * DAY_MS;

// Most leads still wait for the brand's review; the rest are spread along the lifecycle.
const STATUS_WEIGHTS: Record<InfringementStatus, number> = {
  FLAGGED: 50,
  UNDER_REVIEW: 16,
  CONFIRMED: 10,
  DISMISSED: 9,
  TAKEDOWN_REQUESTED: 7,
  REMOVED: 8,
};

export interface InfringementTimeline {
  status: InfringementStatus;
  detectedAt: Date;
  updatedAt: Date;
}

export function infringementTimeline(random: SeededRandom, firstSeenAt: Date, now: Date): InfringementTimeline {
  const nowMs = now.getTime();
  const seenMs = firstSeenAt.getTime();
  // A listing is scored within hours of being scanned; older listings were caught by later rescans.
  const detectedMs =
    seenMs >= nowMs - DETECTION_WINDOW_MS
      ? Math.min(nowMs, seenMs + random.int(10 * 60_000, 36 * HOUR_MS))
      : nowMs - random.int(0, DETECTION_WINDOW_MS);
  const status = random.weightedPick(Object.values(InfringementStatus), (s) => STATUS_WEIGHTS[s]);
  const updatedMs =
    status === InfringementStatus.FLAGGED
      ? detectedMs
      : detectedMs + Math.floor(random.next() * Math.min(21 * DAY_MS, nowMs - detectedMs));
  return { status, detectedAt: new Date(detectedMs), updatedAt: new Date(updatedMs) };
}
