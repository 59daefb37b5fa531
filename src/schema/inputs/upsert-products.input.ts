import { Field, ID, InputType } from "type-graphql";
import { JSONObjectResolver } from "graphql-scalars";
import { MoneyInput } from "./money.input";

@InputType("ProductInput", { description: "A genuine product, identified within its brand by its SKU" })
export class ProductInput {
  @Field(() => String, { description: "1 to 100 characters, trimmed, with no control or text-direction character; a SKU the brand has is replaced whole, one it removed comes back" })
  sku: string;

  @Field(() => String, { description: "1 to 200 characters, trimmed, with no control or text-direction character" })
  name: string;

  @Field(() => String, { description: "1 to 100 characters, trimmed, with no control or text-direction character; the reports count a brand under the category most of its catalogue is in" })
  category: string;

  @Field(() => MoneyInput, { description: "Suggested retail price, more than 0; listing prices are compared with it" })
  msrp: MoneyInput;

  @Field(() => JSONObjectResolver, { nullable: true, description: "Spec names and values as the brand makes them, e.g. {\"capacity\": \"1TB\"}" })
  specs?: Record<string, unknown> | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "64-bit perceptual hashes of the genuine logo, 16 hex digits each, at most 20. A listing image within RISK_LOGO_MAX_DISTANCE bits claims the brand, so a hash that near another organization's registered logo is CONFLICT, and one that near a blank image's (all bits alike) BAD_USER_INPUT",
  })
  logoHashes?: string[] | null;
}

@InputType("UpsertProductsInput", { description: "Products to add to, or replace in, one brand's catalogue" })
export class UpsertProductsInput {
  @Field(() => ID, { description: "One of your organization's brands; another member's answers NOT_FOUND" })
  brandId: string;

  @Field(() => [ProductInput], {
    description: "1 to 1,000 products of distinct SKUs; one bad product refuses them all (BAD_USER_INPUT, extensions.itemErrors by index)",
  })
  products: ProductInput[];
}

@InputType("RemoveProductsInput", { description: "SKUs to take out of one brand's catalogue" })
export class RemoveProductsInput {
  @Field(() => ID, { description: "One of your organization's brands; another member's answers NOT_FOUND" })
  brandId: string;

  @Field(() => [String], { description: "1 to 1,000 SKUs the brand has in its catalogue now" })
  skus: string[];
}
