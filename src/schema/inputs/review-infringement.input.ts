import { Field, ID, InputType } from "type-graphql";
import { InfringementStatus } from "../../entities/enums";

@InputType("ReviewInfringementInput")
export class ReviewInfringementInput {
  @Field(() => ID)
  id: string;

  @Field(() => InfringementStatus, { description: "UNDER_REVIEW, CONFIRMED or DISMISSED, as the lifecycle allows" })
  status: InfringementStatus;

  @Field(() => String, { nullable: true, description: "Why; kept with the decision" })
  note?: string | null;
}

@InputType("ReviewInfringementsInput")
export class ReviewInfringementsInput {
  @Field(() => [ID], { description: "Infringements of your brands; all move, or none" })
  infringementIds: string[];

  @Field(() => InfringementStatus, { description: "UNDER_REVIEW, CONFIRMED or DISMISSED, as the lifecycle allows each" })
  status: InfringementStatus;

  @Field(() => String, { nullable: true, description: "Why; kept with each decision" })
  note?: string | null;
}

@InputType("AddInfringementNoteInput")
export class AddInfringementNoteInput {
  @Field(() => ID)
  infringementId: string;

  @Field(() => String)
  body: string;
}
