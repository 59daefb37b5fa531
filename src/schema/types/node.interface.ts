import { Field, ID, InterfaceType } from "type-graphql";
import { nodeTypeNameOf } from "../node-types";

@InterfaceType("Node", {
  description: "An object with a global id, fetchable with node(id:)",
  resolveType: (value: object) => nodeTypeNameOf(value),
})
export abstract class NodeInterface {
  @Field(() => ID)
  id: string;
}
