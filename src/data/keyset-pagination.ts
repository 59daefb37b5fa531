import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { badInput } from "../errors";
import type { Connection } from "../schema/types/connection";
import { readEntitiesWithRelated, type RelatedRead } from "./entity-rows";

export type Direction = "ASC" | "DESC";

export interface KeysetOrder<T> {
  // Names the ordering inside the cursor, so that a cursor is refused under another ordering.
  name: string;
  column: string;
  direction: Direction;
  valueOf: (row: T) => string | number;
}

interface Cursor {
  o: string;
  v: string | number;
  id: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(after: string, orderName: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as Cursor;
    const valid =
      cursor.o === orderName &&
      (typeof cursor.v === "string" || typeof cursor.v === "number") &&
      typeof cursor.id === "string" &&
      /^[0-9a-f-]{36}$/.test(cursor.id);
    if (valid) return cursor;
  } catch {
    // falls through to the error below
  }
  throw badInput("`after` is not a cursor of this list in this order; pass the endCursor of the previous page");
}

// An edge's cursor is encoded when it is asked for: a dashboard asks only for the page's endCursor,
// and encoding 50 of them was the largest part of what the API spent in this file.
class Edge<T extends { id: string }> {
  constructor(
    readonly node: T,
    private readonly order: KeysetOrder<T>,
  ) {}

  get cursor(): string {
    return encodeCursor({ o: this.order.name, v: this.order.valueOf(this.node), id: this.node.id });
  }
}

// count(*), where TypeORM's getCount() counts DISTINCT ids, which sorts them all: a list query
// joins nothing that repeats a row (row scopes are EXISTS conditions, filters are on the row).
async function countRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<number> {
  const counted = await query.select("count(*)::int", "total").getRawOne<{ total: number }>();
  return counted?.total ?? 0;
}

// Forward keyset pagination on (column, id): stable under concurrent inserts and as fast on the
// thousandth page as on the first, unlike OFFSET. `related` rows of the page's rows are read in
// the same statement (see readEntitiesWithRelated).
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  order: KeysetOrder<T>,
  page: { first: number; after?: string | null; maxPageSize: number },
  related?: { viewer: Viewer; reads: readonly RelatedRead[] },
): Promise<Connection<T> & { related: ObjectLiteral[][] }> {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > page.maxPageSize) {
    throw badInput(`\`first\` must be between 1 and ${page.maxPageSize}`);
  }
  const countQuery = query.clone();
  if (page.after) {
    const cursor = decodeCursor(page.after, order.name);
    const comparison = order.direction === "DESC" ? "<" : ">";
    query.andWhere(`(${alias}.${order.column}, ${alias}.id) ${comparison} (:cursorValue, :cursorId)`, {
      cursorValue: cursor.v,
      cursorId: cursor.id,
    });
  }
  const { rows, related: relatedRows } = await readEntitiesWithRelated(
    query
      .orderBy(`${alias}.${order.column}`, order.direction)
      .addOrderBy(`${alias}.id`, order.direction)
      .limit(page.first + 1),
    [],
    related,
  );
  const edges = rows.slice(0, page.first).map((node) => new Edge(node, order));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
    countTotal: () => countRows(countQuery),
    related: relatedRows,
  };
}
