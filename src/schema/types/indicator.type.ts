import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { IndicatorDistribution, IndicatorKind } from "../../entities/enums";
import { BrandType } from "./brand.type";
import { IndicatorSightingType } from "./indicator-sighting.type";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";

@ObjectType("Indicator", { implements: NodeInterface, description: "A piece of shared anti-counterfeiting intelligence" })
export class IndicatorType extends NodeInterface {
  @Field(() => IndicatorKind, { description: "What the value is; it decides how the value is normalized" })
  kind: IndicatorKind;

  @Field(() => String, { description: "Normalized: phones in E.164 (one without a country code is read as Chinese), sellers as MARKETPLACE:id, image hashes as 16 hex digits, " +
      "domains as the bare host name (lower case, punycode, no www.), payment accounts without spaces or dashes, other text case- and space-folded" })
  value: string;

  @Field(() => IndicatorDistribution, {
    description: "Who it is shared with; only its contributor changes it, and only ever wider (widenIndicatorDistribution)",
  })
  distribution: IndicatorDistribution;

  @Field(() => Int, { description: "0 to 100" })
  confidence: number;

  @Field(() => String, { nullable: true, description: "The contributor's note, as written, shown to everyone who sees the indicator; null when none" })
  note: string | null;

  @Field(() => BrandType, {
    nullable: true,
    description: "The contributor's brand it concerns; null when none or not yours to see. Its fields need catalogue:read or infringements:read",
  })
  brand: BrandType | null;

  @Field(() => OrganizationType, {
    nullable: true,
    description: "Who contributed it: shown for ALLIANCE indicators, and to the contributor and the platform; null otherwise",
  })
  contributor: OrganizationType | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "After this it no longer matches" })
  expiresAt: Date | null;

  @Field(() => DateTimeResolver, {
    description: "The earliest of its contribution and its sightings' seenAt; a day (UTC midnight) for an ALLIANCE_ANONYMOUS indicator",
  })
  firstSeenAt: Date;

  @Field(() => DateTimeResolver, { description: "Moved forward by sightings" })
  lastSeenAt: Date;

  @Field(() => Int, { description: "Sightings by every organization, the platform included, not only yours" })
  sightingCount: number;

  @Field(() => [IndicatorSightingType], {
    description: "Your organization's latest sightings (every organization's for the platform; see `first`), latest seenAt first",
  })
  sightings: IndicatorSightingType[];

  @Field(() => DateTimeResolver, { description: "When it was contributed; a day (UTC midnight) for an ALLIANCE_ANONYMOUS indicator" })
  createdAt: Date;

  @Field(() => DateTimeResolver, {
    description: "When it was contributed, or last widened or expired (a sighting moves only the seen dates); a day (UTC midnight) for an ALLIANCE_ANONYMOUS indicator",
  })
  updatedAt: Date;
}
