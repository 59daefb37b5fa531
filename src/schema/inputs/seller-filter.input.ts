import { Field, InputType, Int } from "type-graphql";
import { Marketplace, SellerStatus } from "../../entities/enums";
import { SellerSortField, SortDirection } from "../enums";

@InputType("SellerFilter", { description: "Conditions that all apply together" })
export class SellerFilter {
  @Field(() => [SellerStatus], { nullable: true, description: "Any of these statuses" })
  statuses?: SellerStatus[] | null;

  @Field(() => [Marketplace], { nullable: true, description: "Stores on any of these marketplaces" })
  marketplaces?: Marketplace[] | null;

  @Field(() => Int, { nullable: true, description: "0 to 100" })
  minRiskScore?: number | null;

  @Field(() => String, { nullable: true, description: "Part of the store's public name, in any case (1 to 100 characters)" })
  nameContains?: string | null;

  @Field(() => [String], { nullable: true, description: "The marketplace's own store ids (up to MAX_PAGE_SIZE)" })
  externalIds?: string[] | null;
}

@InputType("SellerOrder", { description: "How a list of stores is sorted; without one, riskiest first" })
export class SellerOrder {
  @Field(() => SellerSortField, {
    defaultValue: SellerSortField.RISK_SCORE,
    description: "Its risk score (the one you read in Seller.riskScore) or its strike count",
  })
  field: SellerSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "DESC: highest first" })
  direction: SortDirection;
}
