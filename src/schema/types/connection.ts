import { ClassType, Field, Int, ObjectType } from "type-graphql";

@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  // Counted only when asked for (see connection-total-count.resolver.ts).
  countTotal: () => Promise<number>;
}

// A Relay connection type and its edge type for one node type.
export function connectionOf<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  // Abstract: only the named subclasses (connections.ts) become schema types.
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: "All matching rows, not just this page" })
    totalCount: number;
  }
  return ConnectionType;
}
