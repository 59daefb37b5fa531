import DataLoader from "dataloader";
import type { EntityManager, ObjectLiteral } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import {
  ApiKey,
  Brand,
  Indicator,
  IndicatorSighting,
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
    indicator: byId(manager, viewer, Indicator),
    // Counted through the indicator's row scope: whoever sees an indicator sees how often it was
    // sighted, by anyone.
    sightingCountOfIndicator: new DataLoader<string, number>(async (indicatorIds) => {
      const rows: { id: string; sightings: number }[] = await scopedQuery(manager, viewer, Indicator, "ind")
        .select("ind.id", "id")
        .addSelect("count(sighting.id)::int", "sightings")
        .leftJoin(IndicatorSighting, "sighting", "sighting.indicator_id = ind.id")
        .andWhere("ind.id = ANY(:indicatorIds)", { indicatorIds })
        .groupBy("ind.id")
        .getRawMany();
      const byId = new Map(rows.map((row) => [row.id, row.sightings]));
      return indicatorIds.map((id) => byId.get(id) ?? 0);
    }),
    // Who sighted: only the viewer's own organization's sightings, or all of them for the platform.
    sightingsOfIndicator: new DataLoader<string, IndicatorSighting[]>(async (indicatorIds) => {
      const sightings = await scopedQuery(manager, viewer, IndicatorSighting, "sighting")
        .andWhere("sighting.indicator_id = ANY(:indicatorIds)", { indicatorIds })
        .orderBy("sighting.seen_at", "DESC")
        .addOrderBy("sighting.id", "DESC")
        .getMany();
      return indicatorIds.map((id) => sightings.filter((sighting) => sighting.indicatorId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
