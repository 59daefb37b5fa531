import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listBrands } from "../data/catalogue.queries";
import { addMemberBrand, setBrandAliases } from "../domain/member-brands";
import type { Brand } from "../entities";
import { fromGlobalId } from "../schema/global-id";
import { AddMemberBrandInput, SetBrandAliasesInput } from "../schema/inputs/member-brand.input";
import { BrandType } from "../schema/types/brand.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => BrandType)
export class BrandResolver extends NodeIdResolver("Brand", BrandType) {
  @Query(() => [BrandType], {
    description: "Your organization's brands by name (every brand, for the platform; for an agency, the brands of the cases referred to it)",
  })
  brands(@Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return listBrands(dataSource.manager, viewer);
  }

  @Mutation(() => BrandType, {
    description: "Add a brand to an ACTIVE member, one more place under the member-brand cap (platform admins)",
  })
  addMemberBrand(
    @Arg("input", () => AddMemberBrandInput, {
      description: "Its names are checked as an invitation's brands are; BAD_USER_INPUT for an organization not an ACTIVE member, CONFLICT past the cap",
    })
    input: AddMemberBrandInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    const organizationId = fromGlobalId(input.organizationId, "Organization");
    return addMemberBrand(dataSource, config, viewer, { organizationId, name: input.name, aliases: input.aliases });
  }

  @Mutation(() => BrandType, { description: "Set the other names a member brand is matched by in listings (platform admins)" })
  setBrandAliases(
    @Arg("input", () => SetBrandAliasesInput, { description: "The brand and its whole new list of aliases" })
    input: SetBrandAliasesInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return setBrandAliases(dataSource, config, viewer, { brandId: fromGlobalId(input.brandId, "Brand"), aliases: input.aliases });
  }

  @FieldResolver()
  owner(@Root() brand: Brand, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.organization, brand.ownerOrgId);
  }
}
