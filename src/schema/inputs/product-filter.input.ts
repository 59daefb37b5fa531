import { Field, ID, InputType } from "type-graphql";

@InputType("ProductFilter", { description: "Conditions that all apply together" })
export class ProductFilter {
  @Field(() => [ID], { nullable: true, description: "Only these brands' products; another member's brand matches nothing" })
  brandIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "Exactly this category, as the catalogue spells it (case counts)" })
  category?: string | null;

  @Field(() => String, { nullable: true, description: "Exactly this SKU (case counts)" })
  sku?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Also the products taken out of the catalogue (removedAt); by default only those in it" })
  includeRemoved?: boolean | null;
}
