import type { DataSource, EntityManager } from "typeorm";
import { feedbackCreatedAt, projectFeedback, type PolicyFeedbackView } from "../auth/feedback-projection";
import { isOwn } from "../auth/ownership";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { GovernanceRule, PolicyFeedback, PolicyFeedbackEndorsement } from "../entities";
import { FeedbackStatus, FeedbackVisibility, type FeedbackKind } from "../entities/enums";
import { badInput, conflict, forbidden, notFound } from "../errors";
import { authorOf } from "./actor";
import { recordAudit } from "./audit";
import { checkRuleCode, isCurrentRuleVersion, noRuleWithCode } from "./governance-rules";
import { lockKey } from "../db/advisory-lock";
import { inTransactionAs } from "../auth/live-credential";
import { requiredText } from "./validation";

const MAX_BODY_LENGTH = 10_000;
const MAX_RESPONSE_LENGTH = 10_000;

// The platform's response moves feedback forward only; IMPLEMENTED follows an accepted proposal.
const NEXT_STATUSES: Record<FeedbackStatus, FeedbackStatus[]> = {
  [FeedbackStatus.SUBMITTED]: [FeedbackStatus.UNDER_REVIEW, FeedbackStatus.ACCEPTED, FeedbackStatus.REJECTED],
  [FeedbackStatus.UNDER_REVIEW]: [FeedbackStatus.UNDER_REVIEW, FeedbackStatus.ACCEPTED, FeedbackStatus.REJECTED],
  [FeedbackStatus.ACCEPTED]: [FeedbackStatus.IMPLEMENTED],
  [FeedbackStatus.REJECTED]: [],
  [FeedbackStatus.IMPLEMENTED]: [],
  [FeedbackStatus.WITHDRAWN]: [],
};

// The statuses its author's organization may still withdraw it from: before the platform decides.
const WITHDRAWABLE = new Set([FeedbackStatus.SUBMITTED, FeedbackStatus.UNDER_REVIEW]);

const feedbackTransitionsFrom = (status: FeedbackStatus) => NEXT_STATUSES[status];

// Feedback is on the rule's current version (isCurrentRuleVersion): the one rule(code:) shows a
// member when it writes, so never a later version that has not taken effect.
export async function submitPolicyFeedback(
  dataSource: DataSource,
  viewer: Viewer,
  input: { ruleCode: string; kind: FeedbackKind; body: string; visibility: FeedbackVisibility },
): Promise<PolicyFeedbackView> {
  const code = checkRuleCode(input.ruleCode);
  const body = requiredText(input.body, "body", MAX_BODY_LENGTH);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const rule = await scopedQuery(manager, viewer, GovernanceRule, "rule")
      .andWhere("rule.code = :code", { code })
      .andWhere(isCurrentRuleVersion("rule"))
      .getOne();
    if (!rule) throw noRuleWithCode(code);
    // The same feedback sent again (a retry) would be counted and answered twice.
    await lockKey(manager, "policy_feedback", viewer.orgId, rule.id);
    const repeated = await scopedQuery(manager, viewer, PolicyFeedback, "fb")
      .andWhere("fb.owner_org_id = :author AND fb.rule_id = :ruleId AND fb.kind = :kind AND fb.body = :body", {
        author: viewer.orgId,
        ruleId: rule.id,
        kind: input.kind,
        body,
      })
      .andWhere("fb.status = ANY(:open)", { open: [FeedbackStatus.SUBMITTED, FeedbackStatus.UNDER_REVIEW] })
      .getOne();
    if (repeated) {
      throw conflict(`Your organization sent this feedback on ${code} already (${repeated.status}, on ${repeated.createdAt.toISOString()})`);
    }
    const feedback = await manager.save(
      manager.create(PolicyFeedback, {
        ownerOrgId: viewer.orgId,
        ...authorOf(viewer),
        ruleId: rule.id,
        kind: input.kind,
        body,
        visibility: input.visibility,
        createdAt: feedbackCreatedAt(input.visibility, new Date()),
        status: FeedbackStatus.SUBMITTED,
        response: null,
        respondedAt: null,
        endorsementCount: 0,
      }),
    );
    // Owned by the author's organization: only its admins and the platform read this event.
    await recordAudit(manager, viewer, {
      action: "policyFeedback.submit",
      targetType: "PolicyFeedback",
      targetId: feedback.id,
      after: { ruleCode: code, ruleVersion: rule.version, kind: input.kind, visibility: input.visibility },
    });
    return projectFeedback(viewer, feedback);
  });
}

async function lockVisibleFeedback(manager: EntityManager, viewer: Viewer, id: string): Promise<PolicyFeedback> {
  const feedback = await scopedQuery(manager, viewer, PolicyFeedback, "fb")
    .andWhere("fb.id = :id", { id })
    .setLock("pessimistic_write")
    .getOne();
  if (!feedback) throw notFound("PolicyFeedback");
  return feedback;
}

