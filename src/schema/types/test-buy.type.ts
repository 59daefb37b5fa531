import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { EvidenceKind, TestBuyOutcome } from "../../entities/enums";
import { InfringementType } from "./infringement.type";
import { MoneyType } from "./money.type";
import { NodeInterface } from "./node.interface";

@ObjectType("EvidenceItem", { description: "One piece of a test buy's evidence, with the SHA-256 of its file" })
export class EvidenceItemType {
  @Field(() => EvidenceKind, { description: "What sort of evidence it is" })
  kind: EvidenceKind;

  @Field(() => String, { description: "What it shows, as the brand wrote it" })
  description: string;

  @Field(() => String, { description: "64 lowercase hex digits" })
  sha256: string;
}

@ObjectType("TestBuy", { implements: NodeInterface, description: "A purchase made to check whether a listing sells fakes" })
export class TestBuyType extends NodeInterface {
  @Field(() => InfringementType, { description: "The case it was bought against" })
  infringement: InfringementType;

  @Field(() => DateTimeResolver, { description: "When the order was placed" })
  orderedAt: Date;

  @Field(() => MoneyType, { description: "What the purchase cost" })
  cost: MoneyType;

  @Field(() => String, { description: "The marketplace's order number; unique within its case" })
  orderReference: string;

  @Field(() => TestBuyOutcome, { description: "PENDING until recordTestBuyOutcome records it, once" })
  outcome: TestBuyOutcome;

  @Field(() => String, { nullable: true, description: "What the examination found; null while PENDING or when none was given" })
  findings: string | null;

  @Field(() => [EvidenceItemType], { description: "In the order given with the outcome; empty while PENDING" })
  evidence: EvidenceItemType[];

  @Field(() => DateTimeResolver, { nullable: true, description: "When its outcome was recorded; null while PENDING" })
  outcomeRecordedAt: Date | null;
}
