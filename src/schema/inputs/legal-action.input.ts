import { Field, ID, InputType } from "type-graphql";
import { LocalDateResolver } from "../scalars/dates";
import { LegalActionStatus } from "../../entities/enums";
import { MoneyInput } from "./money.input";

@InputType("FileLegalActionInput", { description: "Your organization is the plaintiff" })
export class FileLegalActionInput {
  @Field(() => ID)
  sellerId: string;

  @Field(() => String)
  court: string;

  @Field(() => String, { nullable: true })
  caseNumber?: string | null;

  @Field(() => MoneyInput)
  claim: MoneyInput;

  @Field(() => LocalDateResolver)
  filedOn: string;
}

@InputType("UpdateLegalActionInput")
export class UpdateLegalActionInput {
  @Field(() => ID)
  id: string;

  @Field(() => LegalActionStatus, { nullable: true, description: "The next status; leave it out to record the case number only" })
  status?: LegalActionStatus | null;

  @Field(() => MoneyInput, { nullable: true, description: "Required with JUDGMENT_FOR_PLAINTIFF; allowed with SETTLED" })
  judgment?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: "The court's case number, once it gives one" })
  caseNumber?: string | null;
}

@InputType("LegalActionFilter")
export class LegalActionFilter {
  @Field(() => [LegalActionStatus], { nullable: true })
  statuses?: LegalActionStatus[] | null;

  @Field(() => [ID], { nullable: true })
  sellerIds?: string[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Filed on or after" })
  filedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Filed before" })
  filedTo?: string | null;
}
