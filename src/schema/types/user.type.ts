import { Field, ObjectType } from "type-graphql";
import { UserRole } from "../../entities/enums";
import { DateTimeResolver } from "../scalars/dates";
import { NodeInterface } from "./node.interface";

@ObjectType("User", { implements: NodeInterface, description: "A person who signs in for an organization; read by its admins (the platform's admins read any organization's, by node(id:))" })
export class UserType extends NodeInterface {
  @Field(() => String, { description: "The address it signs in with, in lower case; unique across the alliance" })
  email: string;

  @Field(() => String, { name: "name", description: "The name shown for the person, e.g. as the author of their notes" })
  displayName: string;

  @Field(() => UserRole, { description: "What it may do; its scopes are its organization's, read scopes only for a VIEWER" })
  role: UserRole;

  @Field(() => DateTimeResolver, { nullable: true, description: "When an admin disabled the account: it can no longer sign in, and its tokens stopped working" })
  disabledAt: Date | null;

  @Field(() => DateTimeResolver, { description: "When the account was made" })
  createdAt: Date;
}
