import { createHash } from "node:crypto";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { Viewer } from "../auth/viewer";
import { isCalendarDate } from "../domain/validation";
import { badInput } from "../errors";
import type { Connection } from "../schema/types/connection";
import { readEntities, readEntitiesWithRelated, type RelatedRead } from "./entity-rows";

export type Direction = "ASC" | "DESC";

// What the order column holds, so that a cursor's value is checked before it reaches the database.
export type KeyKind = "integer" | "instant" | "date" | "text";

export interface KeysetOrder<T> {
  // Names the ordering inside the cursor, with its direction and list, so that a cursor is refused
  // under another ordering.
  name: string;
  column: string;
  kind: KeyKind;
  direction: Direction;
  valueOf: (row: T) => string | number;
}

interface Cursor {
  o: string;
  v: string | number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// A cursor's value is what the list wrote into it, and anything else is refused here rather than by
// PostgreSQL as an internal error: an instant exactly as toISOString() writes it, a date of the
// calendar (JavaScript's parser takes 2026-02-30, PostgreSQL does not), neither in year 0, which
// PostgreSQL does not have; text without NUL, which PostgreSQL's text cannot hold.
const isInstant = (v: unknown) =>
  typeof v === "string" && /^\d{4}-/.test(v) && !v.startsWith("0000-") && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
const isDate = (v: unknown) => typeof v === "string" && isCalendarDate(v) && !v.startsWith("0000-");

// A cursor's integer may be any safe integer, beyond its column's type (a score is a smallint): it
// is compared as a bigint, which orders it against the column all the same.
const PARAMETER_CAST: Record<KeyKind, string> = { integer: "::bigint", instant: "", date: "", text: "" };

const validValue: Record<KeyKind, (v: unknown) => boolean> = {
  integer: (v) => Number.isSafeInteger(v),
  instant: isInstant,
  date: isDate,
  text: (v) => typeof v === "string" && !v.includes("\u0000"),
};

// The list (its query's alias), the order and its direction, and what the list is filtered by: a
// cursor is a position in one list, and after it another filter's rows would silently begin
// part-way. The filter is the conditions of the list's query before paging and their values (the
// viewer's scope among them), hashed; not its whole SQL, which TypeORM takes a dashboard page's
// 0.3-0.9 ms of CPU to build. A list of values is a set to every filter (matched with = ANY or IN),
// so it is hashed sorted: a client that keeps its filter as a set may send it in any order.
function listKey<T extends ObjectLiteral>(alias: string, order: KeysetOrder<unknown>, unpaged: SelectQueryBuilder<T>): string {
  const filter = createHash("sha1")
    .update(JSON.stringify(unpaged.expressionMap.wheres))
    .update(JSON.stringify(unpaged.getParameters(), (_key, value: unknown) => (Array.isArray(value) ? [...value].sort() : value)))
    .digest("base64url");
  return `${alias}.${order.name}.${order.direction}.${filter.slice(0, 12)}`;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(text: string, key: string, kind: KeyKind, argument: "after" | "before"): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    if (cursor.o === key && validValue[kind](cursor.v) && typeof cursor.id === "string" && UUID.test(cursor.id)) return cursor;
  } catch {
    // falls through to the error below
  }
  const from = argument === "after" ? "the endCursor of the previous page" : "the startCursor of the next page";
  throw badInput(`\`${argument}\` is not a cursor of this list with these filters in this order; pass ${from}`);
}

// An edge's cursor is encoded when it is asked for: a dashboard asks only for the page's endCursor,
// and encoding 50 of them was the largest part of what the API spent in this file.
class Edge<T extends { id: string }> {
  constructor(
    readonly node: T,
    private readonly key: () => string,
    private readonly valueOf: (row: T) => string | number,
  ) {}

  get cursor(): string {
    return encodeCursor({ o: this.key(), v: this.valueOf(this.node), id: this.node.id });
  }
}

