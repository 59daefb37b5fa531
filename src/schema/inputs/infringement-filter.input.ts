import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { InfringementStatus, Marketplace } from "../../entities/enums";

@InputType("InfringementFilter", { description: "Conditions that all apply together" })
export class InfringementFilter {
  @Field(() => [ID], { nullable: true, description: "The cases' brands; a brand whose cases you cannot see matches nothing, as an unknown id does" })
  brandIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The store an infringement's listing is sold by (Infringement.seller)" })
  sellerIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "The marketplace's own ids of the listings, as in their addresses (with `marketplaces`, on those marketplaces only)",
  })
  listingExternalIds?: string[] | null;

  @Field(() => [InfringementStatus], { nullable: true, description: "Any of these statuses" })
  statuses?: InfringementStatus[] | null;

  @Field(() => [Marketplace], { nullable: true, description: "Listings on any of these marketplaces" })
  marketplaces?: Marketplace[] | null;

  @Field(() => Int, { nullable: true, description: "0 to 100" })
  minRiskScore?: number | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Detected at or after" })
  detectedFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Detected before this instant, which is left out; after `detectedFrom` when both are given, else BAD_USER_INPUT" })
  detectedTo?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Updated (Infringement.updatedAt: its status, score or store changed, or its listing was removed) at or after: an integration's sync since its last run",
  })
  updatedFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Updated before this instant, which is left out; after `updatedFrom` when both are given, else BAD_USER_INPUT" })
  updatedTo?: Date | null;
}
