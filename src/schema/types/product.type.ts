import { Field, Int, ObjectType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { DateTimeResolver } from "../scalars/dates";
import { BrandType } from "./brand.type";
import { MoneyType } from "./money.type";
import { NodeInterface } from "./node.interface";

@ObjectType("Product", { implements: NodeInterface, description: "A genuine product of a brand's catalogue" })
export class ProductType extends NodeInterface {
  @Field(() => BrandType, { description: "The brand whose catalogue holds it" })
  brand: BrandType;

  @Field(() => String, { description: "The brand's stock-keeping unit, unique within the brand (case counts); upserts and removals name the product by it" })
  sku: string;

  @Field(() => String, { description: "The product's name, which a listing's title may name it by" })
  name: string;

  @Field(() => String, {
    description: "As the brand spells it; progress reports count each brand under the category most of its catalogue is in",
  })
  category: string;

  @Field(() => MoneyType, { description: "Suggested retail price, which the risk model compares listing prices with (PRICE_ANOMALY)" })
  msrp: MoneyType;

  @Field(() => JSONObjectResolver, {
    description: "Spec names and values, text to text, as the brand sent them; listings' specs are compared with them (SPEC_MISMATCH)",
  })
  specs: Record<string, string>;

  @Field(() => [String], { description: "64-bit perceptual hashes of the genuine logo, 16 hex digits each" })
  logoHashes: string[];

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the brand took it out of its catalogue: the risk model no longer measures listings against it",
  })
  removedAt: Date | null;
}

@ObjectType("UpsertProductsPayload", { description: "What an upsert did to the catalogue" })
export class UpsertProductsPayload {
  @Field(() => Int, { description: "Products of SKUs the brand did not have" })
  created: number;

  @Field(() => Int, { description: "Products of SKUs it had, now as sent" })
  updated: number;

  @Field(() => [ProductType], { description: "The products as stored, by SKU" })
  products: ProductType[];
}

@ObjectType("RemoveProductsPayload", { description: "The products a removal took out of the catalogue" })
export class RemoveProductsPayload {
  @Field(() => [ProductType], { description: "The products taken out, by SKU" })
  products: ProductType[];
}
