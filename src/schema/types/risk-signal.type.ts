import { Field, Int, ObjectType } from "type-graphql";
import { RiskSignalKind } from "../../entities/enums";

@ObjectType("RiskSignal", { description: "One reason behind a risk score, and how much it added" })
export class RiskSignalType {
  @Field(() => RiskSignalKind, { description: "What evidence it weighs" })
  kind: RiskSignalKind;

  @Field(() => Int, {
    description:
      "Points it added; the contributions of one score's signals add up to that score. Signals that together pass 100 are all scaled down to 100, where a small one may show 0",
  })
  contribution: number;

  @Field(() => String, { description: 'e.g. "price 12% of MSRP 1,290.00 CNY"' })
  reason: string;
}
