import { Field, ID, InputType } from "type-graphql";

@InputType("AddMemberBrandInput", { description: "A brand a member took up after it joined, checked as an invitation's brands are" })
export class AddMemberBrandInput {
  @Field(() => ID, { description: "The ACTIVE member organization that owns it" })
  organizationId: string;

  @Field(() => String, { description: "No brand's name or alias may read as it, nor it as theirs" })
  name: string;

  @Field(() => [String], { defaultValue: [], description: 'Up to 20 other names it is sold under ("LV", "路易威登")' })
  aliases: string[];
}

@InputType("SetBrandAliasesInput", { description: "The whole new list of a member brand's aliases" })
export class SetBrandAliasesInput {
  @Field(() => ID, { description: "The brand" })
  brandId: string;

  @Field(() => [String], {
    description:
      "Up to 20 other names it is sold under, in any script; none may read as another brand's name. Replaces the list. Names the matcher reads alike (\"Swarowski\" and \"Svarovski\", which its folding of misspellings already reads as \"Swarovski\") are kept once, as first given: the answer's `aliases` is the list kept",
  })
  aliases: string[];
}
