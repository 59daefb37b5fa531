import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { scopeOf } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { EntityMetadata } from "typeorm/metadata/EntityMetadata";
import { readRows } from "../db/prepared-statements";

// How the data layer reads entities: each row comes back as one JSON array that PostgreSQL builds,
// its values in the reader's column order, and is hydrated here, instead of TypeORM's getMany().
// pg parses every column of every row in JavaScript (timestamps and arrays with small hand-written
// parsers) and TypeORM then maps each value again; one JSON.parse per row does the same work
// natively. On a dashboard page (150 rows of three entities) this was most of the data layer's
// CPU. An array rather than an object keyed by property: the keys were a third of the text parsed.
//
// Values come out exactly as getMany() gives them: bigint and numeric as text (before their
// transformer), timestamps as Date, date columns as "YYYY-MM-DD", jsonb as parsed JSON, arrays as
// arrays, and only the columns getMany() selects (not `select: false` ones).

interface ColumnReader {
  property: string;
  isTimestamp: boolean;
  transform: ((value: unknown) => unknown) | null;
}

interface EntityReader {
  // The select expression for an alias: one json array per row.
  select: (escapedAlias: string) => string;
  hydrate: (json: unknown[]) => ObjectLiteral;
}

const TIMESTAMP_TYPES = new Set(["timestamptz", "timestamp", "timestamp with time zone", "timestamp without time zone"]);
// JSON numbers would lose digits (bigint) or change type (numeric is a string in TypeORM).
const AS_TEXT_TYPES = new Set(["bigint", "int8", "numeric", "decimal"]);
// json_build_array takes at most 100 arguments.
const MAX_COLUMNS = 100;

function columnReader(column: ColumnMetadata): ColumnReader {
  const transformer = column.transformer;
  if (Array.isArray(transformer)) throw new Error(`${column.propertyPath}: several transformers are not supported`);
  if (column.embeddedMetadata) throw new Error(`${column.propertyPath}: embedded columns are not supported`);
  return {
    property: column.propertyName,
    isTimestamp: TIMESTAMP_TYPES.has(String(column.type)),
    transform: transformer ? (value) => transformer.from(value) : null,
  };
}

function buildReader(metadata: EntityMetadata, omit: ReadonlySet<string>): EntityReader {
  const columns = metadata.columns.filter((column) => column.isSelect && !omit.has(column.propertyName));
  if (columns.length > MAX_COLUMNS) throw new Error(`${metadata.name}: more than ${MAX_COLUMNS} columns`);
  const readers = columns.map(columnReader);
  // Constructed like TypeORM does, so that declared fields (relations not loaded) exist.
  const Entity = metadata.target as new () => Record<string, unknown>;
  return {
    select: (alias) => {
      const values = columns.map((column) => {
        const value = `${alias}."${column.databaseName}"`;
        return AS_TEXT_TYPES.has(String(column.type)) ? `${value}::text` : value;
      });
      return `json_build_array(${values.join(", ")})`;
    },
    hydrate: (json) => {
      const entity = new Entity();
      for (let i = 0; i < readers.length; i++) {
        const { property, isTimestamp, transform } = readers[i];
        let value = json[i];
        if (isTimestamp && value !== null) value = new Date(value as string);
        entity[property] = transform ? transform(value) : value;
      }
      return entity;
    },
  };
}

// Per entity, per set of omitted properties (joined by commas).
const readers = new WeakMap<EntityMetadata, Map<string, EntityReader>>();

function readerOf(metadata: EntityMetadata, omit: readonly string[]): EntityReader {
  let byOmitted = readers.get(metadata);
  if (!byOmitted) readers.set(metadata, (byOmitted = new Map()));
  const key = omit.join(",");
  let reader = byOmitted.get(key);
  if (!reader) byOmitted.set(key, (reader = buildReader(metadata, new Set(omit))));
  return reader;
}

// A row of another entity read in the same statement as each main row: the row whose id `idSql`
// (SQL over the main alias) gives, through the viewer's row scope of that entity, or none. It
// saves a loader a statement of its own when the rows it will be asked for are known up front.
export interface RelatedRead {
  entity: abstract new () => ObjectLiteral;
  omit: readonly string[];
  idSql: string;
}

