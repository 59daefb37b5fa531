import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context";
import { SellerType } from "../schema/types/seller.type";
import { authenticated } from "./authenticated";
import { lookUp } from "./look-up";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => SellerType)
export class SellerResolver extends NodeIdResolver("Seller", SellerType) {
  @Query(() => SellerType, { description: "A seller you can reach through your infringements" })
  async seller(@Arg("id", () => ID) id: string, @Ctx() context: RequestContext) {
    return lookUp(authenticated(context).loaders.seller, id, "Seller");
  }
}
