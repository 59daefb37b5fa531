import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType("TakedownStats", { description: "Counts of takedown requests by status, over the requests you can see" })
export class TakedownStatsType {
  @Field(() => Int)
  requested: number;

  @Field(() => Int)
  pending: number;

  @Field(() => Int)
  approved: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => Int)
  superseded: number;

  @Field(() => Int)
  withdrawn: number;

  @Field(() => Float, { nullable: true, description: "approved / (approved + rejected), 0 to 1; null before any decision" })
  acceptanceRate: number | null;
}
