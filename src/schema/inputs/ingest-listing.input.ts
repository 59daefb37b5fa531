import { JSONObjectResolver } from "graphql-scalars";
import { DateTimeResolver } from "../scalars/dates";
import { Field, Float, InputType, Int } from "type-graphql";
import { Marketplace } from "../../entities/enums";
import { MoneyInput } from "./money.input";

// The same record as a line of an NDJSON ingest file; ingest validates both the same way.

@InputType("ListingSellerInput", { description: "The store selling the listing, identified by marketplace + externalId" })
export class ListingSellerInput {
  @Field(() => String)
  externalId: string;

  @Field(() => String)
  name: string;

  @Field(() => DateTimeResolver, { nullable: true })
  openedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "How many different brands the store sells" })
  brandCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Strikes the marketplace has given the store; never lowers a stored count" })
  strikeCount?: number | null;

  @Field(() => String, { nullable: true })
  registeredName?: string | null;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => String, { nullable: true })
  paymentAccount?: string | null;
}

@InputType("ReviewStatisticsInput")
export class ReviewStatisticsInput {
  @Field(() => Int)
  count: number;

  @Field(() => Float, { nullable: true })
  averageRating?: number | null;

  @Field(() => Int, { nullable: true, description: "Five-star reviews within a week of listing" })
  fiveStarFirstWeek?: number | null;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of reviews from accounts under 30 days old" })
  newAccountShare?: number | null;

  @Field(() => Float, { nullable: true, description: "Share (0-1) of reviews whose text duplicates another's" })
  duplicateTextShare?: number | null;
}

@InputType("ListingInput", { description: "A listing as scanned, identified by marketplace + externalId" })
export class ListingInput {
  @Field(() => Marketplace)
  marketplace: Marketplace;

  @Field(() => String)
  externalId: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => MoneyInput)
  price: MoneyInput;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'e.g. {"capacity": "256GB"}' })
  specs?: Record<string, unknown> | null;

  @Field(() => [String], { nullable: true, description: "64-bit perceptual hashes, 16 hex digits each" })
  imageHashes?: string[] | null;

  @Field(() => ReviewStatisticsInput, { nullable: true })
  reviews?: ReviewStatisticsInput | null;

  @Field(() => DateTimeResolver, { nullable: true })
  listedAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was scanned; default: now" })
  seenAt?: Date | null;

  @Field(() => ListingSellerInput)
  seller: ListingSellerInput;
}
