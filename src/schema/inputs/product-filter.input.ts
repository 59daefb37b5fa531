import { Field, ID, InputType } from "type-graphql";

@InputType("ProductFilter")
export class ProductFilter {
  @Field(() => [ID], { nullable: true })
  brandIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "Exactly this category, as the catalogue spells it (case counts)" })
  category?: string | null;

  @Field(() => String, { nullable: true, description: "Exactly this SKU (case counts)" })
  sku?: string | null;
}
