import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType("TakedownStats", { description: "Counts of takedown requests by status, over the requests you can see" })
export class TakedownStatsType {
  @Field(() => Int, { description: "Every request, whatever its status: pending + approved + rejected + superseded + withdrawn" })
  requested: number;

  @Field(() => Int, { description: "Requests still waiting for the platform's decision" })
  pending: number;

  @Field(() => Int, { description: "Requests the platform approved (listing removed)" })
  approved: number;

  @Field(() => Int, { description: "Requests the platform rejected" })
  rejected: number;

  @Field(() => Int, { description: "Requests closed because their listing was removed otherwise; neither accepted nor rejected" })
  superseded: number;

  @Field(() => Int, { description: "Requests the brand withdrew (or a GENUINE test buy withdrew); neither accepted nor rejected" })
  withdrawn: number;

  @Field(() => Float, { nullable: true, description: "approved / (approved + rejected), 0 to 1; null before any decision" })
  acceptanceRate: number | null;
}
