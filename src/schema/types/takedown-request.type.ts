import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Marketplace, TakedownStatus } from "../../entities/enums";
import { BrandType } from "./brand.type";
import { InfringementType } from "./infringement.type";
import { ListingType } from "./listing.type";
import { NodeInterface } from "./node.interface";

@ObjectType("TakedownRequest", { implements: NodeInterface, description: "A brand's request that the platform take a listing down" })
export class TakedownRequestType extends NodeInterface {
  @Field(() => InfringementType)
  infringement: InfringementType;

  @Field(() => BrandType)
  brand: BrandType;

  @Field(() => ListingType)
  listing: ListingType;

  @Field(() => Marketplace)
  marketplace: Marketplace;

  @Field(() => TakedownStatus)
  status: TakedownStatus;

  @Field(() => String)
  reason: string;

  @Field(() => DateTimeResolver)
  requestedAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it stopped being PENDING: decided, superseded or withdrawn" })
  decidedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Why it stopped being PENDING: the platform's reason, the listing's removal, or why the brand withdrew it",
  })
  decisionNote: string | null;
}
