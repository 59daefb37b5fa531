import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { listOrganizations } from "../data/membership.queries";
import { OrgKind } from "../entities/enums";
import { OrganizationType } from "../schema/types/organization.type";
import { authenticated } from "./authenticated";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => OrganizationType)
export class OrganizationResolver extends NodeIdResolver("Organization", OrganizationType) {
  @Query(() => [OrganizationType], {
    description:
      "Every organization of the alliance, by name; anyone signed in reads their name, kind, status and dates (statusReason and emailDomains: the platform only)",
  })
  organizations(
    @Arg("kind", () => OrgKind, { nullable: true, description: "Only organizations of this kind; every kind when left out" })
    kind: OrgKind | null,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return listOrganizations(dataSource.manager, viewer, kind ?? undefined);
  }
}
