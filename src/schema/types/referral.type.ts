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
  @Field(() => OrganizationType, { description: "The agency it was sent to" })
  agency: OrganizationType;

  @Field(() => ReferralStatus, { description: "Moved forward by the agency; a WITHDRAWN referral is read by the platform only" })
  status: ReferralStatus;

  @Field(() => String, { nullable: true, description: "What the platform wrote to the agency: the platform and the agency only" })
  summary: string | null;

  @Field(() => [InfringementType], { description: "The cases in it that you may see: a brand sees only its own; a withdrawn referral holds none" })
  infringements: InfringementType[];

  @Field(() => [SellerType], { description: "The stores those cases were against when referred (a case's listing may since have moved to another store)" })
  sellers: SellerType[];

  @Field(() => LocalDateResolver, { nullable: true, description: "The raid's date, the agency's local date; null until it records a raid" })
  raidDate: string | null;

  @Field(() => Int, { description: "Arrests, as the agency recorded them; 0 until it does" })
  arrests: number;

  @Field(() => Int, { description: "Units of goods seized, as the agency recorded them; 0 until it does" })
  seizedUnits: number;

  @Field(() => MoneyType, { nullable: true, description: "The value of the goods seized, as the agency recorded it; null until it does" })
  seizedValue: MoneyType | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "When the platform withdrew it: the platform only" })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why the platform withdrew it: the platform only" })
  withdrawalReason: string | null;

  @Field(() => DateTimeResolver, { description: "When the platform made it" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: "When the agency last recorded progress, or the platform withdrew it; createdAt before either" })
  updatedAt: Date;
}
