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

@InputType("AddInfringementNoteInput")
export class AddInfringementNoteInput {
  @Field(() => ID)
  infringementId: string;

  @Field(() => String)
  body: string;
}
