import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { sellerIdentityShownTo, type SellerIdentity } from "../auth/seller-identity";
import { storeScoreShownTo } from "../auth/store-score";
import type { RequestContext } from "../context";
import { listSellers } from "../data/seller.queries";
import type { Seller } from "../entities";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { SellerFilter, SellerOrder } from "../schema/inputs/seller-filter.input";
import { SellerConnection } from "../schema/types/connections";
import { SellerType } from "../schema/types/seller.type";
import { authenticated } from "./authenticated";
import { lookUp } from "./look-up";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => SellerType)
export class SellerResolver extends NodeIdResolver("Seller", SellerType) {
  @Query(() => SellerType, {
    description:
      "A store you can reach: a brand, a store of its cases or one its referred cases or lawsuits named; an agency, one referred to it or now selling a referred listing; the platform, any. Another is NOT_FOUND, as a missing one",
  })
  async seller(
    @Arg("id", () => ID, { description: "A Seller's global id; an id of another type is BAD_USER_INPUT" }) id: string,
    @Ctx() context: RequestContext,
  ) {
    return lookUp(authenticated(context).loaders.seller, id, "Seller");
  }

  @Query(() => SellerConnection, {
    description: "The stores you reach, as seller(id:) does: a brand's those of its cases or named by its referred cases or lawsuits, an agency's those referred to it or now selling a referred listing, all for the platform; riskiest first",
  })
  sellers(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => SellerFilter, { nullable: true, description: "Left out: every store you reach" }) filter: SellerFilter | null,
    @Arg("orderBy", () => SellerOrder, { nullable: true, description: "Left out: RISK_SCORE, DESC" }) orderBy: SellerOrder | null,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listSellers(
      dataSource.manager,
      viewer,
      {
        statuses: filter?.statuses ?? undefined,
        marketplaces: filter?.marketplaces ?? undefined,
        minRiskScore: filter?.minRiskScore ?? undefined,
        nameContains: filter?.nameContains ?? undefined,
        externalIds: filter?.externalIds ?? undefined,
      },
      { field: orderBy?.field ?? "RISK_SCORE", direction: orderBy?.direction ?? "DESC" },
      { ...page, maxPageSize: config.limits.maxPageSize },
    );
  }

  @FieldResolver()
  riskScore(@Root() seller: Seller, @Ctx() context: RequestContext) {
    return storeScoreShownTo(authenticated(context).viewer, seller);
  }

  @FieldResolver()
  registeredName(@Root() seller: Seller, @Ctx() context: RequestContext) {
    return identityOf(seller, context, "registeredName");
  }

  @FieldResolver()
  contact(@Root() seller: Seller, @Ctx() context: RequestContext) {
    return identityOf(seller, context, "contact");
  }

  @FieldResolver()
  paymentAccount(@Root() seller: Seller, @Ctx() context: RequestContext) {
    return identityOf(seller, context, "paymentAccount");
  }
}

async function identityOf(seller: Seller, context: RequestContext, field: keyof SellerIdentity): Promise<string | null> {
  const { viewer, loaders } = authenticated(context);
  return (await sellerIdentityShownTo(viewer, seller, (id) => loaders.sellerIdentityReadable.load(id)))[field];
}
