import { InfringementStatus, TakedownStatus, type Marketplace } from "../entities/enums";
import type { SeededRandom } from "../generator/random";
import type { LifecycleStep } from "./infringement-timeline";

// What the workflows would have written for a seeded case's moves: a note per move (as
// moveInfringements writes it) and, on the takedown path, the brand's request with the
// platform's decision (as takedown-workflow.ts and listing-removal.ts write them).

export interface SeedCase {
  id: string;
  ownerOrgId: string;
  brandId: string;
  listingId: string;
  sellerId: string;
  marketplace: Marketplace;
}

export interface SeedNote {
  id: string;
  ownerOrgId: string;
  infringementId: string;
  authorUserId: string;
  body: string;
  fromStatus: InfringementStatus;
  toStatus: InfringementStatus;
  createdAt: Date;
}

export interface SeedTakedownRequest {
  id: string;
  case: SeedCase;
  status: TakedownStatus;
  reason: string;
  requestedByUserId: string;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedByUserId: string | null;
  decisionNote: string | null;
}

export interface CaseActors {
  // The owner's analyst reviews the case and requests its takedown.
  brandAnalystId: string;
  // The platform decides takedowns and closes stores.
  platformAnalystId: string;
}

// How a case's pending takedown ended when the seed closed its store: superseded, with this cause.
export interface StoreClosure {
  at: Date;
  cause: string;
}

export interface CaseHistory {
  steps: LifecycleStep[];
  notes: SeedNote[];
  request: SeedTakedownRequest | null;
}

// What reviewers write; picked by the case's position, so the same seed writes the same notes.
const REVIEW_NOTES: Partial<Record<InfringementStatus, readonly string[]>> = {
  UNDER_REVIEW: [
    "Price far below MSRP; checking the photos against the catalogue",
    "Same store as earlier cases; opened for review",
    "Logo and packaging to compare with the genuine product",
  ],
  CONFIRMED: [
    "Counterfeit: logo placement and stitching differ from the genuine product",
    "Counterfeit: specifications do not match the catalogue",
    "Counterfeit: sold as a 1:1 replica at a fraction of MSRP",
  ],
  DISMISSED: [
    "Authorised reseller",
    "Genuine second-hand item with proof of purchase",
    "Compatible accessory; the mark is used descriptively only",
  ],
};

const TAKEDOWN_REASONS = ["counterfeit confirmed by review", "counterfeit: trademark and logo infringement", "weekly sweep of confirmed cases"];

function noteBody(step: LifecycleStep, position: number, reason: string, closure: StoreClosure | null): string {
  if (step.to === InfringementStatus.TAKEDOWN_REQUESTED) return `Takedown requested: ${reason}`;
  if (step.to === InfringementStatus.REMOVED) return closure ? `Listing removed (${closure.cause})` : "Takedown approved";
  const notes = REVIEW_NOTES[step.to]!;
  return notes[position % notes.length];
}

// `closure` is given for a case whose takedown was still pending when its store was closed: the
// closure removed the listing, superseded the request and moved the case to REMOVED.
export function caseHistory(
  seedCase: SeedCase,
  position: number,
  planned: LifecycleStep[],
  closure: StoreClosure | null,
  actors: CaseActors,
  ids: SeededRandom,
): CaseHistory {
  const steps = closure
    ? [...planned, { from: InfringementStatus.TAKEDOWN_REQUESTED, to: InfringementStatus.REMOVED, at: closure.at }]
    : planned;
  const reason = TAKEDOWN_REASONS[position % TAKEDOWN_REASONS.length];
  const notes = steps.map((step) => ({
    id: ids.uuid(),
    ownerOrgId: seedCase.ownerOrgId,
    infringementId: seedCase.id,
    authorUserId: step.to === InfringementStatus.REMOVED ? actors.platformAnalystId : actors.brandAnalystId,
    body: noteBody(step, position, reason, closure),
    fromStatus: step.from,
    toStatus: step.to,
    createdAt: step.at,
  }));
  const requested = steps.find((step) => step.to === InfringementStatus.TAKEDOWN_REQUESTED);
  if (!requested) return { steps, notes, request: null };
  const removed = steps.find((step) => step.to === InfringementStatus.REMOVED);
  const status = !removed ? TakedownStatus.PENDING : closure ? TakedownStatus.SUPERSEDED : TakedownStatus.APPROVED;
  const request: SeedTakedownRequest = {
    id: ids.uuid(),
    case: seedCase,
    status,
    reason,
    requestedByUserId: actors.brandAnalystId,
    requestedAt: requested.at,
    decidedAt: removed?.at ?? null,
    decidedByUserId: removed ? actors.platformAnalystId : null,
    decisionNote: closure?.cause ?? null,
  };
  return { steps, notes, request };
}
