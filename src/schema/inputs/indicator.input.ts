import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { IndicatorDistribution, IndicatorKind } from "../../entities/enums";
import { IndicatorSortField, SortDirection } from "../enums";

@InputType("IndicatorInput", { description: "One indicator to contribute; your organization is its contributor" })
export class IndicatorInput {
  @Field(() => IndicatorKind, { description: "What the value is; it decides how the value is normalized and checked" })
  kind: IndicatorKind;

  @Field(() => String, { description: "Normalized on the way in (see Indicator.value); one that does not normalize, or keeps a control or text-direction character once normalized, is a bad item" })
  value: string;

  @Field(() => IndicatorDistribution, {
    defaultValue: IndicatorDistribution.PRIVATE,
    description: "Fixed at creation; can later only be widened",
  })
  distribution: IndicatorDistribution;

  @Field(() => Int, { nullable: true, description: "0 to 100; 50 when omitted" })
  confidence?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Up to 2,000 characters, trimmed (blank is none); read by everyone who sees the indicator",
  })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: "One of your brands" })
  brandId?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "In the future, at most 10 years ahead (left out, it does not expire); after it the indicator no longer matches. An ALLIANCE_ANONYMOUS one's is rounded up to the end of its day (UTC)" })
  expiresAt?: Date | null;
}

@InputType("IndicatorQueryInput", { description: "A value to look for, of one kind" })
export class IndicatorQueryInput {
  @Field(() => IndicatorKind, { description: "What the value is; it decides how the value is normalized" })
  kind: IndicatorKind;

  @Field(() => String, {
    description: "At most 1,000 characters, normalized as Indicator.value is; one that does not normalize is BAD_USER_INPUT",
  })
  value: string;
}

@InputType("IndicatorFilter", { description: "Conditions that all apply together, among the indicators you may see" })
export class IndicatorFilter {
  @Field(() => [IndicatorKind], { nullable: true, description: "Any of these kinds" })
  kinds?: IndicatorKind[] | null;

  @Field(() => [IndicatorDistribution], {
    nullable: true,
    description: "Any of these distributions; of other members' indicators, a member lists only ALLIANCE_ANONYMOUS and ALLIANCE ones",
  })
  distributions?: IndicatorDistribution[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Indicators about any of these brands, among those whose brand you may see (your own; any for the platform): another member's brand matches nothing",
  })
  brandIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: only your organization's; false: only others'" })
  contributedByMe?: boolean | null;

  @Field(() => ID, { nullable: true, description: "An organization, among the indicators whose contributor you may see" })
  contributorId?: string | null;

  @Field(() => IndicatorQueryInput, { nullable: true, description: "Exactly this value (normalized, compared by keyed hash)" })
  value?: IndicatorQueryInput | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "true also lists indicators whose expiresAt has passed" })
  includeExpired?: boolean | null;
}

@InputType("IndicatorOrder", { description: "How to sort indicators; equal values are ordered by id" })
export class IndicatorOrder {
  @Field(() => IndicatorSortField, { defaultValue: IndicatorSortField.CREATED_AT, description: "The sort key; an ALLIANCE_ANONYMOUS indicator's dates are days (UTC), so it sorts by the day" })
  field: IndicatorSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "DESC: the newest, most confident or most recently seen first" })
  direction: SortDirection;
}

@InputType("RecordSightingInput", { description: "Where and when your organization saw an indicator; the same seenAt and source again counts once" })
export class RecordSightingInput {
  @Field(() => ID, { description: "An indicator you may see (your own, or one shared with every member; any for the platform); any other is NOT_FOUND" })
  indicatorId: string;

  @Field(() => DateTimeResolver, {
    description: "When you saw it: not in the future, nor before 1990; an earlier one moves the indicator's firstSeenAt back, a later one its lastSeenAt forward",
  })
  seenAt: Date;

  @Field(() => String, { description: "Where, e.g. a listing URL or a case reference; 1 to 500 characters" })
  source: string;
}

@InputType("WidenIndicatorDistributionInput", { description: "Share one of your indicators with more organizations" })
export class WidenIndicatorDistributionInput {
  @Field(() => ID, { description: "An indicator your organization contributed; any other is NOT_FOUND" })
  id: string;

  @Field(() => IndicatorDistribution, { description: "Wider than the current one" })
  distribution: IndicatorDistribution;
}
