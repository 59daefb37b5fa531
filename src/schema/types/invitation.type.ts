import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { InvitationKind, UserRole } from "../../entities/enums";
import { InvitationStatus } from "../enums";
import { NodeInterface } from "./node.interface";

@ObjectType("InvitedBrand")
export class InvitedBrandType {
  @Field(() => String)
  name: string;

  @Field(() => [String])
  aliases: string[];
}

@ObjectType("Invitation", {
  implements: NodeInterface,
  description: "An invitation of the inviting organization: a new member (from the platform) or a user",
})
export class InvitationType extends NodeInterface {
  @Field(() => InvitationKind)
  kind: InvitationKind;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field(() => String, { description: "The invitee's email (a new member's first admin)" })
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field(() => String, { nullable: true, description: "MEMBER: the organization accepting creates" })
  organizationName: string | null;

  @Field(() => [InvitedBrandType], { description: "MEMBER: the brands accepting creates" })
  brands: InvitedBrandType[];

  @Field(() => DateTimeResolver)
  expiresAt: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  revokedAt: Date | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@ObjectType("CreateInvitationPayload")
export class CreateInvitationPayload {
  @Field(() => InvitationType)
  invitation: InvitationType;

  @Field(() => String, { description: "The invitation's token, for acceptInvitation. Shown this once: pass it to the invitee now" })
  token: string;
}
