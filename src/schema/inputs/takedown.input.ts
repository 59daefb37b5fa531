import { Field, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { TakedownDecision } from "../../domain/takedown-workflow";
import { Marketplace, TakedownStatus } from "../../entities/enums";

@InputType("RequestTakedownInput")
export class RequestTakedownInput {
  @Field(() => ID, { description: "A CONFIRMED infringement of your brands" })
  infringementId: string;

  @Field(() => String)
  reason: string;
}

@InputType("RequestTakedownsInput")
export class RequestTakedownsInput {
  @Field(() => [ID], { description: "CONFIRMED infringements of your brands; all are requested, or none" })
  infringementIds: string[];

  @Field(() => String, { description: "One reason for all of them" })
  reason: string;
}

@InputType("DecideTakedownInput")
export class DecideTakedownInput {
  @Field(() => ID)
  id: string;

  @Field(() => TakedownDecision)
  decision: TakedownDecision;

  @Field(() => String, { nullable: true, description: "Required to REJECT: why" })
  note?: string | null;
}

@InputType("TakeDownListingInput")
export class TakeDownListingInput {
  @Field(() => ID, { description: "An ACTIVE listing" })
  listingId: string;

  @Field(() => String, { description: "Why (the platform's audit log keeps it; brands with a case on the listing do not read it)" })
  reason: string;
}

@InputType("WithdrawTakedownInput")
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

  @Field(() => [ID], { nullable: true })
  brandIds?: string[] | null;

  @Field(() => [Marketplace], { nullable: true })
  marketplaces?: Marketplace[] | null;

  @Field(() => [ID], { nullable: true })
  sellerIds?: string[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Requested at or after" })
  requestedFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Requested before" })
  requestedTo?: Date | null;
}
