import { Field, InputType } from "type-graphql";
import { InfringementSortField, SortDirection } from "../enums";

@InputType("InfringementOrder", { description: "How a list of infringements is sorted; without one, newest detected first" })
export class InfringementOrder {
  @Field(() => InfringementSortField, { defaultValue: InfringementSortField.DETECTED_AT, description: "When it was detected, or its risk score" })
  field: InfringementSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "DESC: newest or riskiest first" })
  direction: SortDirection;
}
