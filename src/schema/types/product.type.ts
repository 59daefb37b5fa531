import { Field, Int, ObjectType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { DateTimeResolver } from "../scalars/dates";
import { BrandType } from "./brand.type";
import { MoneyType } from "./money.type";
import { NodeInterface } from "./node.interface";

@ObjectType("Product", { implements: NodeInterface, description: "A genuine product of a brand's catalogue" })
export class ProductType extends NodeInterface {
  @Field(() => BrandType)
  brand: BrandType;

  @Field(() => String)
  sku: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  category: string;

  @Field(() => MoneyType)
  msrp: MoneyType;

  @Field(() => JSONObjectResolver)
  specs: Record<string, string>;

  @Field(() => [String], { description: "64-bit perceptual hashes of the genuine logo, 16 hex digits each" })
  logoHashes: string[];

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the brand took it out of its catalogue: the risk model no longer measures listings against it",
  })
  removedAt: Date | null;
}

@ObjectType("UpsertProductsPayload")
export class UpsertProductsPayload {
  @Field(() => Int, { description: "Products of SKUs the brand did not have" })
  created: number;

  @Field(() => Int, { description: "Products of SKUs it had, now as sent" })
  updated: number;

  @Field(() => [ProductType], { description: "The products as stored, by SKU" })
  products: ProductType[];
}

@ObjectType("RemoveProductsPayload")
export class RemoveProductsPayload {
  @Field(() => [ProductType], { description: "The products taken out, by SKU" })
  products: ProductType[];
}
