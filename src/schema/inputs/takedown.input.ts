import { Field, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { TakedownDecision } from "../../domain/takedown-workflow";
import { Marketplace, TakedownStatus } from "../../entities/enums";

@InputType("RequestTakedownInput", { description: "A brand's request that the platform take a case's listing down" })
export class RequestTakedownInput {
  @Field(() => ID, { description: "A CONFIRMED infringement of your brands" })
  infringementId: string;

  @Field(() => String, { description: "Why, for the platform to decide on: 1 to 2,000 characters" })
  reason: string;
}

@InputType("RequestTakedownsInput", { description: "Takedown requests for many cases, with one reason" })
export class RequestTakedownsInput {
  @Field(() => [ID], { description: "1 to MAX_BULK_TAKEDOWNS CONFIRMED infringements of your brands, each listed once; all are requested, or none" })
  infringementIds: string[];

  @Field(() => String, { description: "One reason for all of them" })
  reason: string;
}

@InputType("DecideTakedownInput", { description: "The platform's decision on a PENDING takedown request" })
export class DecideTakedownInput {
  @Field(() => ID, { description: "A PENDING takedown request; one no longer PENDING is BAD_USER_INPUT" })
  id: string;

  @Field(() => TakedownDecision, { description: "APPROVE removes the listing (its case REMOVED) and strikes its store; REJECT returns the case to CONFIRMED" })
  decision: TakedownDecision;

  @Field(() => String, { nullable: true, description: "Required to REJECT: why" })
  note?: string | null;
}

@InputType("TakeDownListingInput", { description: "The platform's own takedown of a listing, with no request" })
export class TakeDownListingInput {
  @Field(() => ID, { description: "An ACTIVE listing" })
  listingId: string;

  @Field(() => String, { description: "Why (the platform's audit log keeps it; brands with a case on the listing do not read it)" })
  reason: string;
}

@InputType("WithdrawTakedownInput", { description: "A brand takes back its own PENDING takedown request" })
export class WithdrawTakedownInput {
  @Field(() => ID, { description: "A PENDING takedown request of your brands" })
  id: string;

  @Field(() => String, { description: "Why it is withdrawn (the platform and your case history read it)" })
  note: string;
}

@InputType("TakedownRequestFilter", { description: "Conditions that all apply together" })
export class TakedownRequestFilter {
  @Field(() => [TakedownStatus], { nullable: true, description: "[PENDING] is the platform's queue" })
  statuses?: TakedownStatus[] | null;

  @Field(() => [ID], { nullable: true, description: "The cases' brands; a brand whose requests you cannot see matches nothing, as an unknown id does" })
  brandIds?: string[] | null;

  @Field(() => [Marketplace], { nullable: true, description: "Listings on any of these marketplaces" })
  marketplaces?: Marketplace[] | null;

  @Field(() => [ID], { nullable: true, description: "The store that sold the listing when the takedown was requested" })
  sellerIds?: string[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Requested at or after" })
  requestedFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Requested before this instant, which is left out; after `requestedFrom` when both are given, else BAD_USER_INPUT" })
  requestedTo?: Date | null;
}
