import { Field, ID, InputType } from "type-graphql";

@InputType("SetEmailDomainsInput", { description: "The email domains an organization's admins may invite addresses at" })
export class SetEmailDomainsInput {
  @Field(() => ID, { description: "The organization" })
  organizationId: string;

  @Field(() => [String], { description: "1 to 20 domains (example.com); its admins invite addresses there only. Replaces the list" })
  domains: string[];
}
