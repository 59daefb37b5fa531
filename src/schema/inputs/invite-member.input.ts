import { Field, InputType } from "type-graphql";
import { UserRole } from "../../entities/enums";

@InputType("InvitedBrandInput", { description: "A brand of a new member: its name and aliases decide which listings become its cases" })
export class InvitedBrandInput {
  @Field(() => String, {
    description:
      'Up to 200 characters, two or more once folded with a letter among them, and not found in a counterfeit term such as "Replica" ' +
      "(BAD_USER_INPUT); CONFLICT when it or an alias reads as another brand's name or alias",
  })
  name: string;

  @Field(() => [String], { defaultValue: [], description: 'Other names it is sold under ("LV", "路易威登")' })
  aliases: string[];
}

@InputType("InviteMemberInput", { description: "A new member organization: its name, its first admin and its brands" })
export class InviteMemberInput {
  @Field(() => String, {
    description: "The new member organization's name: no organization or pending member invitation may have it (trimmed, in any case)",
  })
  organizationName: string;

  @Field(() => String, { description: "Its first admin's email" })
  adminEmail: string;

  @Field(() => String, { description: "Its first admin's display name" })
  adminName: string;

  @Field(() => [InvitedBrandInput], { description: "1 to 10 brands, each once (two whose names read alike are one brand given twice: BAD_USER_INPUT); each takes one place under the member-brand cap" })
  brands: InvitedBrandInput[];
}

@InputType("InviteUserInput", { description: "A new user of your organization" })
export class InviteUserInput {
  @Field(() => String, {
    description:
      "At one of your organization's email domains (else BAD_USER_INPUT with extensions.allowedDomains); CONFLICT when a user " +
      "of your organization has it or your invitation of it is pending. Case does not count",
  })
  email: string;

  @Field(() => String, { description: "Display name" })
  name: string;

  @Field(() => UserRole, { description: "A role your organization's kind has (brands: ADMIN, ANALYST, VIEWER)" })
  role: UserRole;
}
