import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { ApiKey } from "../entities";
import { readEntities } from "./entity-rows";

export const listApiKeys = (manager: EntityManager, viewer: Viewer) =>
  readEntities(scopedQuery(manager, viewer, ApiKey, "key").orderBy("key.created_at", "DESC").addOrderBy("key.id", "DESC"));
