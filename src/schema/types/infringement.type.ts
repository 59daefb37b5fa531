import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { InfringementStatus, Marketplace } from "../../entities/enums";
import { BrandType } from "./brand.type";
import { InfringementNoteType } from "./infringement-note.type";
import { ListingType } from "./listing.type";
import { NodeInterface } from "./node.interface";
import { RiskSignalType } from "./risk-signal.type";
import { SellerType } from "./seller.type";
// Circular with these types' `infringement` fields; type-graphql resolves the thunks lazily.
import { TakedownRequestType } from "./takedown-request.type";
import { TestBuyType } from "./test-buy.type";

@ObjectType("Infringement", { implements: NodeInterface, description: "A listing suspected of infringing one brand" })
export class InfringementType extends NodeInterface {
  @Field(() => BrandType)
  brand: BrandType;

  @Field(() => ListingType)
  listing: ListingType;

  @Field(() => SellerType)
  seller: SellerType;

  @Field(() => Marketplace)
  marketplace: Marketplace;

  @Field(() => InfringementStatus)
  status: InfringementStatus;

  @Field(() => [InfringementStatus], { description: "The states a review may move it to next" })
  allowedTransitions: InfringementStatus[];

  @Field(() => Int, { description: "0 to 100, for this brand" })
  riskScore: number;

  @Field(() => [RiskSignalType], { description: "Why it scored what it did, for this brand" })
  riskSignals: RiskSignalType[];

  @Field(() => String)
  modelVersion: string;

  @Field(() => [InfringementNoteType], { description: "Notes and review decisions, oldest first" })
  notes: InfringementNoteType[];

  @Field(() => [TestBuyType], { description: "Test buys against it, oldest first" })
  testBuys: TestBuyType[];

  @Field(() => [TakedownRequestType], {
    nullable: true,
    description:
      "Its takedown requests and their decisions, oldest first. null, with a FORBIDDEN error, for an agency: they are the brands' and the platform's (nullable so that the rest of the case still answers)",
  })
  takedownRequests: TakedownRequestType[] | null;

  @Field(() => DateTimeResolver)
  detectedAt: Date;

  @Field(() => DateTimeResolver)
  updatedAt: Date;
}
