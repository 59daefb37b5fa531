import { Field, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { FeedbackKind, FeedbackStatus, FeedbackVisibility } from "../../entities/enums";

@InputType("PublishGovernanceRuleInput", { description: "A new rule, or the next version of one; the same title and body as its latest version again is CONFLICT" })
export class PublishGovernanceRuleInput {
  @Field(() => String, { description: "An existing code adds its next version" })
  code: string;

  @Field(() => String, { description: "1 to 200 characters, trimmed" })
  title: string;

  @Field(() => String, { description: "The rule's text: 1 to 50,000 characters, trimmed" })
  body: string;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "Defaults to now; a later time announces the version ahead of time, and the previous version stays current until then. " +
      "More than a year ahead, before the latest version's effectiveAt, or in the past (by more than 5 minutes; less is taken as now) is BAD_USER_INPUT",
  })
  effectiveAt?: Date | null;
}

@InputType("SubmitPolicyFeedbackInput", {
  description: "Feedback on a rule; your organization's same kind and text on the same version again, while the first is SUBMITTED or UNDER_REVIEW, is CONFLICT",
})
export class SubmitPolicyFeedbackInput {
  @Field(() => String, { description: "The rule; the feedback is on its current version, the one `rule(code:)` gives" })
  ruleCode: string;

  @Field(() => FeedbackKind, { description: "A suggestion, a complaint or an amendment proposal" })
  kind: FeedbackKind;

  @Field(() => String, { description: "1 to 10,000 characters, trimmed" })
  body: string;

  @Field(() => FeedbackVisibility, { description: "Fixed once submitted; only ALLIANCE feedback can be endorsed by other members" })
  visibility: FeedbackVisibility;
}

@InputType("RespondToPolicyFeedbackInput", { description: "The platform's answer to one feedback, and the status it moves it to" })
export class RespondToPolicyFeedbackInput {
  @Field(() => ID, { description: "A PolicyFeedback's global id" })
  id: string;

  @Field(() => FeedbackStatus, {
    description:
      "The next status, forward only: from SUBMITTED or UNDER_REVIEW to UNDER_REVIEW, ACCEPTED or REJECTED; from ACCEPTED to IMPLEMENTED. " +
      "Any other move is BAD_USER_INPUT naming the allowed ones in extensions.allowedStatuses",
  })
  status: FeedbackStatus;

  @Field(() => String, { description: "1 to 10,000 characters, trimmed; replaces an earlier response and is read by everyone who sees the feedback" })
  response: string;
}

@InputType("PolicyFeedbackFilter", { description: "Conditions that all apply together" })
export class PolicyFeedbackFilter {
  @Field(() => String, { nullable: true, description: "Feedback on any version of this rule (read in capitals, as rule(code:) reads it)" })
  ruleCode?: string | null;

  @Field(() => [FeedbackKind], { nullable: true, description: "Any of these kinds" })
  kinds?: FeedbackKind[] | null;

  @Field(() => [FeedbackStatus], { nullable: true, description: "Any of these statuses" })
  statuses?: FeedbackStatus[] | null;

  @Field(() => FeedbackVisibility, { nullable: true, description: "Only this visibility (of other members' feedback, a member reads ALLIANCE only)" })
  visibility?: FeedbackVisibility | null;

  @Field(() => Boolean, { nullable: true, description: "true: only your organization's own feedback; false filters nothing" })
  ownOnly?: boolean | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Submitted at or after" })
  createdFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Submitted before this instant, which is left out; after `createdFrom` when both are given, else BAD_USER_INPUT" })
  createdTo?: Date | null;
}
