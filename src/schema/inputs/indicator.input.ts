import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { IndicatorDistribution, IndicatorKind } from "../../entities/enums";
import { IndicatorSortField, SortDirection } from "../enums";

@InputType("IndicatorInput")
export class IndicatorInput {
  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => String, { description: "Normalized on the way in (see Indicator.value)" })
  value: string;

  @Field(() => IndicatorDistribution, {
    defaultValue: IndicatorDistribution.PRIVATE,
    description: "Fixed at creation; can later only be widened",
  })
  distribution: IndicatorDistribution;

  @Field(() => Int, { nullable: true, description: "0 to 100; 50 when omitted" })
  confidence?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: "One of your brands" })
  brandId?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "In the future; after it the indicator no longer matches" })
  expiresAt?: Date | null;
}

@InputType("IndicatorQueryInput", { description: "A value to look for, of one kind" })
export class IndicatorQueryInput {
  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => String)
  value: string;
}

@InputType("IndicatorFilter", { description: "Conditions that all apply together, among the indicators you may see" })
export class IndicatorFilter {
  @Field(() => [IndicatorKind], { nullable: true })
  kinds?: IndicatorKind[] | null;

  @Field(() => [IndicatorDistribution], { nullable: true })
  distributions?: IndicatorDistribution[] | null;

  @Field(() => [ID], { nullable: true })
  brandIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: only your organization's; false: only others'" })
  contributedByMe?: boolean | null;

  @Field(() => ID, { nullable: true, description: "An organization, among the indicators whose contributor you may see" })
  contributorId?: string | null;

  @Field(() => IndicatorQueryInput, { nullable: true, description: "Exactly this value (normalized, compared by keyed hash)" })
  value?: IndicatorQueryInput | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeExpired?: boolean | null;
}

@InputType("IndicatorOrder")
export class IndicatorOrder {
  @Field(() => IndicatorSortField, { defaultValue: IndicatorSortField.CREATED_AT })
  field: IndicatorSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}

@InputType("RecordSightingInput")
export class RecordSightingInput {
  @Field(() => ID)
  indicatorId: string;

  @Field(() => DateTimeResolver)
  seenAt: Date;

  @Field(() => String, { description: "Where, e.g. a listing URL or a case reference; 1 to 500 characters" })
  source: string;
}

@InputType("WidenIndicatorDistributionInput")
export class WidenIndicatorDistributionInput {
  @Field(() => ID)
  id: string;

  @Field(() => IndicatorDistribution, { description: "Wider than the current one" })
  distribution: IndicatorDistribution;
}
