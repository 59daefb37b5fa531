import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { User } from "../entities";
import { readEntities } from "./entity-rows";

// The viewer's organization's users (the row scope), oldest first.
export const listUsers = (manager: EntityManager, viewer: Viewer) =>
  readEntities(scopedQuery(manager, viewer, User, "u").orderBy("u.created_at", "ASC").addOrderBy("u.id", "ASC"));
