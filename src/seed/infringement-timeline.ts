import { pathTo } from "../domain/infringement-lifecycle";
import { InfringementStatus } from "../entities/enums";
import type { SeededRandom } from "../generator/random";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const DETECTION_WINDOW_MS = 90 * DAY_MS;
// The least time between two moves of a case: a review or a decision takes a person some minutes.
const MIN_STEP_MS = 10 * MINUTE_MS;

// Most leads still wait for the brand's review; the rest are spread along the lifecycle.
const STATUS_WEIGHTS: Record<InfringementStatus, number> = {
  FLAGGED: 50,
  UNDER_REVIEW: 16,
  CONFIRMED: 10,
  DISMISSED: 9,
  TAKEDOWN_REQUESTED: 7,
  REMOVED: 8,
};

export interface LifecycleStep {
  from: InfringementStatus;
  to: InfringementStatus;
  at: Date;
}

export interface InfringementTimeline {
  status: InfringementStatus;
  detectedAt: Date;
  // When the case reached its status: the time of its last step.
  updatedAt: Date;
}

export const isTakedownStatus = (status: InfringementStatus) =>
  status === InfringementStatus.TAKEDOWN_REQUESTED || status === InfringementStatus.REMOVED;

// The moves that bring a new case to `status`, as the workflows make them: reviews up to a
// decision, then the takedown workflow.
function lifecyclePath(status: InfringementStatus): InfringementStatus[] {
  const { FLAGGED, CONFIRMED } = InfringementStatus;
  if (!isTakedownStatus(status)) return pathTo(FLAGGED, status, "REVIEW")!;
  return [...pathTo(FLAGGED, CONFIRMED, "REVIEW")!, ...pathTo(CONFIRMED, status, "TAKEDOWN")!];
}

export function infringementTimeline(random: SeededRandom, firstSeenAt: Date, now: Date): InfringementTimeline {
  const nowMs = now.getTime();
  const seenMs = firstSeenAt.getTime();
  // A listing is scored within hours of being scanned; older listings were caught by later rescans.
  const detectedMs =
    seenMs >= nowMs - DETECTION_WINDOW_MS
      ? Math.min(nowMs, seenMs + random.int(10 * 60_000, 36 * HOUR_MS))
      : nowMs - random.int(0, DETECTION_WINDOW_MS);
  const drawn = random.weightedPick(Object.values(InfringementStatus), (s) => STATUS_WEIGHTS[s]);
  if (drawn === InfringementStatus.FLAGGED) return { status: drawn, detectedAt: new Date(detectedMs), updatedAt: new Date(detectedMs) };
  // Drawn for every moved case, so that one case's fate does not shift the next one's draws.
  const fraction = random.next();
  // A case detected too recently for its moves has not been looked at yet.
  const leastSpanMs = lifecyclePath(drawn).length * MIN_STEP_MS;
  const availableMs = Math.min(21 * DAY_MS, nowMs - detectedMs);
  if (availableMs <= leastSpanMs) {
    return { status: InfringementStatus.FLAGGED, detectedAt: new Date(detectedMs), updatedAt: new Date(detectedMs) };
  }
  const updatedMs = detectedMs + leastSpanMs + Math.floor(fraction * (availableMs - leastSpanMs));
  return { status: drawn, detectedAt: new Date(detectedMs), updatedAt: new Date(updatedMs) };
}

// The case's moves, evenly spaced from its detection to its last update (at least MIN_STEP_MS
// apart, as infringementTimeline leaves room for them).
export function lifecycleSteps(timeline: InfringementTimeline): LifecycleStep[] {
  const path = lifecyclePath(timeline.status);
  const startMs = timeline.detectedAt.getTime();
  const spanMs = timeline.updatedAt.getTime() - startMs;
  return path.map((to, i) => ({
    from: i === 0 ? InfringementStatus.FLAGGED : path[i - 1],
    to,
    at: new Date(startMs + Math.round((spanMs * (i + 1)) / path.length)),
  }));
}
