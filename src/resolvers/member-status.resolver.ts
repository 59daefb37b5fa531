import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { reinstateMember, suspendMember } from "../domain/member-status";
import { fromGlobalId } from "../schema/global-id";
import { SuspendMemberInput } from "../schema/inputs/suspend-member.input";
import { OrganizationType } from "../schema/types/organization.type";
import { authenticated } from "./authenticated";

@Resolver()
export class MemberStatusResolver {
  @Mutation(() => OrganizationType, {
    description: "Suspend a member (platform admins): its users and keys are refused from the next request; its data is kept",
  })
  suspendMember(
    @Arg("input", () => SuspendMemberInput, {
      description: "BAD_USER_INPUT for an organization that is no member (not of kind BRAND) or is SUSPENDED already",
    })
    input: SuspendMemberInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return suspendMember(dataSource, viewer, { id: fromGlobalId(input.id, "Organization"), reason: input.reason });
  }

  @Mutation(() => OrganizationType, { description: "Let a suspended member in again, if its brands fit under the cap (platform admins)" })
  reinstateMember(
    @Arg("id", () => ID, {
      description: "A SUSPENDED member organization; BAD_USER_INPUT for an ACTIVE one or one that is no member, CONFLICT when its brands would not fit under the cap",
    })
    id: string,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return reinstateMember(dataSource, config, viewer, fromGlobalId(id, "Organization"));
  }
}
