import type { EntityManager } from "typeorm";
import type { OrgKind, UserRole } from "../entities/enums";
import type { CatalogueBrand, CatalogueProduct } from "./catalogue";
import { insertWithUnnest } from "./unnest-insert";

// One set-based insert per table for the alliance's members; listings, sellers and infringements
// come in through listing ingest (src/ingest).

export interface SeedOrganization {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  joinedAt: Date;
  emailDomains: string[];
}

export interface SeedUser {
  id: string;
  ownerOrgId: string;
  email: string;
  displayName: string;
  role: UserRole;
  passwordHash: string;
  createdAt: Date;
}

export function insertOrganizations(manager: EntityManager, rows: SeedOrganization[]): Promise<void> {
  return insertWithUnnest(manager, "organization", [
    { name: "id", type: "uuid", value: (o) => o.id },
    { name: "slug", type: "text", value: (o) => o.slug },
    { name: "name", type: "text", value: (o) => o.name },
    { name: "kind", type: { enum: "org_kind" }, value: (o) => o.kind },
    { name: "email_domains", type: "text[]", value: (o) => o.emailDomains },
    { name: "joined_at", type: "timestamptz", value: (o) => o.joinedAt },
    { name: "created_at", type: "timestamptz", value: (o) => o.joinedAt },
  ], rows);
}

export function insertUsers(manager: EntityManager, rows: SeedUser[]): Promise<void> {
  return insertWithUnnest(manager, "app_user", [
    { name: "id", type: "uuid", value: (u) => u.id },
    { name: "owner_org_id", type: "uuid", value: (u) => u.ownerOrgId },
    { name: "email", type: "text", value: (u) => u.email },
    { name: "display_name", type: "text", value: (u) => u.displayName },
    { name: "role", type: { enum: "user_role" }, value: (u) => u.role },
    { name: "password_hash", type: "text", value: (u) => u.passwordHash },
    { name: "created_at", type: "timestamptz", value: (u) => u.createdAt },
  ], rows);
}

export function insertBrands(
  manager: EntityManager,
  rows: CatalogueBrand[],
  createdAt: (orgId: string) => Date,
): Promise<void> {
  return insertWithUnnest(manager, "brand", [
    { name: "id", type: "uuid", value: (b) => b.id },
    { name: "owner_org_id", type: "uuid", value: (b) => b.ownerOrgId },
    { name: "name", type: "text", value: (b) => b.name },
    { name: "aliases", type: "text[]", value: (b) => b.aliases },
    { name: "created_at", type: "timestamptz", value: (b) => createdAt(b.ownerOrgId) },
  ], rows);
}

// Each product with its one spell in the catalogue, from when its brand joined.
export async function insertProducts(
  manager: EntityManager,
  rows: CatalogueProduct[],
  createdAt: (orgId: string) => Date,
): Promise<void> {
  await insertWithUnnest(manager, "product", [
    { name: "id", type: "uuid", value: (p) => p.id },
    { name: "owner_org_id", type: "uuid", value: (p) => p.brand.ownerOrgId },
    { name: "brand_id", type: "uuid", value: (p) => p.brand.id },
    { name: "sku", type: "text", value: (p) => p.sku },
    { name: "name", type: "text", value: (p) => p.name },
    { name: "category", type: "text", value: (p) => p.brand.category },
    { name: "msrp_minor", type: "bigint", value: (p) => p.msrpMinor },
    { name: "currency", type: "text", value: (p) => p.currency },
    { name: "specs", type: "jsonb", value: (p) => p.specs },
    { name: "logo_hashes", type: "text[]", value: (p) => p.logoHashes },
    { name: "created_at", type: "timestamptz", value: (p) => createdAt(p.brand.ownerOrgId) },
  ], rows);
  await insertWithUnnest(manager, "product_spell", [
    { name: "product_id", type: "uuid", value: (p) => p.id },
    { name: "category", type: "text", value: (p) => p.brand.category },
    { name: "started_at", type: "timestamptz", value: (p) => createdAt(p.brand.ownerOrgId) },
  ], rows);
}
