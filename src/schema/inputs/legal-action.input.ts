import { Field, ID, InputType } from "type-graphql";
import { LocalDateResolver } from "../scalars/dates";
import { LegalActionStatus } from "../../entities/enums";
import { MoneyInput } from "./money.input";

@InputType("FileLegalActionInput", { description: "Your organization is the plaintiff" })
export class FileLegalActionInput {
  @Field(() => ID, {
    description: "A store you can read: any, for the platform; for a brand, a store of its cases or one its referred cases or lawsuits named. Another is NOT_FOUND",
  })
  sellerId: string;

  @Field(() => String, { description: "The court it is filed with: 1 to 300 characters, with no control or text-direction character (a tab or a line break is a space)" })
  court: string;

  @Field(() => String, { nullable: true, description: "The court's case number, if it has given one: up to 100 characters" })
  caseNumber?: string | null;

  @Field(() => MoneyInput, { description: "The amount claimed: more than 0" })
  claim: MoneyInput;

  @Field(() => LocalDateResolver, { description: "The filing day: not in the future, nor before 1990" })
  filedOn: string;
}

@InputType("UpdateLegalActionInput", { description: "A lawsuit's next status, judgment or case number; only its plaintiff updates it" })
export class UpdateLegalActionInput {
  @Field(() => ID, { description: "A lawsuit your organization filed: another organization's is NOT_FOUND, as a missing one, except that the platform, which reads them all, gets FORBIDDEN on a member's" })
  id: string;

  @Field(() => LegalActionStatus, { nullable: true, description: "The next status; leave it out to record the case number only" })
  status?: LegalActionStatus | null;

  @Field(() => MoneyInput, { nullable: true, description: "Required with JUDGMENT_FOR_PLAINTIFF; allowed with SETTLED" })
  judgment?: MoneyInput | null;

  @Field(() => String, {
    nullable: true,
    description: "The court's case number, once it gives one: up to 100 characters, trimmed; left out it stays, and null (or blank) clears one entered in error",
  })
  caseNumber?: string | null;
}

@InputType("LegalActionFilter", { description: "Conditions that all apply together" })
export class LegalActionFilter {
  @Field(() => [LegalActionStatus], { nullable: true, description: "Any of these statuses" })
  statuses?: LegalActionStatus[] | null;

  @Field(() => [ID], { nullable: true, description: "The stores sued" })
  sellerIds?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Filed on or after" })
  filedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Filed before this day, which is left out (for one day, the next day); after `filedFrom` when both are given, else BAD_USER_INPUT" })
  filedTo?: string | null;
}
