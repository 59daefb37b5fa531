import { ArgsType, Field, Int } from "type-graphql";

@ArgsType()
export class PaginationArgs {
  @Field(() => Int, { defaultValue: 20, description: "Page size, 1 to the configured maximum (100 by default)" })
  first: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  after?: string | null;
}
