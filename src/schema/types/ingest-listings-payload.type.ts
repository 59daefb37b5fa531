import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("IngestRejection", { description: "A listing that was not ingested, and why" })
export class IngestRejectionType {
  @Field(() => Int, { description: "Its index in the listings argument, from 0" })
  row: number;

  @Field(() => String, {
    description:
      'Every fault of the row in a fixed order, each naming its field, joined by "; " (e.g. "title: must not be empty; price.currency: must be ' +
      'an ISO 4217 code such as CNY"); fields failing alike are named together, five at most and the others counted ("specs.a, specs.b: ...")',
  })
  reason: string;
}

@ObjectType("IngestListingsPayload", { description: "What one ingestListings batch did; the batch is written all or nothing" })
export class IngestListingsPayload {
  @Field(() => Int, { description: "Listings in the call, rejected ones included" })
  received: number;

  @Field(() => Int, { description: "New listings" })
  inserted: number;

  @Field(() => Int, { description: "Listings whose content or score changed, re-scored" })
  updated: number;

  @Field(() => Int, { description: "Listings already stored exactly so" })
  unchanged: number;

  @Field(() => Int, {
    description:
      "Removed listings seen for sale again after their removal, in a store that is not CLOSED (among updated or unchanged): ACTIVE again, and their REMOVED cases CONFIRMED again",
  })
  relisted: number;

  @Field(() => Int, { description: "Rows not written because they are invalid (rejections says why)" })
  rejected: number;

  @Field(() => Int, {
    description: "Valid rows of a listing that a later valid row of the call repeats: the later one is written, as it would be over the earlier in two calls",
  })
  superseded: number;

  @Field(() => Int, { description: "Suspected infringements flagged for the first time" })
  infringementsCreated: number;

  @Field(() => Int, { description: "Suspected infringements whose score a re-score changed" })
  infringementsUpdated: number;

  @Field(() => String, { description: 'The risk model version that scored the batch, e.g. "alliance-risk-6"' })
  modelVersion: string;

  @Field(() => [IngestRejectionType], { description: "Every rejected row, by index" })
  rejections: IngestRejectionType[];
}
