import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { notFound } from "../errors";
import { fromGlobalId } from "../schema/global-id";
import { SellerType } from "../schema/types/seller.type";
import { authenticated } from "./authenticated";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => SellerType)
export class SellerResolver extends NodeIdResolver("Seller", SellerType) {
  @Query(() => SellerType, { description: "A seller you can reach through your infringements" })
  async seller(@Arg("id", () => ID) id: string, @Ctx() context: RequestContext) {
    const seller = await authenticated(context).loaders.seller.load(fromGlobalId(id, "Seller"));
    if (!seller) throw notFound("Seller");
    return seller;
  }
}
