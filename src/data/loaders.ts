import DataLoader from "dataloader";
import type { EntityManager, ObjectLiteral } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import {
  ApiKey,
  Brand,
  InfringementNote,
  Listing,
  Organization,
  Product,
  Seller,
  SuspectedInfringement,
  User,
} from "../entities";

type EntityClass<T> = abstract new () => T;

// Per request, bound to the viewer when made: a cache shared across viewers would hand one
// tenant's rows to another. Every batch goes through the row scope, so an id outside the scope
// loads as null, exactly like an id that does not exist.
function byId<T extends ObjectLiteral & { id: string }>(manager: EntityManager, viewer: Viewer, entity: EntityClass<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await scopedQuery(manager, viewer, entity, "row").andWhere("row.id = ANY(:ids)", { ids }).getMany();
    const byKey = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byKey.get(id) ?? null);
  });
}

export function createLoaders(manager: EntityManager, viewer: Viewer) {
  return {
    organization: byId(manager, viewer, Organization),
    user: byId(manager, viewer, User),
    apiKey: byId(manager, viewer, ApiKey),
    brand: byId(manager, viewer, Brand),
    product: byId(manager, viewer, Product),
    seller: byId(manager, viewer, Seller),
    listing: byId(manager, viewer, Listing),
    infringement: byId(manager, viewer, SuspectedInfringement),
    infringementNote: byId(manager, viewer, InfringementNote),
    notesOfInfringement: new DataLoader<string, InfringementNote[]>(async (infringementIds) => {
      const notes = await scopedQuery(manager, viewer, InfringementNote, "note")
        .andWhere("note.infringement_id = ANY(:infringementIds)", { infringementIds })
        .orderBy("note.created_at", "ASC")
        .addOrderBy("note.id", "ASC")
        .getMany();
      return infringementIds.map((id) => notes.filter((note) => note.infringementId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
