import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeResolver, LocalDateResolver } from "../scalars/dates";
import { ReferralStatus } from "../../entities/enums";
import { MoneyInput } from "./money.input";

@InputType("CreateReferralInput", {
  description: "Cases for one agency, all or none: every id that cannot be referred is named in extensions.invalidItems (BAD_USER_INPUT)",
})
export class CreateReferralInput {
  @Field(() => ID, { description: "An organization of kind AGENCY: an unknown one is NOT_FOUND, one of another kind BAD_USER_INPUT" })
  agencyId: string;

  @Field(() => [ID], {
    description:
      "1 to 500 confirmed infringements (CONFIRMED, TAKEDOWN_REQUESTED or REMOVED), each listed once, none of them in an open referral to this agency already; all or none",
  })
  infringementIds: string[];

  @Field(() => String, { description: "What the platform tells the agency: 1 to 10,000 characters, trimmed; brands never read it" })
  summary: string;
}

@InputType("UpdateReferralInput", {
  description: "Progress and outcome: a field left out keeps its value; raidDate or seizedValue given as null clears one entered in error",
})
export class UpdateReferralInput {
  @Field(() => ID, { description: "A referral sent to your agency (any other, or a withdrawn one, is NOT_FOUND); a CLOSED one changes no more (BAD_USER_INPUT)" })
  id: string;

  @Field(() => ReferralStatus, {
    nullable: true,
    description:
      "The next status, forward only: REFERRED to INVESTIGATING or CLOSED; INVESTIGATING to RAIDED, PROSECUTED or CLOSED; RAIDED to " +
      "PROSECUTED or CLOSED; PROSECUTED to CLOSED, which is final. The current status again, or another move, is BAD_USER_INPUT",
  })
  status?: ReferralStatus | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      "Your local date of the raid: not in the future, nor more than a day before the referral was made. Only on a RAIDED or PROSECUTED " +
      "referral, and needed to make it RAIDED. null clears one entered in error (reports then count no raid), except that a RAIDED " +
      "referral keeps one (BAD_USER_INPUT): give the right date, or clear it as it moves on to PROSECUTED or CLOSED",
  })
  raidDate?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Replaces the figure: 0 or more (0 for none: null is BAD_USER_INPUT). Like every figure, only once the referral is taken up (INVESTIGATING, or given with it)",
  })
  arrests?: number | null;

  @Field(() => Int, { nullable: true, description: "Replaces the figure: 0 or more (0 for none: null is BAD_USER_INPUT), once the referral is taken up" })
  seizedUnits?: number | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description: "Replaces the value: 0 to 1,000,000,000,000 minor units, once the referral is taken up; null clears one entered in error",
  })
  seizedValue?: MoneyInput | null;
}

@InputType("WithdrawReferralInput", { description: "A referral the platform sent in error, to take back" })
export class WithdrawReferralInput {
  @Field(() => ID, { description: "A referral the agency has not taken up (REFERRED)" })
  id: string;

  @Field(() => String, { description: "Why it is withdrawn, 1 to 2,000 characters, trimmed (kept for the platform, with the cases it held, in the audit log)" })
  reason: string;
}

@InputType("ReferralFilter", { description: "Conditions that all apply together, among the referrals you may see" })
export class ReferralFilter {
  @Field(() => [ReferralStatus], { nullable: true, description: "Any of these statuses" })
  statuses?: ReferralStatus[] | null;

  @Field(() => [ID], { nullable: true, description: "The agencies they were sent to (the platform's filter: an agency reads only its own)" })
  agencyIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Those holding a case of these brands, among the cases you see in them (a brand: its own cases only, so another member's brand matches nothing)",
  })
  brandIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Those that named one of these stores, among the cases you see in them (with brandIds, a case of those brands against them)",
  })
  sellerIds?: string[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Made at or after" })
  createdFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Made before this instant, which is left out; after `createdFrom` when both are given, else BAD_USER_INPUT" })
  createdTo?: Date | null;
}
