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
  @Field(() => Marketplace, { description: "The marketplace it is listed on" })
  marketplace: Marketplace;

  @Field(() => String, { description: "The marketplace's own item id, as in the listing's address; unique on its marketplace" })
  externalId: string;

  @Field(() => String, { description: "As last ingested" })
  title: string;

  @Field(() => String, { description: "As last ingested; empty when the scan had none" })
  description: string;

  @Field(() => MoneyType, { description: "The asking price, as last ingested" })
  price: MoneyType;

  @Field(() => SellerType, { description: "The store that sells it, as last ingested" })
  seller: SellerType;

  @Field(() => ListingStatus, {
    description:
      "REMOVED once taken down (an approved takedown, takeDownListing, or its store closed) or found under a closed store; ACTIVE again when a scan sees it for sale after its removal under a store that is not closed (a relisting)",
  })
  status: ListingStatus;

  @Field(() => JSONObjectResolver, { description: 'Specifications as scanned, names to text values, e.g. {"capacity": "256GB"}' })
  specs: Record<string, string>;

  @Field(() => [String], { description: "64-bit perceptual hashes of its images, 16 hex digits each" })
  imageHashes: string[];

  @Field(() => Int, { description: "How many reviews it had, as last ingested (0 when the scan gave no review figures)" })
  reviewCount: number;

  @Field(() => Float, { nullable: true, description: "1 to 5, as last ingested; null when the scan gave none" })
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

  @Field(() => String, { description: 'The risk model version of its latest score, e.g. "alliance-risk-6" (with "+config.<digest>" when tuned)' })
  modelVersion: string;

  @Field(() => DateTimeResolver, {
    description: "The seenAt of the ingest that first stored it; a scan with an earlier seenAt ingested later does not move it back",
  })
  firstSeenAt: Date;

  @Field(() => DateTimeResolver, { description: "The latest seenAt of any scan of it; an earlier scan ingested later does not move it back" })
  lastSeenAt: Date;
}
