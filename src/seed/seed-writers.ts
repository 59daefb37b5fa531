import type { EntityManager } from "typeorm";
import type { OrgKind, UserRole } from "../entities/enums";
import type { CatalogueBrand, CatalogueProduct } from "./catalogue";
import type { SeedInfringement, SeedListing } from "./listing-generator";
import type { SeedSeller } from "./seller-generator";
import { insertWithUnnest } from "./unnest-insert";

// One set-based insert per table; column names and types as in the Initial migration.

export interface SeedOrganization {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  joinedAt: Date;
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

export function insertProducts(
  manager: EntityManager,
  rows: CatalogueProduct[],
  createdAt: (orgId: string) => Date,
): Promise<void> {
  return insertWithUnnest(manager, "product", [
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
}

export function insertSellers(manager: EntityManager, rows: SeedSeller[]): Promise<void> {
  return insertWithUnnest(manager, "seller", [
    { name: "id", type: "uuid", value: (s) => s.id },
    { name: "marketplace", type: { enum: "marketplace" }, value: (s) => s.marketplace },
    { name: "external_id", type: "text", value: (s) => s.externalId },
    { name: "public_name", type: "text", value: (s) => s.publicName },
    { name: "status", type: { enum: "seller_status" }, value: (s) => s.status },
    { name: "strike_count", type: "integer", value: (s) => s.strikeCount },
    { name: "risk_score", type: "smallint", value: (s) => s.riskScore },
    { name: "opened_at", type: "timestamptz", value: (s) => s.openedAt },
    { name: "registered_name", type: "text", value: (s) => s.registeredName },
    { name: "contact", type: "text", value: (s) => s.contact },
    { name: "payment_account", type: "text", value: (s) => s.paymentAccount },
    // The platform has known the store since it opened.
    { name: "created_at", type: "timestamptz", value: (s) => s.openedAt },
  ], rows);
}

export function insertListings(manager: EntityManager, rows: SeedListing[]): Promise<void> {
  return insertWithUnnest(manager, "listing", [
    { name: "id", type: "uuid", value: (l) => l.id },
    { name: "marketplace", type: { enum: "marketplace" }, value: (l) => l.marketplace },
    { name: "external_id", type: "text", value: (l) => l.externalId },
    { name: "seller_id", type: "uuid", value: (l) => l.sellerId },
    { name: "title", type: "text", value: (l) => l.title },
    { name: "price_minor", type: "bigint", value: (l) => l.priceMinor },
    { name: "currency", type: "text", value: (l) => l.currency },
    { name: "specs", type: "jsonb", value: (l) => l.specs },
    { name: "image_hashes", type: "text[]", value: (l) => l.imageHashes },
    { name: "review_count", type: "integer", value: (l) => l.reviewCount },
    { name: "average_rating", type: "real", value: (l) => l.averageRating },
    { name: "status", type: { enum: "listing_status" }, value: (l) => l.status },
    { name: "risk_score", type: "smallint", value: (l) => l.riskScore },
    { name: "risk_signals", type: "jsonb", value: (l) => l.riskSignals },
    { name: "model_version", type: "text", value: (l) => l.modelVersion },
    { name: "first_seen_at", type: "timestamptz", value: (l) => l.firstSeenAt },
    { name: "last_seen_at", type: "timestamptz", value: (l) => l.lastSeenAt },
  ], rows);
}

export function insertInfringements(manager: EntityManager, rows: SeedInfringement[]): Promise<void> {
  return insertWithUnnest(manager, "suspected_infringement", [
    { name: "id", type: "uuid", value: (i) => i.id },
    { name: "owner_org_id", type: "uuid", value: (i) => i.ownerOrgId },
    { name: "brand_id", type: "uuid", value: (i) => i.brandId },
    { name: "listing_id", type: "uuid", value: (i) => i.listingId },
    { name: "seller_id", type: "uuid", value: (i) => i.sellerId },
    { name: "marketplace", type: { enum: "marketplace" }, value: (i) => i.marketplace },
    { name: "status", type: { enum: "infringement_status" }, value: (i) => i.status },
    { name: "risk_score", type: "smallint", value: (i) => i.riskScore },
    { name: "risk_signals", type: "jsonb", value: (i) => i.riskSignals },
    { name: "model_version", type: "text", value: (i) => i.modelVersion },
    { name: "detected_at", type: "timestamptz", value: (i) => i.detectedAt },
    { name: "updated_at", type: "timestamptz", value: (i) => i.updatedAt },
  ], rows);
}
