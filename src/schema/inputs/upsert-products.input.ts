import { Field, ID, InputType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { MoneyInput } from "./money.input";

@InputType("ProductInput", { description: "A genuine product, identified within its brand by its SKU" })
export class ProductInput {
  @Field(() => String)
  sku: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  category: string;

  @Field(() => MoneyInput)
  msrp: MoneyInput;

  @Field(() => JSONObjectResolver, { nullable: true, description: "Spec names and values as the brand makes them, e.g. {\"capacity\": \"1TB\"}" })
  specs?: Record<string, unknown> | null;

  @Field(() => [String], { nullable: true, description: "64-bit perceptual hashes of the genuine logo, 16 hex digits each" })
  logoHashes?: string[] | null;
}

@InputType("UpsertProductsInput")
export class UpsertProductsInput {
  @Field(() => ID)
  brandId: string;

  @Field(() => [ProductInput])
  products: ProductInput[];
}

@InputType("RemoveProductsInput")
export class RemoveProductsInput {
  @Field(() => ID)
  brandId: string;

  @Field(() => [String], { description: "1 to 1,000 SKUs the brand has in its catalogue now" })
  skus: string[];
}
