import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Marketplace, SellerStatus } from "../../entities/enums";
import { RiskSignalType } from "./risk-signal.type";
import { NodeInterface } from "./node.interface";

// Who reads it: sellerIdentities in src/auth/row-scopes.ts.
const IDENTITY =
  "Identity: the platform, and an agency for a store a referral to it named or one now selling a listing of its open referral (null for one it reaches only through a CLOSED referral); never a brand";

@ObjectType("Seller", { implements: NodeInterface, description: "A store on a marketplace" })
export class SellerType extends NodeInterface {
  @Field(() => Marketplace, { description: "The marketplace the store is on" })
  marketplace: Marketplace;

  @Field(() => String, { description: "The marketplace's own store id; unique on its marketplace" })
  externalId: string;

  @Field(() => String, { name: "name", description: "The store's public name" })
  publicName: string;

  @Field(() => SellerStatus, {
    description:
      "ACTIVE until strikeCount is at or above SELLER_PENALTY_STRIKES (then PENALIZED) or SELLER_CLOSURE_STRIKES (then CLOSED, its active listings removed), whether a takedown's strike or a scan reporting the marketplace's own count took it there; never set back",
  })
  status: SellerStatus;

  @Field(() => Int, {
    description: "One per approved takedown or takeDownListing of a listing it sells, raised to the marketplace's own count when a scan reports more; never lowered",
  })
  strikeCount: number;

  @Field(() => String, { nullable: true, description: "Why the store was last penalized or closed" })
  statusReason: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When it was last penalized or closed; null while it is ACTIVE" })
  statusChangedAt: Date | null;

  @Field(() => Int, {
    description:
      "0 to 100: 70% of its listings' mean score plus its record. A member or an agency reads it made from its listings' brand-free scores (without any brand's catalogue), the platform from their own",
  })
  riskScore: number;

  @Field(() => [RiskSignalType], {
    nullable: true,
    description: "The platform only: the store's record (SELLER_HISTORY) and its listings' part (LISTINGS)",
  })
  riskSignals: RiskSignalType[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the store opened, as a scan reported it; null when none did" })
  openedAt: Date | null;

  @Field(() => String, { nullable: true, description: IDENTITY })
  registeredName: string | null;

  @Field(() => String, { nullable: true, description: IDENTITY })
  contact: string | null;

  @Field(() => String, { nullable: true, description: IDENTITY })
  paymentAccount: string | null;
}
