import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { NodeInterface } from "./node.interface";

@ObjectType("GovernanceRule", { implements: NodeInterface, description: "One version of one of the platform's governance rules" })
export class GovernanceRuleType extends NodeInterface {
  @Field(() => String, { description: 'e.g. "TAKEDOWN-SLA"' })
  code: string;

  @Field(() => Int)
  version: number;

  @Field(() => String)
  title: string;

  @Field(() => String)
  body: string;

  @Field(() => DateTimeResolver, { description: "When this version takes effect; it is in force from then until a later version takes effect" })
  effectiveAt: Date;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => [GovernanceRuleType], { description: "Every version of this rule, newest first, versions that take effect later included" })
  versions: GovernanceRuleType[];
}
