import { Field, ObjectType } from "type-graphql";
import { UserRole } from "../../entities/enums";
import { DateTimeResolver } from "../scalars/dates";
import { NodeInterface } from "./node.interface";

@ObjectType("User", { implements: NodeInterface, description: "A person who signs in for an organization; read by its admins" })
export class UserType extends NodeInterface {
  @Field(() => String)
  email: string;

  @Field(() => String, { name: "name" })
  displayName: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field(() => DateTimeResolver, { nullable: true, description: "When an admin disabled the account: it can no longer sign in, and its tokens stopped working" })
  disabledAt: Date | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}
