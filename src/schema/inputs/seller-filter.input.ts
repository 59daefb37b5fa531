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

  @Field(() => String, { nullable: true, description: "Part of the store's public name, in any case (1 to 100 characters)" })
  nameContains?: string | null;

  @Field(() => [String], { nullable: true, description: "The marketplace's own store ids (up to MAX_PAGE_SIZE)" })
  externalIds?: string[] | null;
}

@InputType("SellerOrder")
export class SellerOrder {
  @Field(() => SellerSortField, { defaultValue: SellerSortField.RISK_SCORE })
  field: SellerSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}
