import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver, LocalDateResolver } from "../scalars/dates";
import { ReferralStatus } from "../../entities/enums";
import { InfringementType } from "./infringement.type";
import { MoneyType } from "./money.type";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";
import { SellerType } from "./seller.type";

@ObjectType("Referral", {
  implements: NodeInterface,
  description: "Confirmed infringements and their sellers, referred to a law enforcement agency, with the outcome it records",
})
export class ReferralType extends NodeInterface {
  @Field(() => OrganizationType)
  agency: OrganizationType;

  @Field(() => ReferralStatus)
  status: ReferralStatus;

  @Field(() => String, { nullable: true, description: "What the platform wrote to the agency: the platform and the agency only" })
  summary: string | null;

  @Field(() => [InfringementType], { description: "The cases in it that you may see: a brand sees only its own; a withdrawn referral holds none" })
  infringements: InfringementType[];

  @Field(() => [SellerType], { description: "The sellers of those cases" })
  sellers: SellerType[];

  @Field(() => LocalDateResolver, { nullable: true })
  raidDate: string | null;

  @Field(() => Int)
  arrests: number;

  @Field(() => Int)
  seizedUnits: number;

  @Field(() => MoneyType, { nullable: true })
  seizedValue: MoneyType | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the platform withdrew it: the platform only" })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why the platform withdrew it: the platform only" })
  withdrawalReason: string | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  updatedAt: Date;
}
