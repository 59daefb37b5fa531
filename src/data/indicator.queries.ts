import type { EntityManager } from "typeorm";
import { contributorVisible, notExpired } from "../auth/intel-visibility";
import { scopedQuery, scopeOf } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Brand, Indicator } from "../entities";
import type { IndicatorDistribution, IndicatorKind } from "../entities/enums";
import { badInput } from "../errors";
import { normalizeIndicatorValue } from "../domain/intel/indicator-normalization";
import type { KeyedHasher } from "../domain/intel/keyed-hash";
import { whereOneOf } from "./one-of";
import { paginate, type Direction, type KeysetOrder, type PageRequest } from "./keyset-pagination";

export interface IndicatorListFilter {
  kinds?: IndicatorKind[];
  distributions?: IndicatorDistribution[];
  brandIds?: string[];
  contributedByMe?: boolean;
  contributorId?: string;
  value?: { kind: IndicatorKind; value: string };
  includeExpired?: boolean;
}

export type IndicatorSort = "CREATED_AT" | "CONFIDENCE" | "LAST_SEEN_AT";

const ORDERS: Record<IndicatorSort, Omit<KeysetOrder<Indicator>, "direction">> = {
  CREATED_AT: { name: "createdAt", column: "created_at", kind: "instant", valueOf: (row) => row.createdAt.toISOString() },
  CONFIDENCE: { name: "confidence", column: "confidence", kind: "integer", valueOf: (row) => row.confidence },
  LAST_SEEN_AT: { name: "lastSeenAt", column: "last_seen_at", kind: "instant", valueOf: (row) => row.lastSeenAt.toISOString() },
};

// Every condition goes on top of the row scope, so filters, ordering, cursors and totalCount only
// ever range over indicators the viewer may see.
export function listIndicators(
  manager: EntityManager,
  viewer: Viewer,
  hasher: KeyedHasher,
  filter: IndicatorListFilter,
  sort: { field: IndicatorSort; direction: Direction },
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, Indicator, "ind");
  // One kind, or one brand, as `=` (one-of.ts), so that the page walks its (kind, order) or (brand,
  // order) index in order.
  if (filter.kinds) whereOneOf(query, "ind.kind", "kind", filter.kinds);
  if (filter.distributions) query.andWhere("ind.distribution = ANY(:distributions)", { distributions: filter.distributions });
  // Filters that name the contributor select only among rows whose contributor the viewer may
  // read (an anonymous row never answers to them), and brands only among those it may read (an
  // indicator's brand shows to the brand's owner and the platform alone).
  const contributorShown = contributorVisible(viewer, "ind");
  if (filter.brandIds) {
    const brandShown = scopeOf(viewer, Brand, "filter_brand");
    whereOneOf(query, "ind.brand_id", "brandIds", filter.brandIds);
    query.andWhere(`EXISTS (SELECT 1 FROM brand filter_brand WHERE filter_brand.id = ind.brand_id AND ${brandShown.sql})`, brandShown.params);
  }
  if (filter.contributedByMe !== undefined) {
    query.andWhere(filter.contributedByMe ? "ind.owner_org_id = :myOrgId" : "ind.owner_org_id <> :myOrgId", { myOrgId: viewer.orgId });
  }
  if (filter.contributorId) {
    query.andWhere(`ind.owner_org_id = :contributorId AND ${contributorShown.sql}`, {
      contributorId: filter.contributorId,
      ...contributorShown.params,
    });
  }
  if (filter.value) {
    const normalized = normalizeIndicatorValue(filter.value.kind, filter.value.value);
    if (!normalized.ok) throw badInput(`filter.value: ${filter.value.kind} value ${normalized.reason}`);
    // Compared by keyed hash, inside the scope, like a blind match would.
    query.andWhere("ind.value_hash = decode(:valueHash, 'hex')", { valueHash: hasher.hashHex(filter.value.kind, normalized.value) });
  }
  if (!filter.includeExpired) query.andWhere(notExpired("ind"));
  return paginate(query, "ind", { ...ORDERS[sort.field], direction: sort.direction }, page);
}
