import type { EntityManager } from "typeorm";
import { scopedQuery } from "../auth/scoped-query";
import type { Viewer } from "../auth/viewer";
import { Brand, Product } from "../entities";
import { paginate, type PageRequest } from "./keyset-pagination";
import { readEntities } from "./entity-rows";
import { badInput } from "../errors";

export const listBrands = (manager: EntityManager, viewer: Viewer) =>
  readEntities(scopedQuery(manager, viewer, Brand, "brand").orderBy("brand.name", "ASC"));

export interface ProductListFilter {
  brandIds?: string[];
  category?: string;
  sku?: string;
  includeRemoved?: boolean;
}

export function listProducts(
  manager: EntityManager,
  viewer: Viewer,
  filter: ProductListFilter,
  page: PageRequest,
) {
  const query = scopedQuery(manager, viewer, Product, "product");
  if (filter.brandIds) query.andWhere("product.brand_id = ANY(:brandIds)", { brandIds: filter.brandIds });
  if (!filter.includeRemoved) query.andWhere("product.removed_at IS NULL");
  for (const field of ["category", "sku"] as const) {
    const value = filter[field];
    if (value === undefined) continue;
    // An empty value was taken for no condition: a look-up of a SKU left blank gave the whole
    // catalogue. One of spaces matches nothing (a product's SKU and category are stored trimmed).
    if (!value.trim()) throw badInput(`\`${field}\` must not be empty or blank; leave it out to not filter by it`);
    query.andWhere(`product.${field} = :${field}`, { [field]: value });
  }
  return paginate(query, "product", { name: "sku", column: "sku", kind: "text", direction: "ASC", valueOf: (row) => row.sku }, page);
}
