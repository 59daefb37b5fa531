import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { setEmailDomains } from "../domain/email-domains";
import { fromGlobalId } from "../schema/global-id";
import { SetEmailDomainsInput } from "../schema/inputs/email-domains.input";
import { OrganizationType } from "../schema/types/organization.type";
import { authenticated } from "./authenticated";

@Resolver()
export class EmailDomainsResolver {
  @Mutation(() => OrganizationType, {
    description: "Set the email domains an organization's admins may invite addresses at (platform admins)",
  })
  setEmailDomains(
    @Arg("input", () => SetEmailDomainsInput, { description: "Invitations already made stay valid whatever their domain" })
    input: SetEmailDomainsInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return setEmailDomains(dataSource, viewer, { organizationId: fromGlobalId(input.organizationId, "Organization"), domains: input.domains });
  }
}
