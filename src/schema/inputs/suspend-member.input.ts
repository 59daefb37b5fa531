import { Field, ID, InputType } from "type-graphql";

@InputType("SuspendMemberInput", { description: "A member organization to suspend, and why" })
export class SuspendMemberInput {
  @Field(() => ID, { description: "The member organization" })
  id: string;

  @Field(() => String, { nullable: true, description: "Kept in the audit log" })
  reason?: string | null;
}
