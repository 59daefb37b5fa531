import type { EntityManager } from "typeorm";
import { administeredUsers } from "../auth/ownership";
import type { Viewer } from "../auth/viewer";
import { readEntities } from "./entity-rows";

// The viewer's organization's users, oldest first.
export const listUsers = (manager: EntityManager, viewer: Viewer) =>
  readEntities(administeredUsers(manager, viewer, "u").orderBy("u.created_at", "ASC").addOrderBy("u.id", "ASC"));
