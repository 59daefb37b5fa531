import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Scope } from "../../auth/scopes";
import { UserRole } from "../../entities/enums";
import { PrincipalKind } from "../enums";
import { OrganizationType } from "./organization.type";

@ObjectType("Viewer", { description: "Who is asking: a signed-in user or an API key" })
export class ViewerType {
  @Field(() => PrincipalKind)
  principal: PrincipalKind;

  @Field(() => String, { nullable: true, description: "A user's email; null for an API key" })
  email: string | null;

  @Field(() => String, { description: "A user's display name, or an API key's name" })
  name: string;

  @Field(() => UserRole, { nullable: true, description: "A user's role; null for an API key" })
  role: UserRole | null;

  @Field(() => [Scope])
  scopes: Scope[];

  @Field(() => OrganizationType)
  organization: OrganizationType;
}

@ObjectType("LoginPayload")
export class LoginPayload {
  @Field(() => String, { description: "Send as 'Authorization: Bearer <token>'" })
  token: string;

  @Field(() => DateTimeResolver)
  expiresAt: Date;
}
