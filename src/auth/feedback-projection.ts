import { PolicyFeedback } from "../entities";
import { FeedbackVisibility, type FeedbackKind, type FeedbackStatus } from "../entities/enums";
import { anonymousDay } from "./anonymous-day";
import { isPlatform, type Viewer } from "./viewer";

export interface FeedbackAuthor {
  orgId: string;
  userId: string | null;
  apiKeyId: string | null;
}

// What the API hands out for a policy feedback row: a copy of the fields anyone who may see the
// row may read, plus the author only when the viewer may know it.
//
// Why a projection and not field rules: permission rules depend on who asks and which field,
// never on the row, so a rule cannot say "the author of MY feedback but not of theirs"; a resolver
// that nulls the author would have to be remembered by every field, loader, payload and error
// added later. Here the row is copied field by field (never spread) into this class, and for
// another member's feedback the author is simply not in the object: no later resolver, nested
// type or error can read what the object does not hold. Every feedback the API returns passes
// through projectFeedback (the loader and every list and mutation in data/ and domain/).
export class PolicyFeedbackView {
  id: string;
  ruleId: string;
  kind: FeedbackKind;
  body: string;
  visibility: FeedbackVisibility;
  status: FeedbackStatus;
  response: string | null;
  respondedAt: Date | null;
  endorsementCount: number;
  createdAt: Date;
  // Whether the viewer's organization wrote it: the viewer knows its own.
  isOwn: boolean;
  author: FeedbackAuthor | null;
}

// ALLIANCE-visible feedback is read by every member without its author, so it is dated by the day
// (anonymous-day.ts): an exact time would be a handle on its author's other, attributed rows (an
// ALLIANCE indicator contributed the same minute). Feedback only its author and the platform read
// keeps its exact time.
export const feedbackCreatedAt = (visibility: FeedbackVisibility, at: Date): Date =>
  visibility === FeedbackVisibility.ALLIANCE ? anonymousDay(at) : at;

export function projectFeedback(viewer: Viewer, row: PolicyFeedback): PolicyFeedbackView {
  const isOwn = row.ownerOrgId === viewer.orgId;
  const view = new PolicyFeedbackView();
  view.id = row.id;
  view.ruleId = row.ruleId;
  view.kind = row.kind;
  view.body = row.body;
  view.visibility = row.visibility;
  view.status = row.status;
  view.response = row.response;
  view.respondedAt = row.respondedAt;
  view.endorsementCount = row.endorsementCount;
  view.createdAt = row.createdAt;
  view.isOwn = isOwn;
  view.author =
    isOwn || isPlatform(viewer) ? { orgId: row.ownerOrgId, userId: row.authorUserId, apiKeyId: row.authorApiKeyId } : null;
  return view;
}
