import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver, LocalDateResolver } from "../scalars/dates";
import { LegalActionStatus } from "../../entities/enums";
import { MoneyType } from "./money.type";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";
import { SellerType } from "./seller.type";

@ObjectType("LegalAction", { implements: NodeInterface, description: "A lawsuit against a seller" })
export class LegalActionType extends NodeInterface {
  @Field(() => OrganizationType, { description: "The platform or a member brand's organization" })
  plaintiff: OrganizationType;

  @Field(() => SellerType)
  seller: SellerType;

  @Field(() => String)
  court: string;

  @Field(() => String, { nullable: true })
  caseNumber: string | null;

  @Field(() => MoneyType)
  claim: MoneyType;

  @Field(() => LocalDateResolver)
  filedOn: string;

  @Field(() => LegalActionStatus)
  status: LegalActionStatus;

  @Field(() => MoneyType, { nullable: true, description: "Awarded or settled" })
  judgment: MoneyType | null;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver)
  updatedAt: Date;
}
