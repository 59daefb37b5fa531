import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Marketplace, TakedownStatus } from "../../entities/enums";
import { BrandType } from "./brand.type";
import { InfringementType } from "./infringement.type";
import { ListingType } from "./listing.type";
import { NodeInterface } from "./node.interface";

@ObjectType("TakedownRequest", { implements: NodeInterface, description: "A brand's request that the platform take a listing down" })
export class TakedownRequestType extends NodeInterface {
  @Field(() => InfringementType, { description: "The case it was requested for (CONFIRMED at the time)" })
  infringement: InfringementType;

  @Field(() => BrandType, { description: "The case's brand" })
  brand: BrandType;

  @Field(() => ListingType, { description: "The listing to take down" })
  listing: ListingType;

  @Field(() => Marketplace, { description: "The listing's marketplace" })
  marketplace: Marketplace;

  @Field(() => TakedownStatus, {
    description: "PENDING until the platform decides it (APPROVED, REJECTED), the brand withdraws it or records a GENUINE test buy on its case (WITHDRAWN), or its listing is removed otherwise (SUPERSEDED)",
  })
  status: TakedownStatus;

  @Field(() => String, { description: "Why the brand asked" })
  reason: string;

  @Field(() => DateTimeResolver, { description: "When the brand requested it" })
  requestedAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it stopped being PENDING: decided, superseded or withdrawn" })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Why it stopped being PENDING: the platform's reason, the listing's removal, or why the brand withdrew it",
  })
  decisionNote: string | null;
}
