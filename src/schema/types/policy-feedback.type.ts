import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { FeedbackKind, FeedbackStatus, FeedbackVisibility } from "../../entities/enums";
import { GovernanceRuleType } from "./governance-rule.type";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";

@ObjectType("PolicyFeedbackAuthor", { description: "Who wrote a feedback: shown to the author's organization and the platform only" })
export class PolicyFeedbackAuthorType {
  @Field(() => OrganizationType)
  organization: OrganizationType;

  @Field(() => String, { nullable: true, description: "The user's or API key's name, when the viewer may read it" })
  name: string | null;
}

@ObjectType("PolicyFeedback", { implements: NodeInterface, description: "A member's feedback on a governance rule" })
export class PolicyFeedbackType extends NodeInterface {
  @Field(() => GovernanceRuleType, { description: "The rule version it was written on" })
  rule: GovernanceRuleType;

  @Field(() => FeedbackKind)
  kind: FeedbackKind;

  @Field(() => String)
  body: string;

  @Field(() => FeedbackVisibility)
  visibility: FeedbackVisibility;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field(() => String, { nullable: true, description: "The platform's response" })
  response: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
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

  @Field(() => DateTimeResolver)
  createdAt: Date;
}
