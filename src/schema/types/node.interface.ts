import { Field, ID, InterfaceType } from "type-graphql";
import { nodeTypeNameOf } from "../node-types";

@InterfaceType("Node", {
  description: "An object with a global id, fetchable with node(id:)",
  resolveType: (value: object) => nodeTypeNameOf(value),
})
export abstract class NodeInterface {
  @Field(() => ID, { description: "Global id: opaque, and names its type too; node(id:) and this API's id arguments take it" })
  id: string;
}
