import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { OrganizationType } from "./organization.type";

@ObjectType("IndicatorSighting", { description: "A member's confirmation that it has seen an indicator" })
export class IndicatorSightingType {
  @Field(() => DateTimeResolver, { description: "When the sighting member saw it, as it reported" })
  seenAt: Date;

  @Field(() => String, { description: "Where it was seen, in the sighting member's words" })
  source: string;

  @Field(() => OrganizationType, { description: "Who sighted it: only ever your own organization, or anyone's for the platform" })
  organization: OrganizationType;

  @Field(() => DateTimeResolver, { description: "When the sighting was recorded (recordSighting)" })
  recordedAt: Date;
}
