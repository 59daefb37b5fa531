import { Field, ID, InputType } from "type-graphql";

@InputType("ProductFilter")
export class ProductFilter {
  @Field(() => [ID], { nullable: true })
  brandIds?: string[] | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true, description: "Exact SKU" })
  sku?: string | null;
}
