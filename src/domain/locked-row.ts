import type { EntityManager, ObjectLiteral } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { notFound } from "../errors";

type EntityClass<T> = abstract new () => T;

// The row a change is about, read through the viewer's row scope and locked until the transaction
// ends, so that two changes of it cannot both pass their checks; a row the viewer may not see is
// NOT_FOUND (named `typeName`, as the API calls it), exactly as one that does not exist.
export async function lockVisibleRow<T extends ObjectLiteral>(
  manager: EntityManager,
  viewer: Viewer,
  entity: EntityClass<T>,
  id: string,
  typeName: string,
): Promise<T> {
  const row = await scopedQuery(manager, viewer, entity, "locked_row").andWhere("locked_row.id = :id", { id }).setLock("pessimistic_write").getOne();
  if (!row) throw notFound(typeName);
  return row;
}
