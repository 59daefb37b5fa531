import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { RiskSignalType } from "./risk-signal.type";

@ObjectType("InfringementConfirmation", {
  description: "A case's score and signals as they stood when a review or a test buy last confirmed it: what it was confirmed on, which later scans do not change",
})
export class InfringementConfirmationType {
  @Field(() => DateTimeResolver, { description: "When it was confirmed" })
  confirmedAt: Date;

  @Field(() => Int, { description: "0 to 100, for this brand, then" })
  riskScore: number;

  @Field(() => [RiskSignalType], { description: "Why it scored what it did, then" })
  riskSignals: RiskSignalType[];

  @Field(() => String, { description: "The risk model version of that score" })
  modelVersion: string;
}
