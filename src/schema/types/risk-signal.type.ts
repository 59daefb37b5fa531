import { Field, Int, ObjectType } from "type-graphql";
import { RiskSignalKind } from "../../entities/enums";

@ObjectType("RiskSignal", { description: "One reason behind a risk score, and how much it added" })
export class RiskSignalType {
  @Field(() => RiskSignalKind, { description: "What evidence it weighs" })
  kind: RiskSignalKind;

  @Field(() => Int, { description: "Points it added, 1 or more; the contributions of one score's signals add up to that score" })
  contribution: number;

  @Field(() => String, { description: 'e.g. "price 12% of MSRP 1,290.00 CNY"' })
  reason: string;
}
