import { Field, Int, ObjectType } from "type-graphql";
import { RiskSignalKind } from "../../entities/enums";

@ObjectType("RiskSignal", { description: "One reason behind a risk score, and how much it added" })
export class RiskSignalType {
  @Field(() => RiskSignalKind)
  kind: RiskSignalKind;

  @Field(() => Int)
  contribution: number;

  @Field(() => String, { description: 'e.g. "price 12% of MSRP 1,290.00 CNY"' })
  reason: string;
}
