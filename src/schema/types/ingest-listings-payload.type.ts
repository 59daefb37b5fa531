import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("IngestRejection", { description: "A listing that was not ingested, and why" })
export class IngestRejectionType {
  @Field(() => Int, { description: "Its index in the listings argument, from 0" })
  row: number;

  @Field(() => String)
  reason: string;
}

@ObjectType("IngestListingsPayload", { description: "What one ingestListings batch did; the batch is written all or nothing" })
export class IngestListingsPayload {
  @Field(() => Int)
  received: number;

  @Field(() => Int, { description: "New listings" })
  inserted: number;

  @Field(() => Int, { description: "Listings whose content or score changed, re-scored" })
  updated: number;

  @Field(() => Int, { description: "Listings already stored exactly so" })
  unchanged: number;

  @Field(() => Int)
  rejected: number;

  @Field(() => Int, { description: "Suspected infringements flagged for the first time" })
  infringementsCreated: number;

  @Field(() => Int, { description: "Suspected infringements whose score a re-score changed" })
  infringementsUpdated: number;

  @Field(() => String)
  modelVersion: string;

  @Field(() => [IngestRejectionType])
  rejections: IngestRejectionType[];
}