// count(*), where TypeORM's getCount() counts DISTINCT ids, which sorts them all: a list query
// joins nothing that repeats a row (row scopes are EXISTS conditions, filters are on the row).
async function countRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<number> {
  const counted = await query.clone().select("count(*)::int", "total").getRawOne<{ total: number }>();
  return counted?.total ?? 0;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  maxPageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
const reversed = (direction: Direction): Direction => (direction === "ASC" ? "DESC" : "ASC");

// Which way a request pages, and how many rows: first/after forward, last/before backward, never
// a mix (a page is one range of the order, read from one end).
function pageWindow(page: PageRequest): { backward: boolean; size: number; cursor: string | null } {
  const backward = page.last != null || page.before != null;
  if (backward && (page.first != null || page.after != null)) {
    throw badInput("Page forward with `first` and `after`, or backward with `last` and `before`, not both");
  }
  const size = checkedPageSize(backward ? "last" : "first", backward ? page.last : page.first, page.maxPageSize);
  // An empty cursor is no cursor: the list from its start (or end).
  return { backward, size, cursor: (backward ? page.before : page.after) || null };
}

// How many rows a list is asked for, in its `first` or `last`, for a connection and for a list
// nested in a record alike: 0 to MAX_PAGE_SIZE, the default page where none is given. 0, as Relay
// allows: no rows, for a connection's totalCount or whether it has any (hasNextPage) alone.
export function checkedPageSize(argument: "first" | "last", given: number | null | undefined, maxPageSize: number): number {
  const size = given ?? defaultPageSize(maxPageSize);
  if (!Number.isInteger(size) || size < 0 || size > maxPageSize) throw badInput(`\`${argument}\` must be between 0 and ${maxPageSize}`);
  return size;
}

// The default page never exceeds a MAX_PAGE_SIZE set below it.
export const defaultPageSize = (maxPageSize: number) => Math.min(DEFAULT_PAGE_SIZE, maxPageSize);

// A page of no rows (`first: 0` or `last: 0`) sends no page statement of its own: a client asking
// for the totalCount alone gets one statement, the count. Whether any row lies past the cursor, in
// the direction the page reads, is read (one row) only when hasNextPage or hasPreviousPage is asked.
function emptyPage<T extends ObjectLiteral & { id: string }>(
  ordered: SelectQueryBuilder<T>,
  backward: boolean,
  countTotal: () => Promise<number>,
  relatedReads: number,
): Connection<T> & { related: ObjectLiteral[][] } {
  let anyRow: Promise<boolean> | undefined;
  const rowsAhead = () => (anyRow ??= readEntities(ordered.limit(1)).then((rows) => rows.length > 0));
  return {
    edges: [],
    pageInfo: {
      get hasNextPage() {
        return backward ? false : rowsAhead();
      },
      get hasPreviousPage() {
        return backward ? rowsAhead() : false;
      },
      startCursor: null,
      endCursor: null,
    },
    countTotal,
    related: Array.from({ length: relatedReads }, () => []),
  };
}

// Keyset pagination on (column, id): stable under concurrent inserts and as fast on the thousandth
// page as on the first, unlike OFFSET. Paging backward reads the same order reversed from
// `before` (or the end) and turns the page round. `related` rows of the page's rows are read in
// the same statement (see readEntitiesWithRelated).
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  order: KeysetOrder<T>,
  page: PageRequest,
  related?: { viewer: Viewer; reads: readonly RelatedRead[] },
): Promise<Connection<T> & { related: ObjectLiteral[][] }> {
  const { backward, size, cursor } = pageWindow(page);
  // The list's query before paging: counted, and what its cursors are keys of.
  const countQuery = query.clone();
  // Worked out when a cursor is read or written (a page may ask for none).
  let knownKey: string | null = null;
  const key = () => (knownKey ??= listKey(alias, order as KeysetOrder<unknown>, countQuery));
  const readDirection: Direction = backward ? reversed(order.direction) : order.direction;
  if (cursor) {
    const { v, id } = decodeCursor(cursor, key(), order.kind, backward ? "before" : "after");
    query.andWhere(`(${alias}.${order.column}, ${alias}.id) ${readDirection === "DESC" ? "<" : ">"} (:cursorValue${PARAMETER_CAST[order.kind]}, :cursorId)`, {
      cursorValue: v,
      cursorId: id,
    });
  }
  const ordered = query.orderBy(`${alias}.${order.column}`, readDirection).addOrderBy(`${alias}.id`, readDirection);
  if (size === 0) return emptyPage(ordered, backward, () => countRows(countQuery), related?.reads.length ?? 0);
  const { rows, related: relatedRows } = await readEntitiesWithRelated(ordered.limit(size + 1), [], related);
  const pageRows = rows.slice(0, size);
  if (backward) pageRows.reverse();
  const edges = pageRows.map((node) => new Edge(node, key, order.valueOf));
  const more = rows.length > size;
  return {
    edges,
    pageInfo: {
      // Only the side the page was read towards is known without another statement; Relay lets
      // a server answer false for the other (the client came from there).
      hasNextPage: backward ? false : more,
      hasPreviousPage: backward ? more : false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countTotal: () => countRows(countQuery),
    related: relatedRows,
  };
}
