import { Field, Float, Int, ObjectType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { DateTimeResolver } from "../scalars/dates";
import { ListingStatus, Marketplace } from "../../entities/enums";
import { MoneyType } from "./money.type";
import { NodeInterface } from "./node.interface";
import { RiskSignalType } from "./risk-signal.type";
import { SellerType } from "./seller.type";

@ObjectType("Listing", { implements: NodeInterface, description: "A product listing on a marketplace" })
export class ListingType extends NodeInterface {
  @Field(() => Marketplace)
  marketplace: Marketplace;

  @Field(() => String)
  externalId: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => MoneyType)
  price: MoneyType;

  @Field(() => SellerType)
  seller: SellerType;

  @Field(() => ListingStatus)
  status: ListingStatus;

  @Field(() => JSONObjectResolver)
  specs: Record<string, string>;

  @Field(() => [String])
  imageHashes: string[];

  @Field(() => Int)
  reviewCount: number;

  @Field(() => Float, { nullable: true })
  averageRating: number | null;

  @Field(() => Int, {
    description:
      "0 to 100. The platform reads the listing's own score, the highest over every brand it claims; a member, the highest of its own cases on it; an agency, of the cases referred to it",
  })
  riskScore: number;

  @Field(() => [RiskSignalType], {
    nullable: true,
    description: "The platform only: it may name every brand the listing matched. Brands read Infringement.riskSignals.",
  })
  riskSignals: RiskSignalType[] | null;

  @Field(() => String)
  modelVersion: string;

  @Field(() => DateTimeResolver)
  firstSeenAt: Date;

  @Field(() => DateTimeResolver)
  lastSeenAt: Date;
}
