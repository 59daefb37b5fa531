import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { IndicatorKind } from "../../entities/enums";

@ObjectType("IndicatorMatch", {
  description: "The answer to one blind-match query; below the minimum number of other organizations holding the value it reads exactly as no match",
})
export class IndicatorMatchType {
  @Field(() => IndicatorKind, { description: "The kind you asked about" })
  kind: IndicatorKind;

  @Field(() => String, { description: "The value you asked about, normalized" })
  value: string;

  @Field(() => Boolean, {
    description:
      "Whether at least the configured minimum of other organizations (2 by default; members, and the platform too) hold the value in an unexpired indicator: " +
      "PRIVATE ones never count, MATCH_ONLY ones only where at least that many of them hold it MATCH_ONLY",
  })
  matched: boolean;

  @Field(() => Int, { nullable: true, description: "Other organizations (the platform included) whose indicators of it counted; null when not matched" })
  memberCount: number | null;

  @Field(() => Int, { nullable: true, description: "The highest confidence (0 to 100) those organizations gave it; null when not matched" })
  highestConfidence: number | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "The earliest firstSeenAt of those indicators (their contribution, or any organization's sighting, yours included), as a day (UTC midnight); null when not matched",
  })
  firstSeenAt: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "The latest lastSeenAt of those indicators (their contribution, or any organization's sighting, yours included), as a day (UTC midnight); null when not matched",
  })
  lastSeenAt: Date | null;
}
