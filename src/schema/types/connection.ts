import { ClassType, Field, Int, ObjectType } from "type-graphql";

@ObjectType("PageInfo", { description: "Where a page sits in its list, and the cursors to page on from it" })
export class PageInfo {
  @Field(() => Boolean, { description: "Rows follow this page (paging forward); always false when paging backward, which reads towards the start" })
  // A promise where a page of no rows reads it only when asked (keyset-pagination.ts).
  hasNextPage: boolean | Promise<boolean>;

  @Field(() => Boolean, { description: "Rows precede this page (paging backward); always false when paging forward, which reads towards the end" })
  hasPreviousPage: boolean | Promise<boolean>;

  @Field(() => String, { nullable: true, description: "The last row's cursor: `after` for the next page" })
  endCursor: string | null;

  @Field(() => String, { nullable: true, description: "The first row's cursor: `before` for the previous page" })
  startCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  // Counted only when asked for (see src/resolvers/connection.resolver.ts).
  countTotal: () => Promise<number>;
}

// A Relay connection type and its edge type for one node type.
export function connectionOf<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor` })
  class EdgeType {
    @Field(() => String, {
      description: "Opaque: `after` or `before` to page on from this row, in the same list with the same filter and order (BAD_USER_INPUT in another)",
    })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name} itself` })
    node: T;
  }

  // Abstract: only the named subclasses (connections.ts) become schema types.
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: "The page's rows, in the list's order" })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: "Whether more rows follow or precede, and the cursors to reach them" })
    pageInfo: PageInfo;

    // Described where it is resolved (connection.resolver.ts).
    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}