// Adds a related read to the query's selection as a scalar subquery named `alias`.
function selectRelated<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, viewer: Viewer, read: RelatedRead, alias: string) {
  const metadata = query.connection.getMetadata(read.entity);
  const reader = readerOf(metadata, read.omit);
  const scope = scopeOf(viewer, read.entity, alias);
  // The scope's parameters get the alias as a prefix, so that they cannot collide with the main
  // query's (a cast such as ::uuid is not a parameter).
  const condition = scope.sql.replace(/(?<!:):(\w+)/g, `:${alias}_$1`);
  query.addSelect(
    `(SELECT ${reader.select(alias)} FROM ${query.escape(metadata.tablePath)} ${alias} WHERE ${alias}.id = (${read.idSql}) AND (${condition}))`,
    alias,
  );
  query.setParameters(Object.fromEntries(Object.entries(scope.params).map(([name, value]) => [`${alias}_${name}`, value])));
  return { alias, reader };
}

// The query's own conditions, joins, order and limit; only its selection is replaced. Properties
// in `omit` are not read, and stay undefined on the entities (see brief rows in loaders.ts).
export async function readEntities<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, omit: readonly (keyof T & string)[] = []): Promise<T[]> {
  return (await readEntitiesWithRelated(query, omit)).rows;
}

// The same, with `related` rows: for each read, the related rows found (those out of scope or
// missing are left out).
export async function readEntitiesWithRelated<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  omit: readonly (keyof T & string)[] = [],
  related?: { viewer: Viewer; reads: readonly RelatedRead[] },
): Promise<{ rows: T[]; related: ObjectLiteral[][] }> {
  const mainAlias = query.expressionMap.mainAlias;
  if (!mainAlias?.hasMetadata) throw new Error("readEntities needs a query of an entity");
  const reader = readerOf(mainAlias.metadata, omit);
  query.select(reader.select(query.escape(mainAlias.name)), "row");
  const relatedReaders = related ? related.reads.map((read, i) => selectRelated(query, related.viewer, read, `related_${i}`)) : [];
  const rows = await readRows<Record<string, unknown[] | null> & { row: unknown[] }, T>(query);
  return {
    rows: rows.map((row) => reader.hydrate(row.row) as T),
    related: relatedReaders.map(({ alias, reader: relatedReader }) =>
      rows.flatMap((row) => {
        const json = row[alias];
        return json ? [relatedReader.hydrate(json)] : [];
      }),
    ),
  };
}

// readEntities for the rows of many records at once, keeping of each record's rows (those of one
// `partitionBy` value) only the first `limit` in `order` (SQL over the query's alias), answered
// in that order. They are numbered with row_number() among the rows the query finds, after its
// conditions: a row the viewer's scope leaves out takes no place among them.
export async function readEntitiesPerGroup<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  { partitionBy, order, limit }: { partitionBy: string; order: string; limit: number },
): Promise<T[]> {
  const mainAlias = query.expressionMap.mainAlias;
  if (!mainAlias?.hasMetadata) throw new Error("readEntitiesPerGroup needs a query of an entity");
  const reader = readerOf(mainAlias.metadata, []);
  query.select(reader.select(query.escape(mainAlias.name)), "row").addSelect(`row_number() OVER (PARTITION BY ${partitionBy} ORDER BY ${order})`, "place");
  const kept = query
    .createQueryBuilder()
    .select("numbered.row", "row")
    .from(`(${query.getQuery()})`, "numbered")
    .where("numbered.place <= :rowsPerGroup", { rowsPerGroup: limit })
    .setParameters(query.getParameters())
    .orderBy("numbered.place");
  const rows = await readRows<{ row: unknown[] }>(kept);
  return rows.map((row) => reader.hydrate(row.row) as T);
}

export async function readEntity<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<T | null> {
  const [first] = await readEntities(query.limit(1));
  return first ?? null;
}
