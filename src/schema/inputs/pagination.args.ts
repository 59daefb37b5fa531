import { ArgsType, Field, Int } from "type-graphql";

// Forward (first, after) or backward (last, before); not both in one request.
@ArgsType()
export class PaginationArgs {
  @Field(() => Int, {
    nullable: true,
    description: "Page size from the start, or after `after`: 0 to the configured maximum (100 by default); 20 when neither first nor last is given. 0 reads no rows: a list's totalCount, or whether it has any (hasNextPage), alone",
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: "Page size back from the end, or before `before`: 0 to the configured maximum" })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "The startCursor of the next page, to page backward" })
  before?: string | null;
}
