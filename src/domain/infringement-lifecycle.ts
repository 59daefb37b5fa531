import { InfringementStatus as S } from "../entities/enums";

// FLAGGED -> UNDER_REVIEW -> CONFIRMED | DISMISSED; CONFIRMED -> TAKEDOWN_REQUESTED -> REMOVED.
// A dismissal can be reopened for review, and so can a confirmation, because analysts (and test
// buys) correct each other. A rejected or withdrawn takedown returns the case to CONFIRMED. REMOVED
// is final for the brand: only a scan that sees the listing for sale again after its removal (a
// relisting) returns the case to CONFIRMED, where it was before its takedown, so that its brand
// may request another.
//
// Each move says which workflow may make it: a review (reviewInfringement), a test buy's outcome
// (test-buys.ts), the takedown workflow (takedown-workflow.ts) or a scan (the listing ingest,
// src/ingest/batch/relisting.ts). Nothing else changes the status.
export type Workflow = "REVIEW" | "TEST_BUY" | "TAKEDOWN" | "SCAN";

const BY_REVIEW_OR_TEST_BUY: readonly Workflow[] = ["REVIEW", "TEST_BUY"];
const BY_TAKEDOWN: readonly Workflow[] = ["TAKEDOWN"];

// `how`: what makes the move, for a caller who asked it of another workflow.
const BY_REVIEW_OR_TEST_BUY_HOW = "a review (reviewInfringement) or a test buy's outcome";
const MOVES: readonly { from: S; to: S; by: readonly Workflow[]; how: string }[] = [
  { from: S.FLAGGED, to: S.UNDER_REVIEW, by: BY_REVIEW_OR_TEST_BUY, how: BY_REVIEW_OR_TEST_BUY_HOW },
  { from: S.UNDER_REVIEW, to: S.CONFIRMED, by: BY_REVIEW_OR_TEST_BUY, how: BY_REVIEW_OR_TEST_BUY_HOW },
  { from: S.UNDER_REVIEW, to: S.DISMISSED, by: BY_REVIEW_OR_TEST_BUY, how: BY_REVIEW_OR_TEST_BUY_HOW },
  { from: S.DISMISSED, to: S.UNDER_REVIEW, by: BY_REVIEW_OR_TEST_BUY, how: BY_REVIEW_OR_TEST_BUY_HOW },
  { from: S.CONFIRMED, to: S.UNDER_REVIEW, by: BY_REVIEW_OR_TEST_BUY, how: BY_REVIEW_OR_TEST_BUY_HOW },
  { from: S.CONFIRMED, to: S.TAKEDOWN_REQUESTED, by: BY_TAKEDOWN, how: "the brand's takedown request (requestTakedown)" },
  // or the listing was removed otherwise (its store was closed)
  { from: S.TAKEDOWN_REQUESTED, to: S.REMOVED, by: BY_TAKEDOWN, how: "the platform approving the takedown" },
  {
    from: S.TAKEDOWN_REQUESTED,
    to: S.CONFIRMED,
    by: BY_TAKEDOWN,
    how: "withdrawing the pending takedown request (withdrawTakedown), or the platform rejecting it",
  },
  { from: S.REMOVED, to: S.CONFIRMED, by: ["SCAN"], how: "a scan that sees its listing for sale again after its removal (a relisting)" },
];

export const transitionsFrom = (from: S, workflow: Workflow): S[] =>
  MOVES.filter((move) => move.from === from && move.by.includes(workflow)).map((move) => move.to);

export const canMove = (from: S, to: S, workflow: Workflow) => transitionsFrom(from, workflow).includes(to);

// What makes a move that `workflow` may not make, if anything does.
export const otherWayTo = (from: S, to: S, workflow: Workflow): string | null => {
  const move = MOVES.find((m) => m.from === from && m.to === to);
  return move && !move.by.includes(workflow) ? move.how : null;
};

// The statuses from which a workflow may move a case straight to `to`: the set-based updates use it
// as their WHERE condition, so they follow the lifecycle too.
export const statusesMovingTo = (to: S, workflow: Workflow): S[] =>
  MOVES.filter((move) => move.to === to && move.by.includes(workflow)).map((move) => move.from);

// The shortest series of moves a workflow may make from one status to another ([] when already
// there, null when it cannot get there). A counterfeit test buy walks FLAGGED -> UNDER_REVIEW ->
// CONFIRMED, one recorded step at a time, rather than jumping.
export function pathTo(from: S, to: S, workflow: Workflow): S[] | null {
  const previous = new Map<S, S | null>([[from, null]]);
  const queue: S[] = [from];
  while (queue.length) {
    const current = queue.shift() as S;
    if (current === to) {
      const path: S[] = [];
      for (let step: S | null = to; step !== null && step !== from; step = previous.get(step) ?? null) path.unshift(step);
      return path;
    }
    for (const next of transitionsFrom(current, workflow)) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

// A review decides these; takedown states are reached through the takedown workflow only.
export const reviewTransitionsFrom = (from: S): S[] => transitionsFrom(from, "REVIEW");
