import { Field, InputType, Int } from "type-graphql";
import { Marketplace, SellerStatus } from "../../entities/enums";
import { SellerSortField, SortDirection } from "../enums";

@InputType("SellerFilter")
export class SellerFilter {
  @Field(() => [SellerStatus], { nullable: true })
  statuses?: SellerStatus[] | null;

  @Field(() => [Marketplace], { nullable: true })
  marketplaces?: Marketplace[] | null;

  @Field(() => Int, { nullable: true, description: "0 to 100" })
  minRiskScore?: number | null;
}

@InputType("SellerOrder")
export class SellerOrder {
  @Field(() => SellerSortField, { defaultValue: SellerSortField.RISK_SCORE })
  field: SellerSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}
