import { type ClassType, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { toGlobalId } from "../schema/global-id";
import type { NodeTypeName } from "../schema/node-types";

// The `id` of every Node type: the entity's uuid turned into an opaque global id. Each type's
// resolver extends this base.
export function NodeIdResolver(typeName: NodeTypeName, objectType: ClassType) {
  @Resolver(() => objectType)
  abstract class NodeIdResolverBase {
    @FieldResolver(() => ID, { description: "Global id: opaque, and names its type too; node(id:) and this API's id arguments take it" })
    id(@Root() row: { id: string }): string {
      return toGlobalId(typeName, row.id);
    }
  }
  return NodeIdResolverBase;
}
