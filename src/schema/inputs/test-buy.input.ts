import { Field, ID, InputType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { EvidenceKind, Marketplace, TestBuyOutcome } from "../../entities/enums";
import { MoneyInput } from "./money.input";

@InputType("RecordTestBuyInput", { description: "A purchase made against a case; its outcome is recorded later" })
export class RecordTestBuyInput {
  @Field(() => ID, { description: "An infringement of your brands, in any status; another brand's is NOT_FOUND, as a missing one" })
  infringementId: string;

  @Field(() => DateTimeResolver, { description: "When the order was placed: not in the future, nor before 1990" })
  orderedAt: Date;

  @Field(() => MoneyInput, { description: "What it cost; 0 is allowed" })
  cost: MoneyInput;

  @Field(() => String, { description: "The marketplace's order number" })
  orderReference: string;
}

@InputType("EvidenceItemInput", { description: "One piece of evidence: what it is, and the SHA-256 of its file (the file itself is not uploaded)" })
export class EvidenceItemInput {
  @Field(() => EvidenceKind, { description: "What sort of evidence it is" })
  kind: EvidenceKind;

  @Field(() => String, { description: "What it shows: 1 to 2,000 characters" })
  description: string;

  @Field(() => String, { description: "SHA-256 of the file: 64 hex digits" })
  sha256: string;
}

@InputType("RecordTestBuyOutcomeInput", { description: "A test buy's outcome, recorded once" })
export class RecordTestBuyOutcomeInput {
  @Field(() => ID, { description: "A PENDING test buy of your brands; one with an outcome already is BAD_USER_INPUT" })
  id: string;

  @Field(() => TestBuyOutcome, { description: "GENUINE, COUNTERFEIT or INCONCLUSIVE" })
  outcome: TestBuyOutcome;

  @Field(() => String, { nullable: true, description: "What the examination found: up to 5,000 characters" })
  findings?: string | null;

  @Field(() => [EvidenceItemInput], { defaultValue: [], description: "Up to 50 items, each file once; at least one for COUNTERFEIT" })
  evidence: EvidenceItemInput[];
}

@InputType("TestBuyFilter", { description: "Conditions that all apply together" })
export class TestBuyFilter {
  @Field(() => [TestBuyOutcome], { nullable: true, description: "PENDING: bought, no outcome recorded yet" })
  outcomes?: TestBuyOutcome[] | null;

  @Field(() => [ID], { nullable: true, description: "The brands of the cases bought against" })
  brandIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The stores of the cases bought against (Infringement.seller: the store now selling the listing)" })
  sellerIds?: string[] | null;

  @Field(() => [Marketplace], { nullable: true, description: "The marketplaces of the cases bought against" })
  marketplaces?: Marketplace[] | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Ordered at or after" })
  orderedFrom?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Ordered before this instant, which is left out; after `orderedFrom` when both are given, else BAD_USER_INPUT" })
  orderedTo?: Date | null;
}
