import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { InvitationKind, UserRole } from "../../entities/enums";
import { InvitationStatus } from "../enums";
import { NodeInterface } from "./node.interface";
import { UserType } from "./user.type";

@ObjectType("InvitedBrand", { description: "A brand a member invitation brings; it is created when the invitation is accepted" })
export class InvitedBrandType {
  @Field(() => String, { description: "Its name, as it will be matched in listings" })
  name: string;

  @Field(() => [String], { description: "Other names it is sold under, matched as its name is" })
  aliases: string[];
}

@ObjectType("Invitation", {
  implements: NodeInterface,
  description: "An invitation of the inviting organization: a new member (from the platform) or a user",
})
export class InvitationType extends NodeInterface {
  @Field(() => InvitationKind, { description: "MEMBER (a new organization, from the platform) or USER (a user of the inviting organization)" })
  kind: InvitationKind;

  @Field(() => InvitationStatus, { description: "Worked out from acceptedAt, revokedAt and expiresAt at the time of the request" })
  status: InvitationStatus;

  @Field(() => String, { description: "The invitee's email (a new member's first admin)" })
  email: string;

  @Field(() => String, { description: "The invitee's display name, which the new account takes" })
  displayName: string;

  @Field(() => UserRole, { description: "The new account's role: ADMIN for a MEMBER invitation" })
  role: UserRole;

  @Field(() => String, { nullable: true, description: "MEMBER: the organization accepting creates" })
  organizationName: string | null;

  @Field(() => [InvitedBrandType], { description: "MEMBER: the brands accepting creates" })
  brands: InvitedBrandType[];

  @Field(() => DateTimeResolver, { description: "When the token stops working: INVITATION_TTL_HOURS (168 by default) after it was made" })
  expiresAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When its token was used; null until then" })
  acceptedAt: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "When it was revoked: by an admin of the inviting organization, or with its inviter's standing (the inviter disabled or no longer ADMIN, the member suspended); null if never",
  })
  revokedAt: Date | null;

  @Field(() => DateTimeResolver, { description: "When it was made" })
  createdAt: Date;

  @Field(() => UserType, {
    description: "The admin who made it (a platform admin for a MEMBER invitation); disabling that admin, or taking the role away, revokes its pending invitations",
  })
  invitedBy?: UserType;
}

@ObjectType("CreateInvitationPayload", { description: "A new invitation, PENDING, and the token that accepts it" })
export class CreateInvitationPayload {
  @Field(() => InvitationType, { description: "The invitation as stored" })
  invitation: InvitationType;

  @Field(() => String, { description: "The invitation's token, for acceptInvitation. Shown this once: pass it to the invitee now" })
  token: string;
}
