import { Field, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { EvidenceKind, TestBuyOutcome } from "../../entities/enums";
import { MoneyInput } from "./money.input";

@InputType("RecordTestBuyInput")
export class RecordTestBuyInput {
  @Field(() => ID)
  infringementId: string;

  @Field(() => DateTimeResolver)
  orderedAt: Date;

  @Field(() => MoneyInput)
  cost: MoneyInput;

  @Field(() => String, { description: "The marketplace's order number" })
  orderReference: string;
}

@InputType("EvidenceItemInput")
export class EvidenceItemInput {
  @Field(() => EvidenceKind)
  kind: EvidenceKind;

  @Field(() => String)
  description: string;

  @Field(() => String, { description: "SHA-256 of the file: 64 hex digits" })
  sha256: string;
}

@InputType("RecordTestBuyOutcomeInput")
export class RecordTestBuyOutcomeInput {
  @Field(() => ID)
  id: string;

  @Field(() => TestBuyOutcome, { description: "GENUINE, COUNTERFEIT or INCONCLUSIVE" })
  outcome: TestBuyOutcome;

  @Field(() => String, { nullable: true })
  findings?: string | null;

  @Field(() => [EvidenceItemInput], { defaultValue: [], description: "At least one item for COUNTERFEIT" })
  evidence: EvidenceItemInput[];
}

@InputType("TestBuyFilter")
export class TestBuyFilter {
  @Field(() => [TestBuyOutcome], { nullable: true, description: "PENDING: bought, no outcome recorded yet" })
  outcomes?: TestBuyOutcome[] | null;

  @Field(() => [ID], { nullable: true, description: "The brands of the cases bought against" })
  brandIds?: string[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Ordered at or after" })
  orderedFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Ordered before" })
  orderedTo?: Date | null;
}
