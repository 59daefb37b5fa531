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

  @Field(() => SellerType, { description: "The store sued" })
  seller: SellerType;

  @Field(() => String, { description: "The court it was filed with" })
  court: string;

  @Field(() => String, { nullable: true, description: "The court's case number; null until the plaintiff records one" })
  caseNumber: string | null;

  @Field(() => MoneyType, { description: "The amount claimed" })
  claim: MoneyType;

  @Field(() => LocalDateResolver, { description: "The day it was filed" })
  filedOn: string;

  @Field(() => LegalActionStatus, {
    description: "FILED -> IN_PROGRESS -> an outcome (JUDGMENT_FOR_PLAINTIFF, JUDGMENT_FOR_DEFENDANT, SETTLED, WITHDRAWN), which is final; FILED may go to an outcome directly",
  })
  status: LegalActionStatus;

  @Field(() => MoneyType, { nullable: true, description: "Awarded or settled" })
  judgment: MoneyType | null;

  @Field(() => DateTimeResolver, { description: "When it was recorded here" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: "When it was recorded, or last changed by updateLegalAction" })
  updatedAt: Date;
}
