import type { EntityManager } from "typeorm";
import { hashPassword } from "../auth/password";
import { buildCatalogue } from "./catalogue";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, PLATFORM_ORGANIZATION } from "./demo-alliance.data";
import { sellerRiskScore } from "./demo-risk-model";
import { generateListings, type SeedListing } from "./listing-generator";
import { SeededRandom } from "./random";
import { generateSellers, type SeedSeller } from "./seller-generator";
import {
  insertBrands,
  insertInfringements,
  insertListings,
  insertOrganizations,
  insertProducts,
  insertSellers,
  insertUsers,
  type SeedOrganization,
  type SeedUser,
} from "./seed-writers";

export interface SeedSummary {
  organizations: number;
  users: number;
  brands: number;
  products: number;
  sellers: number;
  listings: number;
  infringements: number;
}

export interface SeedOptions {
  seed?: number;
  listings?: number;
  // Generated times are offsets from this instant. It defaults to the start of the current UTC
  // day, so that two seedings with the same seed on the same day store identical rows.
  now?: Date;
  onProgress?: (message: string) => void;
}

const DEFAULT_SEED = 2017;
const DEFAULT_LISTINGS = 3000;
const LISTINGS_PER_SELLER = 6;

export async function isSeeded(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM organization WHERE slug = $1`, [PLATFORM_ORGANIZATION.slug]);
  return rows.length > 0;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function scoreSellers(sellers: SeedSeller[], listings: SeedListing[]): void {
  const scores = new Map<string, number[]>();
  for (const listing of listings) {
    const list = scores.get(listing.sellerId) ?? [];
    list.push(listing.riskScore);
    scores.set(listing.sellerId, list);
  }
  for (const seller of sellers) {
    seller.riskScore = sellerRiskScore(seller.strikeCount, seller.status, scores.get(seller.id) ?? []);
  }
}

// Seeds the demo alliance through `manager`, which must belong to the caller's transaction: the
// embedded database has a single connection, so any other route to it would deadlock.
export async function seedDemoAlliance(manager: EntityManager, options: SeedOptions = {}): Promise<SeedSummary> {
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const listingCount = options.listings ?? DEFAULT_LISTINGS;
  const now = options.now ?? startOfUtcDay(new Date());
  const progress = options.onProgress ?? (() => {});
  if (await isSeeded(manager)) throw new Error("The demo alliance is already seeded in this database.");

  const idRandom = random.fork("organizations");
  const organizations: SeedOrganization[] = DEMO_ORGANIZATIONS.map((org) => ({
    id: idRandom.uuid(),
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    joinedAt: new Date(org.joinedAt),
  }));
  const orgIdBySlug = new Map(organizations.map((org) => [org.slug, org.id]));
  const joinedAt = new Map(organizations.map((org) => [org.id, org.joinedAt]));
  const joinedAtOf = (orgId: string) => joinedAt.get(orgId)!;
  await insertOrganizations(manager, organizations);
  progress(`organizations: ${organizations.length}`);

  // scrypt is deliberately slow: one hash, shared by every demo user.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userRandom = random.fork("users");
  const users: SeedUser[] = DEMO_USERS.map(({ orgSlug, ...user }) => {
    const ownerOrgId = orgIdBySlug.get(orgSlug)!;
    return { ...user, id: userRandom.uuid(), ownerOrgId, passwordHash, createdAt: joinedAtOf(ownerOrgId) };
  });
  await insertUsers(manager, users);
  progress(`users: ${users.length}`);

  const catalogue = buildCatalogue(random.fork("catalogue"), DEMO_ORGANIZATIONS, orgIdBySlug);
  const products = catalogue.flatMap((brand) => brand.products);
  await insertBrands(manager, catalogue, joinedAtOf);
  progress(`brands: ${catalogue.length}`);
  await insertProducts(manager, products, joinedAtOf);
  progress(`products: ${products.length}`);

  const sellerCount = Math.max(1, Math.round(listingCount / LISTINGS_PER_SELLER));
  const sellers = generateSellers(random.fork("sellers"), sellerCount, now);
  const { listings, infringements } = generateListings(random.fork("listings"), catalogue, sellers, listingCount, now);
  scoreSellers(sellers, listings);
  await insertSellers(manager, sellers);
  progress(`sellers: ${sellers.length}`);
  await insertListings(manager, listings);
  progress(`listings: ${listings.length}`);
  await insertInfringements(manager, infringements);
  progress(`infringements: ${infringements.length}`);

  return {
    organizations: organizations.length,
    users: users.length,
    brands: catalogue.length,
    products: products.length,
    sellers: sellers.length,
    listings: listings.length,
    infringements: infringements.length,
  };
}
