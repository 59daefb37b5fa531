import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { listProducts } from "../data/catalogue.queries";
import type { Product } from "../entities";
import { fromGlobalId } from "../schema/global-id";
import { money } from "../schema/money";
import { ProductFilter } from "../schema/inputs/product-filter.input";
import { PaginationArgs } from "../schema/inputs/pagination.args";
import { ProductConnection } from "../schema/types/connections";
import { removeProducts, upsertProducts } from "../domain/catalogue";
import { RemoveProductsInput, UpsertProductsInput } from "../schema/inputs/upsert-products.input";
import { ProductType, RemoveProductsPayload, UpsertProductsPayload } from "../schema/types/product.type";
import { authenticated } from "./authenticated";
import { loadRequired } from "./load-required";
import { NodeIdResolver } from "./node-id.resolver";

@Resolver(() => ProductType)
export class ProductResolver extends NodeIdResolver("Product", ProductType) {
  @Query(() => ProductConnection, {
    description:
      "Your brands' genuine catalogue (every brand's, for the platform), by SKU; products taken out of it only with `filter.includeRemoved`",
  })
  products(
    @Args(() => PaginationArgs) page: PaginationArgs,
    @Arg("filter", () => ProductFilter, { nullable: true, description: "Narrows the list; without it, every product in the catalogues you may read" }) filter: ProductFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer, config } = authenticated(context);
    return listProducts(
      dataSource.manager,
      viewer,
      {
        brandIds: filter?.brandIds?.map((id) => fromGlobalId(id, "Brand")),
        category: filter?.category ?? undefined,
        sku: filter?.sku ?? undefined,
        includeRemoved: filter?.includeRemoved ?? false,
      },
      { ...page, maxPageSize: config.limits.maxPageSize },
    );
  }

  @Mutation(() => UpsertProductsPayload, {
    description: "Add products to one of your brands' catalogue, or replace those of the same SKU; all or nothing. The risk model uses them from the next ingest on",
  })
  upsertProducts(
    @Arg("input", () => UpsertProductsInput, { description: "The brand and the products, each sent whole" })
    input: UpsertProductsInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, config, viewer } = authenticated(context);
    return upsertProducts(dataSource, config, viewer, { brandId: fromGlobalId(input.brandId, "Brand"), products: input.products });
  }

  @Mutation(() => RemoveProductsPayload, {
    description: "Take SKUs out of one of your brands' catalogue; all or nothing. The risk model stops using them from the next ingest on",
  })
  async removeProducts(
    @Arg("input", () => RemoveProductsInput, {
      description: "A SKU the brand does not have, or has removed already, refuses them all (BAD_USER_INPUT, extensions.itemErrors by index)",
    })
    input: RemoveProductsInput,
    @Ctx() context: RequestContext,
  ) {
    const { dataSource, viewer } = authenticated(context);
    return { products: await removeProducts(dataSource, viewer, { brandId: fromGlobalId(input.brandId, "Brand"), skus: input.skus }) };
  }

  @FieldResolver()
  brand(@Root() product: Product, @Ctx() context: RequestContext) {
    return loadRequired(authenticated(context).loaders.brand, product.brandId);
  }

  @FieldResolver()
  msrp(@Root() product: Product) {
    return money(product.msrpMinor, product.currency);
  }
}
