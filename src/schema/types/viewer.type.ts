import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Scope } from "../../auth/scopes";
import { UserRole } from "../../entities/enums";
import { PrincipalKind } from "../enums";
import { OrganizationType } from "./organization.type";

@ObjectType("Viewer", { description: "Who is asking: a signed-in user or an API key" })
export class ViewerType {
  @Field(() => PrincipalKind, { description: "USER for a signed-in user's token, API_KEY for a key" })
  principal: PrincipalKind;

  @Field(() => String, { nullable: true, description: "A user's email; null for an API key" })
  email: string | null;

  @Field(() => String, { description: "A user's display name, or an API key's name" })
  name: string;

  @Field(() => UserRole, { nullable: true, description: "A user's role; null for an API key" })
  role: UserRole | null;

  @Field(() => [Scope], {
    description: "What it may do now: a user's are its organization's (read scopes only for a VIEWER), a key's those it was created with",
  })
  scopes: Scope[];

  @Field(() => OrganizationType, { description: "The organization it acts for" })
  organization: OrganizationType;
}

@ObjectType("LoginPayload", { description: "A bearer token of a signed-in user" })
export class LoginPayload {
  @Field(() => String, { description: "Send as 'Authorization: Bearer <token>'" })
  token: string;

  @Field(() => DateTimeResolver, { description: "When the token stops working: JWT_TTL_SECONDS (8 hours by default) after it was issued" })
  expiresAt: Date;
}
