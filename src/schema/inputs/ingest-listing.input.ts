import { JSONObjectResolver } from "graphql-scalars";
import { DateTimeResolver } from "../scalars/dates";
import { Field, Float, InputType, Int } from "type-graphql";
import { Marketplace } from "../../entities/enums";
import { MoneyInput } from "./money.input";

// The same record as a line of an NDJSON ingest file; ingest validates both the same way.

@InputType("ListingSellerInput", { description: "The store selling the listing, identified by marketplace + externalId" })
export class ListingSellerInput {
  @Field(() => String, { description: "The marketplace's own store id: 1 to 100 characters" })
  externalId: string;

  @Field(() => String, { description: "The store's public name, 1 to 200 characters; replaces the stored one" })
  name: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the store opened: in the past, 1990 or later; left out, the stored date stays" })
  openedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "How many different brands the store sells: 0 to 100,000; left out, the stored count stays (0 for a new store)" })
  brandCount?: number | null;

  @Field(() => Int, { nullable: true, description: "Strikes the marketplace has given the store; never lowers a stored count. At SELLER_PENALTY_STRIKES or SELLER_CLOSURE_STRIKES the store is PENALIZED or CLOSED as a takedown's strike would make it" })
  strikeCount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Identity, read by the platform and referred agencies only: up to 300 characters; left out or blank, the stored one stays",
  })
  registeredName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Identity, read by the platform and referred agencies only: up to 300 characters; left out or blank, the stored one stays",
  })
  contact?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Identity, read by the platform and referred agencies only: up to 300 characters; left out or blank, the stored one stays",
  })
  paymentAccount?: string | null;
}

@InputType("ReviewStatisticsInput", { description: "The listing's reviews as the scan found them, for the review-brushing signal (which needs 10 or more)" })
export class ReviewStatisticsInput {
  @Field(() => Int, { description: "How many reviews it has: 0 to 1,000,000,000" })
  count: number;

  @Field(() => Float, { nullable: true, description: "1 to 5; null when the marketplace shows none" })
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
  @Field(() => Marketplace, { description: "The marketplace it is listed on" })
  marketplace: Marketplace;

  @Field(() => String, { description: "The marketplace's own item id, as in the listing's address: 1 to 100 characters" })
  externalId: string;

  @Field(() => String, { description: "1 to 500 characters" })
  title: string;

  @Field(() => String, { nullable: true, description: "Up to 10,000 characters; default: empty" })
  description?: string | null;

  @Field(() => MoneyInput, { description: "The asking price; 0 or more minor units" })
  price: MoneyInput;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'e.g. {"capacity": "256GB"}' })
  specs?: Record<string, unknown> | null;

  @Field(() => [String], { nullable: true, description: "64-bit perceptual hashes, 16 hex digits each" })
  imageHashes?: string[] | null;

  @Field(() => ReviewStatisticsInput, { nullable: true, description: "Default: no reviews" })
  reviews?: ReviewStatisticsInput | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the marketplace listed it, if known: in the past, 1990 or later" })
  listedAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was scanned; default: now" })
  seenAt?: Date | null;

  @Field(() => ListingSellerInput, { description: "The store selling it; a listing found under another store moves there, its cases with it" })
  seller: ListingSellerInput;
}
