import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { EvidenceKind, TestBuyOutcome } from "../../entities/enums";
import { InfringementType } from "./infringement.type";
import { MoneyType } from "./money.type";
import { NodeInterface } from "./node.interface";

@ObjectType("EvidenceItem", { description: "One piece of a test buy's evidence, with the SHA-256 of its file" })
export class EvidenceItemType {
  @Field(() => EvidenceKind)
  kind: EvidenceKind;

  @Field(() => String)
  description: string;

  @Field(() => String, { description: "64 lowercase hex digits" })
  sha256: string;
}

@ObjectType("TestBuy", { implements: NodeInterface, description: "A purchase made to check whether a listing sells fakes" })
export class TestBuyType extends NodeInterface {
  @Field(() => InfringementType)
  infringement: InfringementType;

  @Field(() => DateTimeResolver)
  orderedAt: Date;

  @Field(() => MoneyType)
  cost: MoneyType;

  @Field(() => String)
  orderReference: string;

  @Field(() => TestBuyOutcome)
  outcome: TestBuyOutcome;

  @Field(() => String, { nullable: true })
  findings: string | null;

  @Field(() => [EvidenceItemType])
  evidence: EvidenceItemType[];

  @Field(() => DateTimeResolver, { nullable: true })
  outcomeRecordedAt: Date | null;
}
