import { Field, InputType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Scope } from "../../auth/scopes";

@InputType("CreateApiKeyInput")
export class CreateApiKeyInput {
  @Field(() => String)
  name: string;

  @Field(() => [Scope], { description: "A subset of what the organization may do" })
  scopes: Scope[];

  @Field(() => DateTimeResolver, { nullable: true, description: "When the key stops working; never when null" })
  expiresAt?: Date | null;
}
