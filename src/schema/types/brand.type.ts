import { Field, ObjectType } from "type-graphql";
import { NodeInterface } from "./node.interface";
import { OrganizationType } from "./organization.type";

@ObjectType("Brand", { implements: NodeInterface, description: "A brand owned by a member organization" })
export class BrandType extends NodeInterface {
  @Field(() => String, { description: "Its name, which the risk model looks for in listings with its aliases" })
  name: string;

  @Field(() => [String], { description: 'Other names it is sold under, in any script ("LV", "路易威登")' })
  aliases: string[];

  @Field(() => OrganizationType, { description: "The member organization whose brand it is and which reads its cases" })
  owner: OrganizationType;
}
