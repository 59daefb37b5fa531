import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { InfringementStatus, Marketplace } from "../../entities/enums";
import { BrandType } from "./brand.type";
import { InfringementConfirmationType } from "./infringement-confirmation.type";
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
  @Field(() => BrandType, { description: "The brand whose marks the listing is suspected of infringing" })
  brand: BrandType;

  @Field(() => ListingType, { description: "The listing suspected" })
  listing: ListingType;

  @Field(() => SellerType, {
    description: "The store selling the listing, as last ingested: the case follows its listing when a scan finds it under another store",
  })
  seller: SellerType;

  @Field(() => Marketplace, { description: "The listing's marketplace" })
  marketplace: Marketplace;

  @Field(() => InfringementStatus, {
    description:
      "Where the case is in its lifecycle: FLAGGED -> UNDER_REVIEW -> CONFIRMED | DISMISSED, CONFIRMED -> TAKEDOWN_REQUESTED -> REMOVED. " +
      "A review may reopen a CONFIRMED or DISMISSED case (UNDER_REVIEW), a test buy's outcome walks it through UNDER_REVIEW to CONFIRMED or DISMISSED, " +
      "and a rejected or withdrawn takedown returns it to CONFIRMED; " +
      "REMOVED is final for the brand: a scan that sees its listing for sale again after its removal (a relisting) returns it to CONFIRMED, with a note. " +
      "A case whose listing is removed while it has no pending takedown keeps its status (Listing.status tells)",
  })
  status: InfringementStatus;

  @Field(() => [InfringementStatus], { description: "The states a review may move it to next" })
  allowedTransitions: InfringementStatus[];

  @Field(() => Int, { description: "0 to 100, for this brand" })
  riskScore: number;

  @Field(() => [RiskSignalType], { description: "Why it scored what it did, for this brand" })
  riskSignals: RiskSignalType[];

  @Field(() => InfringementConfirmationType, {
    nullable: true,
    description:
      "The score and signals it was last confirmed on (by a review or a test buy), kept while later scans re-score riskScore and riskSignals: the evidence a referral or a lawsuit rests on. null until it is first confirmed",
  })
  confirmation: InfringementConfirmationType | null;

  @Field(() => String, { description: 'The risk model version of its latest score, e.g. "alliance-risk-6" (with "+config.<digest>" when tuned)' })
  modelVersion: string;

  @Field(() => [InfringementNoteType], {
    description:
      "The latest notes and review decisions (see `last`), oldest first: the end of the case's history, noteCount in all. " +
      "An agency reads none: a brand's notes are not part of what a referral sends",
  })
  notes: InfringementNoteType[];

  @Field(() => Int, { description: "How many notes and review decisions the case has that you may read: all of them, beyond the latest that notes shows; 0 for an agency" })
  noteCount: number;

  @Field(() => [TestBuyType], { description: "Test buys against it, oldest first" })
  testBuys: TestBuyType[];

  @Field(() => [TakedownRequestType], {
    nullable: true,
    description:
      "Its takedown requests and their decisions, oldest first. null, with a FORBIDDEN error, for an agency: they are the brands' and the platform's (nullable so that the rest of the case still answers)",
  })
  takedownRequests: TakedownRequestType[] | null;

  @Field(() => DateTimeResolver, { description: "When the ingest that first flagged it for this brand ran" })
  detectedAt: Date;

  @Field(() => DateTimeResolver, {
    description:
      "Last change of its status (a test buy's outcome may make one), its score or its store, or the removal of its listing; a note, or a test buy that moves no status, does not move it",
  })
  updatedAt: Date;
}
