import { InfringementStatus as S } from "../entities/enums";

// FLAGGED -> UNDER_REVIEW -> CONFIRMED | DISMISSED; CONFIRMED -> TAKEDOWN_REQUESTED -> REMOVED.
// A dismissal can be reopened for review, because analysts make mistakes; REMOVED is final.
const NEXT: Record<S, readonly S[]> = {
  [S.FLAGGED]: [S.UNDER_REVIEW],
  [S.UNDER_REVIEW]: [S.CONFIRMED, S.DISMISSED],
  [S.CONFIRMED]: [S.TAKEDOWN_REQUESTED],
  [S.DISMISSED]: [S.UNDER_REVIEW],
  [S.TAKEDOWN_REQUESTED]: [S.REMOVED],
  [S.REMOVED]: [],
};

// A review decides these; takedown states are reached through the takedown workflow.
const REVIEW_DECISIONS: readonly S[] = [S.UNDER_REVIEW, S.CONFIRMED, S.DISMISSED];

export const nextStatuses = (from: S): readonly S[] => NEXT[from];

export const reviewTransitionsFrom = (from: S): S[] => NEXT[from].filter((to) => REVIEW_DECISIONS.includes(to));

export const isReviewDecision = (status: S) => REVIEW_DECISIONS.includes(status);
