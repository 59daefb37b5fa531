import { Field, InputType } from "type-graphql";
import { InfringementSortField, SortDirection } from "../enums";

@InputType("InfringementOrder")
export class InfringementOrder {
  @Field(() => InfringementSortField, { defaultValue: InfringementSortField.DETECTED_AT })
  field: InfringementSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}
