import { Field, ID, InputType } from "type-graphql";
import { InfringementStatus } from "../../entities/enums";

@InputType("ReviewInfringementInput", { description: "One review step on one case" })
export class ReviewInfringementInput {
  @Field(() => ID, { description: "An infringement of your brands; another brand's is NOT_FOUND, as a missing one" })
  id: string;

  @Field(() => InfringementStatus, { description: "UNDER_REVIEW, CONFIRMED or DISMISSED, as the lifecycle allows" })
  status: InfringementStatus;

  @Field(() => String, { nullable: true, description: "Why; kept with the decision" })
  note?: string | null;
}

@InputType("ReviewInfringementsInput", { description: "The same review step on many cases" })
export class ReviewInfringementsInput {
  @Field(() => [ID], { description: "1 to MAX_PAGE_SIZE infringements of your brands, each listed once; all move, or none" })
  infringementIds: string[];

  @Field(() => InfringementStatus, { description: "UNDER_REVIEW, CONFIRMED or DISMISSED, as the lifecycle allows each" })
  status: InfringementStatus;

  @Field(() => String, { nullable: true, description: "Why; kept with each decision" })
  note?: string | null;
}

@InputType("AddInfringementNoteInput", { description: "A note on a case; it changes no status" })
export class AddInfringementNoteInput {
  @Field(() => ID, { description: "An infringement of your brands; another brand's is NOT_FOUND, as a missing one" })
  infringementId: string;

  @Field(() => String, { description: "1 to 5,000 characters, trimmed" })
  body: string;
}
