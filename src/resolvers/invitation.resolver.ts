import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listInvitations } from "../data/membership.queries";
import { acceptInvitation, inviteMember, inviteUser, revokeInvitation } from "../domain/invitations";
import type { Invitation } from "../entities";
import { InvitationStatus } from "../schema/enums";
import { fromGlobalId } from "../schema/global-id";
import { InviteMemberInput, InviteUserInput } from "../schema/inputs/invite-member.input";
import { CreateInvitationPayload, InvitationType } from "../schema/types/invitation.type";
import { UserType } from "../schema/types/user.type";
import { LoginPayload } from "../schema/types/viewer.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";
import { invitationState } from "../domain/pending-invitation";

@Resolver(() => InvitationType)
export class InvitationResolver extends NodeIdResolver("Invitation", InvitationType) {
  @Query(() => [InvitationType], { description: "Invitations your organization sent, newest first (admins)" })
  invitations(@Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return listInvitations(dataSource.manager, viewer);
  }

  @Mutation(() => CreateInvitationPayload, { description: "Invite a new member organization with its brands (platform admins)" })
  inviteMember(
    @Arg("input", () => InviteMemberInput, {
      description:
        "CONFLICT when the name, the admin's email or a brand is taken, the platform's invitation of the address is pending, or the brands would not fit under MEMBER_BRAND_CAP",
    })
    input: InviteMemberInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return inviteMember(dataSource, config, viewer, input);
  }

  @Mutation(() => CreateInvitationPayload, { description: "Invite a user to your organization with a role (organization admins)" })
  inviteUser(
    @Arg("input", () => InviteUserInput, { description: "The invitee's address, name and role" })
    input: InviteUserInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return inviteUser(dataSource, config, viewer, input);
  }

  @Mutation(() => InvitationType, { description: "Withdraw a pending invitation; its token stops working at once" })
  revokeInvitation(
    @Arg("id", () => ID, {
      description: "An invitation of your organization; revoking it again answers it as it is, an accepted one is BAD_USER_INPUT",
    })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return revokeInvitation(dataSource, viewer, fromGlobalId(id, "Invitation"));
  }

  @Mutation(() => LoginPayload, {
    description: "Accept an invitation with its token, choosing a password; creates the member (or the user) and signs in",
  })
  acceptInvitation(
    @Arg("token", () => String, {
      description: "The inv_ token its inviter was given; a wrong, used, revoked or expired one gets one and the same UNAUTHENTICATED",
    })
    token: string,
    @Arg("password", () => String, { description: "The new account's password, 12 to 200 characters" }) password: string,
    @Ctx() context: RequestContext,
  ) {
    return acceptInvitation(context.dataSource, context.config, context.tokens, { token, password });
  }

  @FieldResolver(() => UserType)
  invitedBy(@Root() invitation: Invitation, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.user, invitation.invitedByUserId);
  }

  @FieldResolver(() => InvitationStatus)
  status(@Root() invitation: Invitation): InvitationStatus {
    return InvitationStatus[invitationState(invitation, new Date())];
  }
}
