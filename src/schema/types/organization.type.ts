import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { OrgKind, OrgStatus } from "../../entities/enums";
import { NodeInterface } from "./node.interface";

@ObjectType("Organization", { implements: NodeInterface, description: "A member of the alliance: the platform, a brand owner or an agency" })
export class OrganizationType extends NodeInterface {
  @Field(() => String)
  name: string;

  @Field(() => OrgKind)
  kind: OrgKind;

  @Field(() => OrgStatus)
  status: OrgStatus;

  @Field(() => DateTimeResolver)
  joinedAt: Date;
}
