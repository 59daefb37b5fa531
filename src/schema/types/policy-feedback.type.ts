import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { FeedbackKind, FeedbackStatus, FeedbackVisibility } from "../../entities/enums";
import { GovernanceRuleType } from "./governance-rule.type";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";

@ObjectType("PolicyFeedbackAuthor", { description: "Who wrote a feedback: shown to the author's organization and the platform only" })
export class PolicyFeedbackAuthorType {
  @Field(() => OrganizationType, { description: "The member organization that submitted it" })
  organization: OrganizationType;

  @Field(() => String, { nullable: true, description: "The name of the user who submitted it (feedback is submitted by users, never by API keys)" })
  name: string | null;
}

@ObjectType("PolicyFeedback", { implements: NodeInterface, description: "A member's feedback on a governance rule" })
export class PolicyFeedbackType extends NodeInterface {
  @Field(() => GovernanceRuleType, { description: "The rule version it was written on" })
  rule: GovernanceRuleType;

  @Field(() => FeedbackKind, { description: "A suggestion, a complaint or an amendment proposal" })
  kind: FeedbackKind;

  @Field(() => String, { description: "The feedback's text, as submitted (trimmed)" })
  body: string;

  @Field(() => FeedbackVisibility, { description: "Who may read it, as its author chose; it never changes" })
  visibility: FeedbackVisibility;

  @Field(() => FeedbackStatus, {
    description: "SUBMITTED, then as the platform moves it (UNDER_REVIEW, ACCEPTED or REJECTED, ACCEPTED to IMPLEMENTED); WITHDRAWN when its author took it back first",
  })
  status: FeedbackStatus;

  @Field(() => String, { nullable: true, description: "The platform's response" })
  response: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the platform last responded; null until it has" })
  respondedAt: Date | null;

  @Field(() => Int, { description: "How many member organizations endorsed it (never which)" })
  endorsementCount: number;

  @Field(() => Boolean, { description: "Whether your organization endorsed it" })
  endorsedByMe: boolean;

  @Field(() => Boolean, { description: "Whether your organization wrote it" })
  isOwn: boolean;

  @Field(() => PolicyFeedbackAuthorType, {
    nullable: true,
    description: "Null unless your organization wrote it (or you are the platform)",
  })
  author: PolicyFeedbackAuthorType | null;

  @Field(() => DateTimeResolver, { description: "When it was submitted; for ALLIANCE feedback the day (UTC), for everyone" })
  createdAt: Date;
}
