import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeResolver, LocalDateResolver } from "../scalars/dates";
import { ReferralStatus } from "../../entities/enums";
import { MoneyInput } from "./money.input";

@InputType("CreateReferralInput")
export class CreateReferralInput {
  @Field(() => ID, { description: "An organization of kind AGENCY" })
  agencyId: string;

  @Field(() => [ID], {
    description:
      "Confirmed infringements (CONFIRMED, TAKEDOWN_REQUESTED or REMOVED), none of them in an open referral to this agency already; all or none",
  })
  infringementIds: string[];

  @Field(() => String)
  summary: string;
}

@InputType("UpdateReferralInput", { description: "Progress and outcome; omitted fields keep their values" })
export class UpdateReferralInput {
  @Field(() => ID)
  id: string;

  @Field(() => ReferralStatus, { nullable: true })
  status?: ReferralStatus | null;

  @Field(() => LocalDateResolver, { nullable: true })
  raidDate?: string | null;

  @Field(() => Int, { nullable: true })
  arrests?: number | null;

  @Field(() => Int, { nullable: true })
  seizedUnits?: number | null;

  @Field(() => MoneyInput, { nullable: true })
  seizedValue?: MoneyInput | null;
}

@InputType("WithdrawReferralInput")
export class WithdrawReferralInput {
  @Field(() => ID, { description: "A referral the agency has not taken up (REFERRED)" })
  id: string;

  @Field(() => String, { description: "Why it is withdrawn (kept for the platform, with the cases it held, in the audit log)" })
  reason: string;
}

@InputType("ReferralFilter")
export class ReferralFilter {
  @Field(() => [ReferralStatus], { nullable: true })
  statuses?: ReferralStatus[] | null;

  @Field(() => [ID], { nullable: true, description: "The agencies they were sent to (the platform's filter: an agency reads only its own)" })
  agencyIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Those holding a case of these brands, among the cases you see in them (a brand: its own cases only, so another member's brand matches nothing)",
  })
  brandIds?: string[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Made at or after" })
  createdFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Made before" })
  createdTo?: Date | null;
}
