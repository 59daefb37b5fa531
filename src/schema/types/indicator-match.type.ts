import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { IndicatorKind } from "../../entities/enums";

@ObjectType("IndicatorMatch", {
  description: "The answer to one blind-match query; below the alliance's minimum number of members it reads exactly as no match",
})
export class IndicatorMatchType {
  @Field(() => IndicatorKind, { description: "The kind you asked about" })
  kind: IndicatorKind;

  @Field(() => String, { description: "The value you asked about, normalized" })
  value: string;

  @Field(() => Boolean, {
    description:
      "Whether at least the configured minimum of other members (2 by default) hold the value in an unexpired indicator: " +
      "PRIVATE ones never count, MATCH_ONLY ones only where at least that many members hold it MATCH_ONLY",
  })
  matched: boolean;

  @Field(() => Int, { nullable: true, description: "Other members who contributed it; null when not matched" })
  memberCount: number | null;

  @Field(() => Int, { nullable: true, description: "The highest confidence (0 to 100) those members gave it; null when not matched" })
  highestConfidence: number | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "The day (UTC midnight) any of those members first saw it" })
  firstSeenAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "The day (UTC midnight) any of those members last saw it" })
  lastSeenAt: Date | null;
}
