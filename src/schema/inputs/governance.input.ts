import { Field, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { FeedbackKind, FeedbackStatus, FeedbackVisibility } from "../../entities/enums";

@InputType("PublishGovernanceRuleInput")
export class PublishGovernanceRuleInput {
  @Field(() => String, { description: "An existing code adds its next version" })
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  body: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "Defaults to now; a later time announces the version ahead of time, and the previous version stays current until then" })
  effectiveAt?: Date | null;
}

@InputType("SubmitPolicyFeedbackInput")
export class SubmitPolicyFeedbackInput {
  @Field(() => String, { description: "The rule; the feedback is on its current version, the one `rule(code:)` gives" })
  ruleCode: string;

  @Field(() => FeedbackKind)
  kind: FeedbackKind;

  @Field(() => String)
  body: string;

  @Field(() => FeedbackVisibility)
  visibility: FeedbackVisibility;
}

@InputType("RespondToPolicyFeedbackInput")
export class RespondToPolicyFeedbackInput {
  @Field(() => ID)
  id: string;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field(() => String)
  response: string;
}

@InputType("PolicyFeedbackFilter", { description: "Conditions that all apply together" })
export class PolicyFeedbackFilter {
  @Field(() => String, { nullable: true })
  ruleCode?: string | null;

  @Field(() => [FeedbackKind], { nullable: true })
  kinds?: FeedbackKind[] | null;

  @Field(() => [FeedbackStatus], { nullable: true })
  statuses?: FeedbackStatus[] | null;

  @Field(() => FeedbackVisibility, { nullable: true })
  visibility?: FeedbackVisibility | null;

  @Field(() => Boolean, { nullable: true, description: "Only your organization's own feedback" })
  ownOnly?: boolean | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Submitted at or after" })
  createdFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Submitted before" })
  createdTo?: Date | null;
}
