import { Field, ObjectType } from "type-graphql";
import { DateTimeResolver } from "../scalars/dates";
import { OrgKind, OrgStatus } from "../../entities/enums";
import { NodeInterface } from "./node.interface";

@ObjectType("Organization", { implements: NodeInterface, description: "A member of the alliance: the platform, a brand owner or an agency" })
export class OrganizationType extends NodeInterface {
  @Field(() => String, { description: "Its name, as every signed-in caller reads it in the directory" })
  name: string;

  @Field(() => OrgKind, { description: "What it is in the alliance; never changes" })
  kind: OrgKind;

  @Field(() => OrgStatus, { description: "SUSPENDED while the platform keeps its users and keys out" })
  status: OrgStatus;

  @Field(() => DateTimeResolver, { description: "When it joined: for a member, when its invitation was accepted" })
  joinedAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "When its status last changed (a suspension, a reinstatement)" })
  statusChangedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The platform only: why the member was suspended, while it is" })
  statusReason: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "The platform only (null and FORBIDDEN for others): the email domains its admins may invite addresses at",
  })
  emailDomains: string[] | null;
}
