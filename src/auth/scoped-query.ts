import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { rowScopes } from "./row-scopes";
import type { ScopeCondition } from "./scope-condition";
import type { Viewer } from "./viewer";

type EntityClass<T> = abstract new () => T;

// The viewer's row scope of an entity as a condition on `alias`, for a row read inside another
// query (see readEntitiesWithRelated in src/data/entity-rows.ts).
export function scopeOf(viewer: Viewer, entity: EntityClass<ObjectLiteral>, alias: string): ScopeCondition {
  const scope = rowScopes.get(entity);
  if (!scope) throw new Error(`No row scope is defined for ${entity.name}`);
  return scope(viewer, alias);
}

// The only way the data layer reads an entity: a query builder that already carries the viewer's
// row scope. where()/orWhere() would replace the scope or OR around it, so they throw; callers add
// their conditions with andWhere().
export function scopedQuery<T extends ObjectLiteral>(
  manager: EntityManager,
  viewer: Viewer,
  entity: EntityClass<T>,
  alias: string,
): SelectQueryBuilder<T> {
  const { sql, params } = scopeOf(viewer, entity, alias);
  const query = manager.createQueryBuilder<T>(entity as never, alias).where(`(${sql})`, params);
  const refuse = (method: string) => () => {
    throw new Error(`${method}() on a scoped query would drop its row scope; use andWhere()`);
  };
  query.where = refuse("where");
  query.orWhere = refuse("orWhere");
  query.whereInIds = refuse("whereInIds");
  return query;
}
