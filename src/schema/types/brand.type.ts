import { Field, ObjectType } from "type-graphql";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";

@ObjectType("Brand", { implements: NodeInterface, description: "A brand owned by a member organization" })
export class BrandType extends NodeInterface {
  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Other names it is sold under, in any script ("LV", "路易威登")' })
  aliases: string[];

  @Field(() => OrganizationType)
  owner: OrganizationType;
}
