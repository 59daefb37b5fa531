import { Field, InputType } from "type-graphql";
import { UserRole } from "../../entities/enums";

@InputType("InvitedBrandInput")
export class InvitedBrandInput {
  @Field(() => String)
  name: string;

  @Field(() => [String], { defaultValue: [], description: 'Other names it is sold under ("LV", "路易威登")' })
  aliases: string[];
}

@InputType("InviteMemberInput")
export class InviteMemberInput {
  @Field(() => String, {
    description: "The new member organization's name: no organization or pending member invitation may have it (trimmed, in any case)",
  })
  organizationName: string;

  @Field(() => String, { description: "Its first admin's email" })
  adminEmail: string;

  @Field(() => String, { description: "Its first admin's display name" })
  adminName: string;

  @Field(() => [InvitedBrandInput], { description: "1 to 10 brands; each takes one place under the member-brand cap" })
  brands: InvitedBrandInput[];
}

@InputType("InviteUserInput")
export class InviteUserInput {
  @Field(() => String)
  email: string;

  @Field(() => String, { description: "Display name" })
  name: string;

  @Field(() => UserRole, { description: "A role your organization's kind has (brands: ADMIN, ANALYST, VIEWER)" })
  role: UserRole;
}
