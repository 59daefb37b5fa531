import { Field, InputType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Scope } from "../../auth/scopes";

@InputType("CreateApiKeyInput", { description: "A new API key of your organization" })
export class CreateApiKeyInput {
  @Field(() => String, { description: "1 to 100 characters, trimmed, with no control or text-direction character; CONFLICT while a live key of your organization has it" })
  name: string;

  @Field(() => [Scope], { description: "A subset of what the organization may do" })
  scopes: Scope[];

  @Field(() => DateTimeResolver, { nullable: true, description: "When the key stops working; never when null" })
  expiresAt?: Date | null;
}
