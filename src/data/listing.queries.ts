import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Listing } from "../entities";
import type { Marketplace } from "../entities/enums";
import { badInput } from "../errors";
import { readEntities } from "./entity-rows";

// Listings by the marketplace's own item ids, through the listing row scope: one the viewer may
// not read answers null, exactly as an id no listing has. In the order asked, one statement.
export async function listingsByExternalId(
  manager: EntityManager,
  viewer: Viewer,
  marketplace: Marketplace,
  externalIds: readonly string[],
  maxIds: number,
): Promise<(Listing | null)[]> {
  if (externalIds.length === 0 || externalIds.length > maxIds) throw badInput(`Give 1 to ${maxIds} \`externalIds\``);
  const rows = await readEntities(
    scopedQuery(manager, viewer, Listing, "row").andWhere("row.marketplace = :marketplace AND row.external_id = ANY(:externalIds)", {
      marketplace,
      externalIds: [...externalIds],
    }),
  );
  const byExternalId = new Map(rows.map((row) => [row.externalId, row]));
  return externalIds.map((id) => byExternalId.get(id) ?? null);
}
