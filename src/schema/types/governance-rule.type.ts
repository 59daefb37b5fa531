import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { NodeInterface } from "./node.interface";

@ObjectType("GovernanceRule", { implements: NodeInterface, description: "One version of one of the platform's governance rules" })
export class GovernanceRuleType extends NodeInterface {
  @Field(() => String, { description: 'e.g. "TAKEDOWN-SLA"' })
  code: string;

  @Field(() => Int, { description: "1 for a rule's first version, one more for each version published after it" })
  version: number;

  @Field(() => String, { description: "Up to 200 characters" })
  title: string;

  @Field(() => String, { description: "The rule's text, up to 50,000 characters" })
  body: string;

  @Field(() => DateTimeResolver, { description: "When this version takes effect; it is in force from then until a later version takes effect" })
  effectiveAt: Date;

  @Field(() => DateTimeResolver, { description: "When this version was published" })
  createdAt: Date;

  @Field(() => [GovernanceRuleType], { description: "Every version of this rule, newest first, versions that take effect later included" })
  versions: GovernanceRuleType[];
}
