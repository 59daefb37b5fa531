import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { User } from "../entities";
import { scopedQuery } from "./scoped-query";
import type { Viewer } from "./viewer";

// What stays an organization's own among the rows others may read. The row scopes (row-scopes.ts)
// say what a viewer reads; these rules say which of those rows only their owner organization
// changes or speaks for:
// - a legal action is its plaintiff's to update: the platform reads every one, but a change it
//   made to a brand's suit would pass for the brand's, and the brand could not tell who made it;
// - feedback is withdrawn only by the organization that wrote it, and endorsed only by others;
// - an indicator is widened or expired only by its contributor, however widely it is shared;
// - users are administered by their own organization's admins (the platform reads everyone's);
// - a member's endorsements and its figures of a report are its own (the platform reads them all).
type Owned = { ownerOrgId: string };
type EntityClass<T> = abstract new () => T;

export const isOwn = (viewer: Viewer, row: Owned): boolean => row.ownerOrgId === viewer.orgId;

// The viewer's organization's own rows of an entity, within the viewer's row scope.
export const ownRows = <T extends ObjectLiteral & Owned>(
  manager: EntityManager,
  viewer: Viewer,
  entity: EntityClass<T>,
  alias: string,
): SelectQueryBuilder<T> =>
  scopedQuery(manager, viewer, entity, alias).andWhere(`${alias}.owner_org_id = :ownerOrgOfViewer`, { ownerOrgOfViewer: viewer.orgId });

// The users an organization's admins list, invite against, disable and change the role of.
export const administeredUsers = (manager: EntityManager, viewer: Viewer, alias: string): SelectQueryBuilder<User> =>
  ownRows(manager, viewer, User, alias);
