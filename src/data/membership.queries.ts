import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Invitation, Organization } from "../entities";
import type { OrgKind } from "../entities/enums";
import { readEntities } from "./entity-rows";

export const listOrganizations = (manager: EntityManager, viewer: Viewer, kind?: OrgKind) => {
  const query = scopedQuery(manager, viewer, Organization, "org");
  if (kind) query.andWhere("org.kind = :kind", { kind });
  // Names need not be unique (an agency may share a member's): the id keeps one order for ties.
  return readEntities(query.orderBy("org.name", "ASC").addOrderBy("org.id", "ASC"));
};

export const listInvitations = (manager: EntityManager, viewer: Viewer) =>
  readEntities(scopedQuery(manager, viewer, Invitation, "inv").orderBy("inv.created_at", "DESC").addOrderBy("inv.id", "DESC"));
