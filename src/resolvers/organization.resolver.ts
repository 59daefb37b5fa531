import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { listOrganizations } from "../data/catalogue.queries";
import { OrgKind } from "../entities/enums";
import { OrganizationType } from "../schema/types/organization.type";
import { authenticated } from "./authenticated";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => OrganizationType)
export class OrganizationResolver extends NodeIdResolver("Organization", OrganizationType) {
  @Query(() => [OrganizationType], { description: "The alliance's organizations: public fields only" })
  organizations(@Arg("kind", () => OrgKind, { nullable: true }) kind: OrgKind | null, @Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return listOrganizations(dataSource.manager, viewer, kind ?? undefined);
  }
}
