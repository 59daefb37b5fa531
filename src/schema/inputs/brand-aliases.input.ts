import { Field, ID, InputType } from "type-graphql";

@InputType("SetBrandAliasesInput")
export class SetBrandAliasesInput {
  @Field(() => ID, { description: "The brand" })
  brandId: string;

  @Field(() => [String], {
    description: "Up to 20 other names it is sold under, in any script; none may read as another brand's name. Replaces the list",
  })
  aliases: string[];
}
