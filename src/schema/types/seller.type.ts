import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { Marketplace, SellerStatus } from "../../entities/enums";
import { RiskSignalType } from "./risk-signal.type";
import { NodeInterface } from "./node.interface";

@ObjectType("Seller", { implements: NodeInterface, description: "A store on a marketplace" })
export class SellerType extends NodeInterface {
  @Field(() => Marketplace)
  marketplace: Marketplace;

  @Field(() => String)
  externalId: string;

  @Field(() => String, { name: "name", description: "The store's public name" })
  publicName: string;

  @Field(() => SellerStatus)
  status: SellerStatus;

  @Field(() => Int)
  strikeCount: number;

  @Field(() => String, { nullable: true, description: "Why the store was last penalized or closed" })
  statusReason: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
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

  @Field(() => DateTimeResolver, { nullable: true })
  openedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Identity: the platform and referred agencies only" })
  registeredName: string | null;

  @Field(() => String, { nullable: true, description: "Identity: the platform and referred agencies only" })
  contact: string | null;

  @Field(() => String, { nullable: true, description: "Identity: the platform and referred agencies only" })
  paymentAccount: string | null;
}
