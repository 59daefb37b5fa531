import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listBrands } from "../data/catalogue.queries";
import { setBrandAliases } from "../domain/brand-aliases";
import type { Brand } from "../entities";
import { fromGlobalId } from "../schema/global-id";
import { SetBrandAliasesInput } from "../schema/inputs/brand-aliases.input";
import { BrandType } from "../schema/types/brand.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => BrandType)
export class BrandResolver extends NodeIdResolver("Brand", BrandType) {
  @Query(() => [BrandType], { description: "Your organization's brands (every brand, for the platform)" })
  brands(@Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return listBrands(dataSource.manager, viewer);
  }

  @Mutation(() => BrandType, { description: "Set the other names a member brand is matched by in listings (platform admins)" })
  setBrandAliases(@Arg("input", () => SetBrandAliasesInput) input: SetBrandAliasesInput, @Ctx() context: RequestContext) {
    const { dataSource, viewer } = authenticated(context);
    return setBrandAliases(dataSource, viewer, { brandId: fromGlobalId(input.brandId, "Brand"), aliases: input.aliases });
  }

  @FieldResolver()
  owner(@Root() brand: Brand, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.organization, brand.ownerOrgId);
  }
}
