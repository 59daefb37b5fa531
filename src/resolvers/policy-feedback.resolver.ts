import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { PolicyFeedbackView } from "../auth/feedback-projection";
import type { RequestContext } from "../context";
import { listPolicyFeedback } from "../data/governance.queries";
import { checkRuleCode } from "../domain/governance-rules";
import {
  endorsePolicyFeedback,
  respondToPolicyFeedback,
  submitPolicyFeedback,
  withdrawEndorsement,
  withdrawPolicyFeedback,
} from "../domain/policy-feedback";
import { SortDirection } from "../schema/enums";
import { fromGlobalId } from "../schema/global-id";
import { PolicyFeedbackFilter, RespondToPolicyFeedbackInput, SubmitPolicyFeedbackInput } from "../schema/inputs/governance.input";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { PolicyFeedbackConnection } from "../schema/types/connections";
import { PolicyFeedbackAuthorType, PolicyFeedbackType } from "../schema/types/policy-feedback.type";
import { authenticated } from "./authenticated";
import { principalName } from "./principal-name";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => PolicyFeedbackType)
export class PolicyFeedbackResolver extends NodeIdResolver("PolicyFeedback", PolicyFeedbackType) {
  @Query(() => PolicyFeedbackConnection, {
    description:
      "Your organization's feedback and every member's ALLIANCE-visible feedback (all, for the platform), newest first unless `direction: ASC`. " +
      "Read by the platform's and members' users: an API key, or an agency, is FORBIDDEN",
  })
  policyFeedback(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => PolicyFeedbackFilter, { nullable: true, description: "Without it, all the feedback you may read" }) filter: PolicyFeedbackFilter | null,
    @Arg("direction", () => SortDirection, { defaultValue: SortDirection.DESC, description: "By createdAt: DESC newest first, ASC oldest first" })
    direction: SortDirection,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listPolicyFeedback(
      dataSource.manager,
      viewer,
      {
        ruleCode: filter?.ruleCode != null ? checkRuleCode(filter.ruleCode) : undefined,
        kinds: filter?.kinds ?? undefined,
        statuses: filter?.statuses ?? undefined,
        visibility: filter?.visibility ?? undefined,
        ownOnly: filter?.ownOnly ?? undefined,
        createdFrom: filter?.createdFrom ?? undefined,
        createdTo: filter?.createdTo ?? undefined,
      },
      direction,
      { ...page, maxPageSize: config.limits.maxPageSize },
    );
  }

  @Mutation(() => PolicyFeedbackType, { description: "Give feedback on a rule's current version (member admins and analysts)" })
  submitPolicyFeedback(
    @Arg("input", () => SubmitPolicyFeedbackInput, { description: "A rule code no rule has is NOT_FOUND" }) input: SubmitPolicyFeedbackInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return submitPolicyFeedback(dataSource, viewer, input);
  }

  @Mutation(() => PolicyFeedbackType, { description: "Respond to feedback and move its status (platform admins)" })
  respondToPolicyFeedback(
    @Arg("input", () => RespondToPolicyFeedbackInput, { description: "Any member's feedback, PRIVATE or ALLIANCE" })
    input: RespondToPolicyFeedbackInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return respondToPolicyFeedback(dataSource, viewer, { ...input, id: fromGlobalId(input.id, "PolicyFeedback") });
  }

  @Mutation(() => PolicyFeedbackType, { description: "Endorse another member's ALLIANCE-visible feedback, once per organization" })
  endorsePolicyFeedback(
    @Arg("id", () => ID, {
      description:
        "Feedback you may read (else NOT_FOUND); your own, PRIVATE or WITHDRAWN feedback is BAD_USER_INPUT, and a second endorsement CONFLICT",
    })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return endorsePolicyFeedback(dataSource, viewer, fromGlobalId(id, "PolicyFeedback"));
  }

  @Mutation(() => PolicyFeedbackType, { description: "Take back your organization's endorsement of a feedback" })
  withdrawEndorsement(
    @Arg("id", () => ID, { description: "Feedback you may read (else NOT_FOUND); one your organization has not endorsed answers as it is" })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return withdrawEndorsement(dataSource, viewer, fromGlobalId(id, "PolicyFeedback"));
  }

  @Mutation(() => PolicyFeedbackType, { description: "Take back your organization's feedback before the platform decides on it (member admins and analysts)" })
  withdrawPolicyFeedback(
    @Arg("id", () => ID, {
      description:
        "Your organization's feedback, SUBMITTED or UNDER_REVIEW (one WITHDRAWN already answers as it is; a decided one is BAD_USER_INPUT); " +
        "another member's is FORBIDDEN, one you cannot read NOT_FOUND",
    })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return withdrawPolicyFeedback(dataSource, viewer, fromGlobalId(id, "PolicyFeedback"));
  }

  @FieldResolver()
  rule(@Root() feedback: PolicyFeedbackView, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.governanceRule, feedback.ruleId);
  }

  @FieldResolver()
  endorsedByMe(@Root() feedback: PolicyFeedbackView, @Ctx() context: RequestContext) {
    return authenticated(context).loaders.endorsedByViewer.load(feedback.id);
  }

  // The projection holds an author only when the viewer may know it.
  @FieldResolver(() => PolicyFeedbackAuthorType, { nullable: true })
  async author(@Root() feedback: PolicyFeedbackView, @Ctx() context: RequestContext): Promise<PolicyFeedbackAuthorType | null> {
    if (!feedback.author) return null;
    const { loaders } = authenticated(context);
    const { orgId, userId, apiKeyId } = feedback.author;
    const [organization, name] = await Promise.all([loadRequired(loaders.organization, orgId), principalName(loaders, { userId, apiKeyId })]);
    return { organization, name };
  }
}
