import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listBrands } from "../data/catalogue.queries";
import type { Brand } from "../entities";
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

  @FieldResolver()
  owner(@Root() brand: Brand, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.organization, brand.ownerOrgId);
  }
}