export async function respondToPolicyFeedback(
  dataSource: DataSource,
  viewer: Viewer,
  input: { id: string; status: FeedbackStatus; response: string },
): Promise<PolicyFeedbackView> {
  const response = requiredText(input.response, "response", MAX_RESPONSE_LENGTH);
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const feedback = await lockVisibleFeedback(manager, viewer, input.id);
    const allowed = feedbackTransitionsFrom(feedback.status);
    if (!allowed.includes(input.status)) {
      const next = allowed.length ? allowed.join(", ") : "none (it is closed)";
      throw badInput(`Cannot move feedback from ${feedback.status} to ${input.status}; allowed next statuses: ${next}`, {
        allowedStatuses: allowed,
      });
    }
    const respondedAt = new Date();
    await manager.update(PolicyFeedback, { id: feedback.id }, { status: input.status, response, respondedAt });
    await recordAudit(manager, viewer, {
      action: "policyFeedback.respond",
      targetType: "PolicyFeedback",
      targetId: feedback.id,
      before: { status: feedback.status },
      after: { status: input.status },
    });
    return projectFeedback(viewer, Object.assign(feedback, { status: input.status, response, respondedAt }));
  });
}

// Once per member organization. The endorsement row is the endorser's alone (its row scope), the
// feedback only gains a count, and the audit event is the endorser's: nothing tells the author,
// or anyone else, who endorsed; and nothing here tells the endorser who wrote it.
export async function endorsePolicyFeedback(dataSource: DataSource, viewer: Viewer, id: string): Promise<PolicyFeedbackView> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const feedback = await lockVisibleFeedback(manager, viewer, id);
    // Only the author's organization can see its own PRIVATE feedback, so neither answer below
    // tells anyone something about another member.
    if (feedback.visibility !== FeedbackVisibility.ALLIANCE) throw badInput("Only ALLIANCE-visible feedback can be endorsed");
    if (feedback.status === FeedbackStatus.WITHDRAWN) throw badInput("This feedback was withdrawn by its author; it can no longer be endorsed");
    if (isOwn(viewer, feedback)) throw badInput("Your organization cannot endorse its own feedback");
    const already = await scopedQuery(manager, viewer, PolicyFeedbackEndorsement, "e")
      .andWhere("e.feedback_id = :id", { id })
      .getExists();
    if (already) throw conflict("Your organization has already endorsed this feedback");
    await manager.insert(PolicyFeedbackEndorsement, { ownerOrgId: viewer.orgId, feedbackId: id });
    const endorsementCount = feedback.endorsementCount + 1;
    await manager.update(PolicyFeedback, { id }, { endorsementCount });
    await recordAudit(manager, viewer, { action: "policyFeedback.endorse", targetType: "PolicyFeedback", targetId: id });
    return projectFeedback(viewer, Object.assign(feedback, { endorsementCount }));
  });
}

// A member takes back its organization's endorsement. Like a revocation, asking again (or without
// having endorsed) answers with the feedback as it is; the author reads only the count move.
export async function withdrawEndorsement(dataSource: DataSource, viewer: Viewer, id: string): Promise<PolicyFeedbackView> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const feedback = await lockVisibleFeedback(manager, viewer, id);
    const own = await scopedQuery(manager, viewer, PolicyFeedbackEndorsement, "e").andWhere("e.feedback_id = :id", { id }).getOne();
    if (!own) return projectFeedback(viewer, feedback);
    await manager.delete(PolicyFeedbackEndorsement, { id: own.id });
    const endorsementCount = feedback.endorsementCount - 1;
    await manager.update(PolicyFeedback, { id }, { endorsementCount });
    await recordAudit(manager, viewer, { action: "policyFeedback.withdrawEndorsement", targetType: "PolicyFeedback", targetId: id });
    return projectFeedback(viewer, Object.assign(feedback, { endorsementCount }));
  });
}

// Its author's organization takes back its own feedback while the platform has not decided on it.
// Like a revocation, asking again answers with it as it is. Another member's feedback, which the
// viewer may read (ALLIANCE), is refused as not its own: that it is not is no secret (isOwn).
export async function withdrawPolicyFeedback(dataSource: DataSource, viewer: Viewer, id: string): Promise<PolicyFeedbackView> {
  return inTransactionAs(dataSource, viewer, async (manager) => {
    const feedback = await lockVisibleFeedback(manager, viewer, id);
    if (!isOwn(viewer, feedback)) throw forbidden("Only the organization that wrote feedback withdraws it");
    if (feedback.status === FeedbackStatus.WITHDRAWN) return projectFeedback(viewer, feedback);
    if (!WITHDRAWABLE.has(feedback.status)) {
      throw badInput(`This feedback is ${feedback.status}: the platform has decided on it, and it can no longer be withdrawn`, { status: feedback.status });
    }
    await manager.update(PolicyFeedback, { id }, { status: FeedbackStatus.WITHDRAWN });
    await recordAudit(manager, viewer, {
      action: "policyFeedback.withdraw",
      targetType: "PolicyFeedback",
      targetId: id,
      before: { status: feedback.status },
      after: { status: FeedbackStatus.WITHDRAWN },
    });
    return projectFeedback(viewer, Object.assign(feedback, { status: FeedbackStatus.WITHDRAWN }));
  });
}
